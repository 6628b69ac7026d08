#!/bin/sh
# Conventions per second: Tampon against WeasyPrint on the same convention text (issue #3).
#
#   bench/pdf/run.sh                 # national synthetic set (bench/gen, --scale 1)
#   SCALE=0.2 WEASY_COUNT=100 bench/pdf/run.sh
#
# 1. generates the national synthetic project (5 000 conventions and their avenants);
# 2. times `tampon build --only convention-pdf` on every core (all conventions and avenants),
#    and `tampon validate` alone, so the rendering share can be told apart from loading;
# 3. writes the same convention text (the Markdown of the convention template, as HTML with
#    the same page layout in CSS) for WEASY_COUNT conventions and renders it with WeasyPrint,
#    one Python process per core;
# 4. prints documents per second for both, their ratio, and peak memory (/usr/bin/time -v).
#
# Environment: BUILD (release build folder, default build/release), TAMPON, BENCH_TOOL, SCALE,
# JOBS (default nproc), WEASY_COUNT (default 200; "all" for every convention), WORK (kept
# when given).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build/release}
TAMPON=${TAMPON:-$BUILD/generator/tampon}
BENCH_TOOL=${BENCH_TOOL:-$BUILD/bench/pdf/bench_pdf_text}
SCALE=${SCALE:-1}
JOBS=${JOBS:-$(nproc)}
WEASY_COUNT=${WEASY_COUNT:-200}
AS_OF=2023-01-01
for tool in "$TAMPON" "$BENCH_TOOL"; do
  [ -x "$tool" ] || { echo "introuvable : $tool (cmake --build $BUILD --target tampon bench_pdf_text)" >&2; exit 2; }
done
if [ -n "${WORK:-}" ]; then mkdir -p "$WORK"; else WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT; fi
PROJECT="$WORK/national"

# Peak resident memory (MiB) and wall seconds from a `/usr/bin/time -v` report.
peak_mib() { awk -F: '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
cpu_s() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.3f", s }' "$1"; }
wall_s() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
    for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.3f", s }' "$1"
}

if [ ! -d "$PROJECT/data" ]; then
  echo "== données synthétiques (--scale $SCALE)"
  python3 "$ROOT/bench/gen/generate.py" --scale "$SCALE" --out "$PROJECT" > /dev/null
fi

echo "== tampon validate (chargement et validation seuls)"
/usr/bin/time -v "$TAMPON" validate --project "$PROJECT" --as-of "$AS_OF" --only convention-pdf \
  --jobs "$JOBS" --quiet 2> "$WORK/validate.time" || true
echo "== tampon build --only convention-pdf --jobs $JOBS"
rm -rf "$WORK/out"
/usr/bin/time -v "$TAMPON" build --project "$PROJECT" --out "$WORK/out" --as-of "$AS_OF" \
  --only convention-pdf --jobs "$JOBS" --quiet 2> "$WORK/build.time"
docs=$(find "$WORK/out" -name '*.pdf' | wc -l)
conventions=$(find "$WORK/out/conventions" -name '*.pdf' | wc -l)

echo "== même texte pour WeasyPrint ($WEASY_COUNT conventions) et moteur seul"
count=$WEASY_COUNT
[ "$count" = all ] && count=0
"$BENCH_TOOL" --project "$PROJECT" --out "$WORK/text" --count "$count" --as-of "$AS_OF" \
  --render "$JOBS" > "$WORK/engine.txt"
weasy_docs=$(find "$WORK/text/html" -name '*.html' | wc -l)
echo "== WeasyPrint, $JOBS processus"
/usr/bin/time -v sh -c '
  i=0
  while [ $i -lt "$1" ]; do
    /usr/bin/python3 "$2/bench/pdf/weasyprint_batch.py" $i "$1" "$3/text/html" "$3/weasy" &
    i=$((i + 1))
  done
  wait' sh "$JOBS" "$ROOT" "$WORK" > "$WORK/weasy.txt" 2> "$WORK/weasy.time"

validate_s=$(wall_s "$WORK/validate.time")
build_s=$(wall_s "$WORK/build.time")
weasy_s=$(wall_s "$WORK/weasy.time")
awk -v docs="$docs" -v conv="$conventions" -v b="$build_s" -v v="$validate_s" \
    -v wd="$weasy_docs" -v ws="$weasy_s" -v jobs="$JOBS" \
    -v bm="$(peak_mib "$WORK/build.time")" -v wm="$(peak_mib "$WORK/weasy.time")" \
    -v bc="$(cpu_s "$WORK/build.time")" -v vc="$(cpu_s "$WORK/validate.time")" \
    -v wc="$(cpu_s "$WORK/weasy.time")" \
    -v engine="$(grep engine_only "$WORK/engine.txt")" 'BEGIN {
  tampon = docs / b; render = docs / (b - v); weasy = wd / ws
  printf "\nRésultats sur %d cœurs\n", jobs
  printf "  Tampon     : %d documents (%d conventions + %d avenants) en %.2f s : %.1f documents/s de bout en bout\n", docs, conv, docs - conv, b, tampon
  printf "               dont chargement et validation %.2f s ; rendu seul : %.1f documents/s\n", v, render
  printf "               mémoire maximale %d Mio ; temps processeur du rendu %.1f ms par document\n", bm, 1000 * (bc - vc) / docs
  printf "               %s\n", engine
  printf "  WeasyPrint : %d conventions en %.2f s : %.1f documents/s (%.0f ms par document et par cœur), mémoire maximale par processus %d Mio\n", wd, ws, weasy, 1000 * ws * jobs / wd, wm
  printf "               temps processeur %.0f ms par document (démarrage de Python compris)\n", 1000 * wc / wd
  printf "  Rapport    : %.1f× de bout en bout, %.1f× au rendu seul, %.1f× en temps processeur\n", tampon / weasy, render / weasy, (wc / wd) / ((bc - vc) / docs)
}'
