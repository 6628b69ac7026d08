# shellcheck shell=bash disable=SC2034  # FUZZ_CMD is read by the scripts that source this file
# Shared by scripts/fuzz and scripts/fuzz-hours (sourced, not run): how each fuzz target is
# started on its corpus, regression inputs, seeds and dictionary.
# build/fuzz/tests/fuzz/seeds.txt (written by tests/fuzz/CMakeLists.txt) has one line per
# target: its name, its regression folder, its seed files and folders.
fuzz_build=${FUZZ_BUILD:-build/fuzz}
fuzz_runs=build/fuzz/runs

# The names of the targets, in the seeds file's order.
fuzz_targets() { cut -d' ' -f1 "$fuzz_build/tests/fuzz/seeds.txt"; }

# Sets the array FUZZ_CMD to the libFuzzer command line of target $1 running $2 seconds
# (wall time) with a per-input timeout of $3 seconds; prepares its corpus and crash folders.
fuzz_command() {
  local what=$1 seconds=$2 timeout=$3 line regressions seeds seed dict
  line=$(grep "^$what " "$fuzz_build/tests/fuzz/seeds.txt") || return 1
  read -r _ regressions seeds <<<"$line"
  local corpus=$fuzz_runs/corpus/$what
  mkdir -p "$corpus" "$fuzz_runs/crashes/$what"
  local dirs=("$regressions")
  for seed in $seeds; do
    if [ -d "$seed" ]; then dirs+=("$seed"); else cp "$seed" "$corpus/"; fi  # libFuzzer: folders only
  done
  case $what in
    record | rules | site_config) dict=tests/fuzz/dict/yaml.dict ;;
    page) dict=tests/fuzz/dict/markdown.dict ;;
    manifest | external_protocol) dict=tests/fuzz/dict/json.dict ;;
    template) dict=tests/fuzz/dict/template.dict ;;
    journal) dict=tests/fuzz/dict/journal.dict ;;
    xlsx_parts | import_justification) dict=tests/fuzz/dict/xlsx_parts.dict ;;
    *) dict="" ;;
  esac
  FUZZ_CMD=("$fuzz_build/tests/fuzz/fuzz_$what" -max_total_time="$seconds" -timeout="$timeout"
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 ${dict:+-dict=$dict}
    -artifact_prefix="$fuzz_runs/crashes/$what/" "$corpus" "${dirs[@]}")
}
