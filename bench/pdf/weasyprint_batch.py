"""One WeasyPrint worker of bench/pdf/run.sh: renders its share of the HTML files to PDF.

    /usr/bin/python3 weasyprint_batch.py SHARD SHARDS HTML_DIR OUT_DIR [VARIANT]

VARIANT: a WeasyPrint PDF variant, e.g. pdf/ua-1 (tagged PDF/UA-1); none by default.
Prints the number of documents and the seconds spent, for the run script to add up. Use
/usr/bin/python3: Debian's weasyprint module is not in a pyenv interpreter.
"""
import sys
import time
from pathlib import Path

import weasyprint


def main() -> None:
    shard, shards = int(sys.argv[1]), int(sys.argv[2])
    html_dir, out_dir = Path(sys.argv[3]), Path(sys.argv[4])
    variant = sys.argv[5] if len(sys.argv) > 5 else None
    out_dir.mkdir(parents=True, exist_ok=True)
    files = sorted(html_dir.glob("*.html"))[shard::shards]
    start = time.perf_counter()
    for html in files:
        weasyprint.HTML(filename=str(html)).write_pdf(
            str(out_dir / (html.stem + ".pdf")), variant=variant)
    print(f"weasyprint shard={shard} variant={variant or 'none'} documents={len(files)} seconds={time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    main()
