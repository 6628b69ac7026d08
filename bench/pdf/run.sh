#!/bin/sh
# Conventions per second: Tampon (tagged PDF/UA-1 and PDF/A-2U) against WeasyPrint and Typst on
# the same convention text (issues #3 and #18).
#
#   bench/pdf/run.sh                 # national synthetic set (bench/gen, --scale 1)
#   SCALE=0.2 WEASY_COUNT=100 bench/pdf/run.sh
#
# 1. generates the national synthetic project (5 000 conventions and their avenants);
# 2. times `tampon build --only convention-pdf` on every core (all conventions and avenants),
#    and `tampon validate` alone, so the rendering share can be told apart from loading; the same
#    build with the engine as it was before tagging (commit e9df822, built once into
#    build/untagged-e9df822, or UNTAGGED=binary), alternating, best of two each, to print what
#    tagging costs in throughput, CPU time and file size;
# 3. writes the same convention text (the Markdown of the convention template, as HTML and as
#    Typst markup with the same page layout) for WEASY_COUNT conventions, and times Tampon's
#    document engine alone on those conventions;
# 4. renders the HTML with WeasyPrint, one Python process per core, untagged and with
#    `--pdf-variant pdf/ua-1`;
# 5. renders the Typst files with Typst (npm @myriaddreamin/typst-ts-node-compiler, a devDependency:
#    `npm install`), one Node process per core with a warm compiler, untagged (pdfTags: false)
#    and tagged (pdfStandard "ua-1"); skipped with a message when the package is absent;
# 6. prints documents per second for each, the ratios, and peak memory (/usr/bin/time -v).
#
# Environment: BUILD (release build folder, default build/release), TAMPON, BENCH_TOOL, SCALE,
# UNTAGGED (an untagged tampon binary), UNTAGGED_COMMIT (default e9df822),
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

# Average size in kB of the PDF files of a folder.
size_kb() { find "$1" -name '*.pdf' -printf '%s\n' 2> /dev/null | awk '{ s += $1; n++ } END { if (n) printf "%.1f", s / n / 1000; else printf "0" }'; }

if [ ! -d "$PROJECT/data" ]; then
  echo "== données synthétiques (--scale $SCALE)"
  python3 "$ROOT/bench/gen/generate.py" --scale "$SCALE" --out "$PROJECT" > /dev/null
fi

echo "== tampon validate (chargement et validation seuls)"
/usr/bin/time -v "$TAMPON" validate --project "$PROJECT" --as-of "$AS_OF" --only convention-pdf \
  --jobs "$JOBS" --quiet 2> "$WORK/validate.time" || true
# $1: the tampon binary, $2: the output folder, $3: the report of /usr/bin/time.
tampon_build() {
  rm -rf "$2"
  /usr/bin/time -v "$1" build --project "$PROJECT" --out "$2" --as-of "$AS_OF" \
    --only convention-pdf --jobs "$JOBS" --quiet 2> "$3"
}
# Of the reports given, the one with the shortest wall time.
fastest() {
  best=""
  for f in "$@"; do
    if [ -z "$best" ] || [ "$(awk -v a="$(wall_s "$f")" -v b="$(wall_s "$best")" 'BEGIN { print (a < b) }')" = 1 ]; then best=$f; fi
  done
  echo "$best"
}
# The untagged baseline the tagging cost is measured against (issue 18: "beside today's untagged
# one"): the engine at the commit before tagging, built once into build/untagged-<commit> (ccache
# keeps that cheap), or any binary given as UNTAGGED. The tagged engine has no untagged mode, so
# this is the only honest baseline: the same data through the tool as it was.
UNTAGGED_COMMIT=${UNTAGGED_COMMIT:-e9df822}
if [ -z "${UNTAGGED:-}" ]; then
  UNTAGGED_DIR="$ROOT/build/untagged-$UNTAGGED_COMMIT"
  UNTAGGED="$UNTAGGED_DIR/src/build/release/generator/tampon"
  if [ ! -x "$UNTAGGED" ] && git -C "$ROOT" cat-file -e "$UNTAGGED_COMMIT^{commit}" 2> /dev/null; then
    echo "== construction du moteur sans balisage (commit $UNTAGGED_COMMIT, une fois) dans $UNTAGGED_DIR"
    rm -rf "$UNTAGGED_DIR" && mkdir -p "$UNTAGGED_DIR/src"
    git -C "$ROOT" archive "$UNTAGGED_COMMIT" | tar -x -C "$UNTAGGED_DIR/src"
    (cd "$UNTAGGED_DIR/src" && cmake --preset release && cmake --build --preset release --target tampon -j "$JOBS") \
      > "$UNTAGGED_DIR/build.log" 2>&1 || echo "échec de la construction : voir $UNTAGGED_DIR/build.log"
  fi
fi
untagged_note=""
[ -x "$UNTAGGED" ] || untagged_note="moteur sans balisage non mesuré : $UNTAGGED introuvable"

