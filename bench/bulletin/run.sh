#!/bin/sh
# Activity bulletins per second (issue #6): HTML and PDF, national synthetic set.
#
#   bench/bulletin/run.sh                          # build release, generate --scale 1, measure
#   DATA=build/bench-data/x1-departement-s2021-… bench/bulletin/run.sh   # an existing project
#   SCALE=0.1 bench/bulletin/run.sh                # a smaller set
#
# 1. builds the release binaries `tampon` and `bench_bulletin` in BUILD (build/bulletin-release);
# 2. generates the national synthetic project (bench/gen/generate.py --scale SCALE: 4 000
#    structures, 10 000 conseillers, 120 000 monthly reports) unless DATA names one;
# 3. times `tampon validate --only bulletin` (loading, validation and the emitter's check), then
#    `tampon build --only bulletin` end to end (HTML and PDF together, written through the
#    host: temporary files, renames, manifest), each under /usr/bin/time -v;
# 4. runs bench_bulletin, which renders the same jobs through the same emitter, every HTML
#    bulletin first, then every PDF one, each timed on its own (the CLI cannot split them);
# 5. prints bulletins per second for HTML and PDF against the targets (200 and 100 per second
#    on 2 cores) and peak memory; the exit status is 1 when a target is missed.
#
# Environment: BUILD, JOBS (default 2: the reference machine), SCALE (default 1), AS_OF
# (default 2024-06-30), DATA (project folder, kept), WORK (outputs; a temporary folder removed
# at the end unless given), NO_BUILD=1 (use the binaries already in BUILD).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build/bulletin-release}
JOBS=${JOBS:-2}
SCALE=${SCALE:-1}
AS_OF=${AS_OF:-2024-06-30}
TAMPON=$BUILD/generator/tampon
BENCH=$BUILD/bench/bulletin/bench_bulletin

if [ -z "${NO_BUILD:-}" ]; then
  echo "== construction Release ($BUILD)"
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
  cmake --build "$BUILD" --target tampon bench_bulletin -j "$JOBS" > /dev/null
fi
for tool in "$TAMPON" "$BENCH"; do
  [ -x "$tool" ] || { echo "introuvable : $tool" >&2; exit 2; }
done
if [ -n "${WORK:-}" ]; then mkdir -p "$WORK"; else WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT; fi
PROJECT=${DATA:-$ROOT/build/bench-data/bulletin-x$SCALE}
if [ ! -d "$PROJECT/data" ]; then
  echo "== données synthétiques (--scale $SCALE) dans $PROJECT"
  python3 "$ROOT/bench/gen/generate.py" --scale "$SCALE" --out "$PROJECT" > /dev/null
fi
export TAMPON_CACHE_DIR="$WORK/cache"

# From a `/usr/bin/time -v` report: peak resident memory (MiB), wall and CPU seconds.
peak_mib() { awk -F: '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
cpu_s() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.3f", s }' "$1"; }
wall_s() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
    for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.3f", s }' "$1"
}

echo "== charge de la machine : $(uptime)"
echo "== tampon validate --only bulletin (chargement, validation, vérification de l'émetteur)"
/usr/bin/time -v "$TAMPON" validate --project "$PROJECT" --as-of "$AS_OF" --only bulletin \
  --jobs "$JOBS" --quiet 2> "$WORK/validate.time" > /dev/null || true
echo "== tampon build --only bulletin --jobs $JOBS"
rm -rf "$WORK/out"
/usr/bin/time -v "$TAMPON" build --project "$PROJECT" --out "$WORK/out" --as-of "$AS_OF" \
  --only bulletin --jobs "$JOBS" --quiet 2> "$WORK/build.time"
html=$(find "$WORK/out/bulletins" -name '*.html' | wc -l)
pdf=$(find "$WORK/out/bulletins" -name '*.pdf' | wc -l)
structures=$(find "$WORK/out/bulletins" -mindepth 1 -maxdepth 1 -type d | wc -l)
echo "== bench_bulletin : HTML puis PDF, chacun chronométré à part, $JOBS fils"
/usr/bin/time -v "$BENCH" --project "$PROJECT" --out "$WORK/split" --as-of "$AS_OF" \
  --threads "$JOBS" > "$WORK/split.txt" 2> "$WORK/split.time"
cat "$WORK/split.txt"
echo "== charge de la machine : $(uptime)"

field() { grep "^$1 " "$WORK/split.txt" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }
awk -v html="$html" -v pdf="$pdf" -v st="$structures" -v jobs="$JOBS" \
    -v b="$(wall_s "$WORK/build.time")" -v v="$(wall_s "$WORK/validate.time")" \
    -v bc="$(cpu_s "$WORK/build.time")" -v vc="$(cpu_s "$WORK/validate.time")" \
    -v bm="$(peak_mib "$WORK/build.time")" -v sm="$(peak_mib "$WORK/split.time")" \
    -v hr="$(field html per_second)" -v pr="$(field pdf per_second)" \
    -v hc="$(field html cpu_ms_per_bulletin)" -v pc="$(field pdf cpu_ms_per_bulletin)" 'BEGIN {
  printf "\nRésultats sur %d cœurs\n", jobs
  printf "  tampon build --only bulletin : %d structures, %d bulletins HTML + %d PDF en %.2f s de bout en bout\n", st, html, pdf, b
  printf "    dont chargement, validation et vérification %.2f s ; rendu et écriture %.2f s : %.1f bulletins (HTML + PDF) par seconde\n", v, b - v, (html + pdf) / (b - v)
  printf "    temps processeur du rendu %.2f ms par bulletin ; mémoire maximale %d Mio\n", 1000 * (bc - vc) / (html + pdf), bm
  printf "  Émetteur seul (bench_bulletin) : HTML %.1f bulletins/s (%.2f ms processeur chacun), PDF %.1f bulletins/s (%.2f ms), mémoire maximale %d Mio\n", hr, hc, pr, pc, sm
  ok = hr >= 200 && pr >= 100
  printf "  Objectifs (200 HTML/s, 100 PDF/s) : %s\n", ok ? "atteints" : "MANQUÉS"
  exit ok ? 0 : 1
}'