# Tagged and untagged alternate, twice each, and the faster run of each counts: the two see the
# same machine, caches and data.
for round in 1 2; do
  echo "== tampon build --only convention-pdf --jobs $JOBS (balisé, passe $round)"
  tampon_build "$TAMPON" "$WORK/out" "$WORK/build-$round.time"
  if [ -z "$untagged_note" ]; then
    echo "== même construction, moteur d'avant le balisage ($UNTAGGED_COMMIT, passe $round)"
    tampon_build "$UNTAGGED" "$WORK/out-untagged" "$WORK/untagged-$round.time" ||
      untagged_note="moteur sans balisage en échec : voir $WORK/untagged-$round.time"
  fi
done
cp "$(fastest "$WORK/build-1.time" "$WORK/build-2.time")" "$WORK/build.time"
docs=$(find "$WORK/out" -name '*.pdf' | wc -l)
conventions=$(find "$WORK/out/conventions" -name '*.pdf' | wc -l)
untagged_rate=0; untagged_kb=0; untagged_cpu=0
if [ -z "$untagged_note" ]; then
  cp "$(fastest "$WORK/untagged-1.time" "$WORK/untagged-2.time")" "$WORK/untagged.time"
  untagged_docs=$(find "$WORK/out-untagged" -name '*.pdf' | wc -l)
  [ "$untagged_docs" -eq "$docs" ] || untagged_note="moteur sans balisage : $untagged_docs documents au lieu de $docs"
  untagged_rate=$(awk -v d="$untagged_docs" -v s="$(wall_s "$WORK/untagged.time")" 'BEGIN { printf "%.1f", d / s }')
  untagged_kb=$(size_kb "$WORK/out-untagged")
  untagged_cpu=$(cpu_s "$WORK/untagged.time")
fi

echo "== même texte pour WeasyPrint ($WEASY_COUNT conventions) et moteur seul"
count=$WEASY_COUNT
[ "$count" = all ] && count=0
"$BENCH_TOOL" --project "$PROJECT" --out "$WORK/text" --count "$count" --as-of "$AS_OF" \
  --render "$JOBS" > "$WORK/engine.txt"
weasy_docs=$(find "$WORK/text/html" -name '*.html' | wc -l)
# JOBS Python processes rendering their share; $1: the WeasyPrint variant ("" for none), $2: the
# suffix of the output folder and reports.
weasy() {
  /usr/bin/time -v sh -c '
    i=0
    while [ $i -lt "$1" ]; do
      /usr/bin/python3 "$2/bench/pdf/weasyprint_batch.py" $i "$1" "$3/text/html" "$3/weasy$5" $4 &
      i=$((i + 1))
    done
    wait' sh "$JOBS" "$ROOT" "$WORK" "$1" "$2" > "$WORK/weasy$2.txt" 2> "$WORK/weasy$2.time"
}
echo "== WeasyPrint, $JOBS processus, sans balisage"
weasy "" ""
echo "== WeasyPrint, $JOBS processus, --pdf-variant pdf/ua-1"
weasy pdf/ua-1 -ua

TYPST_PACKAGE="$ROOT/node_modules/@myriaddreamin/typst-ts-node-compiler"
typst_note=""
if ! command -v node > /dev/null 2>&1; then
  typst_note="Typst non mesuré : node introuvable"
elif [ ! -d "$TYPST_PACKAGE" ]; then
  typst_note="Typst non mesuré : paquet npm @myriaddreamin/typst-ts-node-compiler absent (npm install à la racine du dépôt)"
else
  for mode in untagged ua-1; do
    echo "== Typst, $JOBS processus, $mode"
    /usr/bin/time -v sh -c '
      cd "$2"
      i=0
      while [ $i -lt "$1" ]; do
        node "$2/bench/pdf/typst_batch.mjs" $i "$1" "$3/text/typst" "$3/typst-$4" "$4" &
        i=$((i + 1))
      done
      wait' sh "$JOBS" "$ROOT" "$WORK" "$mode" > "$WORK/typst-$mode.txt" 2> "$WORK/typst-$mode.time" ||
      { typst_note="Typst en échec ($mode) : voir $WORK/typst-$mode.time"; break; }
    [ "$(grep -c '^typst ' "$WORK/typst-$mode.txt")" -eq "$JOBS" ] ||
      { typst_note="Typst en échec ($mode) : voir $WORK/typst-$mode.time"; break; }
  done
fi
[ -z "$typst_note" ] || echo "$typst_note"

# Documents and the slowest process's seconds of the shard reports: a warm rate.
shard_rate() {
  awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "=");
           if (kv[1] == "documents") d += kv[2]; if (kv[1] == "seconds" && kv[2] > s) s = kv[2] } }
       END { if (s > 0) printf "%.1f", d / s; else printf "0" }' "$1"
}

validate_s=$(wall_s "$WORK/validate.time")
build_s=$(wall_s "$WORK/build.time")
typst_u=0; typst_t=0; typst_m=0; typst_uk=0; typst_tk=0; typst_c=0
if [ -z "$typst_note" ]; then
  typst_u=$(shard_rate "$WORK/typst-untagged.txt")
  typst_t=$(shard_rate "$WORK/typst-ua-1.txt")
  typst_m=$(peak_mib "$WORK/typst-ua-1.time")
  typst_uk=$(size_kb "$WORK/typst-untagged")
  typst_tk=$(size_kb "$WORK/typst-ua-1")
  typst_c=$(cpu_s "$WORK/typst-ua-1.time")
fi
awk -v docs="$docs" -v conv="$conventions" -v b="$build_s" -v v="$validate_s" \
    -v wd="$weasy_docs" -v ws="$(wall_s "$WORK/weasy.time")" -v wus="$(wall_s "$WORK/weasy-ua.time")" \
    -v jobs="$JOBS" -v bm="$(peak_mib "$WORK/build.time")" -v wm="$(peak_mib "$WORK/weasy.time")" \
    -v bc="$(cpu_s "$WORK/build.time")" -v vc="$(cpu_s "$WORK/validate.time")" \
    -v wc="$(cpu_s "$WORK/weasy.time")" -v wuc="$(cpu_s "$WORK/weasy-ua.time")" \
    -v engine="$(grep engine_only "$WORK/engine.txt")" \
    -v tk="$(size_kb "$WORK/text/pdf")" -v wk="$(size_kb "$WORK/weasy")" -v wuk="$(size_kb "$WORK/weasy-ua")" \
    -v tu="$typst_u" -v tt="$typst_t" -v tm="$typst_m" -v tuk="$typst_uk" -v ttk="$typst_tk" \
    -v tc="$typst_c" -v tnote="$typst_note" -v ur="$untagged_rate" -v uk="$untagged_kb" \
    -v uc="$untagged_cpu" -v unote="$untagged_note" -v ucommit="$UNTAGGED_COMMIT" \
    -v um="$( [ -z "$untagged_note" ] && peak_mib "$WORK/untagged.time" || echo 0)" \
    -v bk="$(size_kb "$WORK/out")" 'BEGIN {
  tampon = docs / b; render = docs / (b - v); weasy = wd / ws; weasy_ua = wd / wus
  split(engine, e, /per_second=/); eng = e[2] + 0
  printf "\nRésultats sur %d cœurs (Tampon : toujours balisé PDF/UA-1 et PDF/A-2U)\n", jobs
  printf "  Tampon     : %d documents (%d conventions + %d avenants) en %.2f s : %.1f documents/s de bout en bout\n", docs, conv, docs - conv, b, tampon
  printf "               dont chargement et validation %.2f s ; rendu seul : %.1f documents/s\n", v, render
  printf "               mémoire maximale %d Mio ; temps processeur du rendu %.1f ms par document\n", bm, 1000 * (bc - vc) / docs
  if (unote != "") printf "  %s\n", unote
  else {
    printf "  Sans balisage (moteur antérieur au balisage, commit %s) : %.1f documents/s de bout en bout, mémoire maximale %d Mio, %.1f ko par document\n", ucommit, ur, um, uk
    printf "               coût du balisage PDF/UA-1 et PDF/A-2U : %+.1f %% du débit (objectif : au plus 10 %%), %+.1f %% de temps processeur (%.1f contre %.1f ms par document, chargement compris), fichiers %+.1f %% (%.1f ko contre %.1f ko)\n", 100 * (ur - tampon) / ur, 100 * (bc - uc) / uc, 1000 * bc / docs, 1000 * uc / docs, 100 * (bk - uk) / uk, bk, uk
  }
  printf "               moteur seul sur les %d conventions ci-dessous : %.1f documents/s, %.1f ko par document\n", wd, eng, tk
  printf "  WeasyPrint : %d conventions en %.2f s : %.1f documents/s (%.0f ms par document et par cœur), mémoire maximale par processus %d Mio, %.1f ko\n", wd, ws, weasy, 1000 * ws * jobs / wd, wm, wk
  printf "               temps processeur %.0f ms par document (démarrage de Python compris)\n", 1000 * wc / wd
  printf "  WeasyPrint pdf/ua-1 : %.1f documents/s, temps processeur %.0f ms par document, %.1f ko\n", weasy_ua, 1000 * wuc / wd, wuk
  if (tnote != "") printf "  %s\n", tnote
  else {
    printf "  Typst      : %.1f documents/s sans balisage (%.1f ko), %.1f documents/s en PDF/UA-1 (%.1f ko) ; compilateur chaud, %d processus, mémoire maximale %d Mio\n", tu, tuk, tt, ttk, jobs, tm
    printf "               PDF/UA-1 : temps processeur %.1f ms par document (démarrage de Node et document de chauffe compris)\n", 1000 * tc / wd
  }
  printf "  Rapport    : contre WeasyPrint pdf/ua-1 %.1f× de bout en bout, %.1f× au moteur seul ; contre WeasyPrint sans balisage %.1f× en temps processeur\n", tampon / weasy_ua, eng / weasy_ua, (wc / wd) / ((bc - vc) / docs)
  if (tnote == "" && tt > 0)
    printf "               contre Typst PDF/UA-1 %.1f× de bout en bout, %.1f× au rendu seul, %.1f× au moteur seul, %.1f× en temps processeur (objectif : 4×)\n", tampon / tt, render / tt, eng / tt, (tc / wd) / ((bc - vc) / docs)
}'
