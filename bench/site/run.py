#!/usr/bin/env python3
"""Website benchmark: a synthetic 1 000-page site built by Tampon and by Hugo.

    python3 bench/site/run.py [--build build/release] [--pages 1000] [--runs 5]

Prints, for each tool: full build (wall and CPU time, median of --runs, fresh output folder),
and the rebuild after editing one page's text — Tampon through `bench_site` (exactly what
`tampon serve` does: its watcher notices the edit, the session kept in memory rewrites the
page and its part of the search index) and through a second `tampon build` run; Hugo through
`hugo server`'s own "Total in N ms" line. Hugo is given the same design-system files to copy
as Tampon writes.
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))


def timed(cmd, cwd=None):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall * 1000, cpu * 1000


def median_of(runs, make_cmd, prepare):
    walls, cpus = [], []
    for _ in range(runs):
        prepare()
        w, c = timed(make_cmd())
        walls.append(w)
        cpus.append(c)
    return statistics.median(walls), statistics.median(cpus)


def hugo_incremental(site, page, runs):
    proc = subprocess.Popen(["hugo", "server", "-s", site, "--port", "1319", "--bind", "127.0.0.1",
                             "--disableLiveReload"],  # Hugo 0.111 renders to memory by default
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    times = []
    try:
        for line in proc.stdout:
            if "Web Server is available" in line:
                break
        with open(page, encoding="utf-8") as f:
            original = f.read()
        for i in range(runs):
            with open(page, "w", encoding="utf-8") as f:
                f.write(original + f"\nModification {i}.\n")
            for line in proc.stdout:
                m = re.search(r"Total in (\d+) ms", line)
                if m:
                    times.append(int(m.group(1)))
                    break
            time.sleep(0.3)
        with open(page, "w", encoding="utf-8") as f:
            f.write(original)
    finally:
        proc.terminate()
        proc.wait()
    return statistics.median(times) if times else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(REPO, "build", "release"))
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out-root", default=None,
                        help="folder for both tools' outputs (default: next to the sources, on "
                             "disk); /dev/shm measures the tools without the file system")
    a = parser.parse_args()
    tampon = os.path.join(a.build, "generator", "tampon")
    bench = os.path.join(a.build, "bench", "site", "bench_site")
    load_before = os.getloadavg()
    work = tempfile.mkdtemp(prefix="tampon-site-bench-")
    subprocess.run(["python3", os.path.join(HERE, "make_sites.py"), work, "--pages", str(a.pages)],
                   check=True, stdout=subprocess.DEVNULL)
    tsite, hsite = os.path.join(work, "tampon"), os.path.join(work, "hugo")
    out_root = tempfile.mkdtemp(prefix="tampon-site-out-", dir=a.out_root) if a.out_root else work

    # Each full build writes into a folder of its own, and no output is deleted before the end:
    # on an ext4 without a journal, creating files right after thousands were deleted costs
    # hundreds of microseconds each (the allocator skips recently deleted inodes), which would
    # measure the previous run's deletion rather than the tools.
    fresh = {"tampon": 0, "hugo": 0}

    def fresh_out(tool):
        fresh[tool] += 1
        return os.path.join(out_root, f"{tool}-out-{fresh[tool]}")

    def tampon_full():
        return timed([tampon, "build", "--only", "site", "--project", tsite, "--out",
                      fresh_out("tampon"), "--quiet"])

    # A first build (not counted) gives Hugo the same design-system files to copy as Tampon
    # writes (the stylesheet, the files it references, scripts and favicons), not the whole
    # package.
    tampon_full()
    first = os.path.join(out_root, "tampon-out-1")
    shutil.copytree(os.path.join(first, "site", "dsfr"), os.path.join(hsite, "static", "dsfr"),
                    dirs_exist_ok=True)
    # The two tools take turns, so that a slower moment of the machine or of the file system
    # (inodes freed by another program a minute before) weighs on both alike.
    runs = {"tampon": ([], []), "hugo": ([], [])}
    for _ in range(a.runs):
        for tool, build in (("tampon", tampon_full),
                            ("hugo", lambda: timed(["hugo", "--quiet", "-s", hsite, "-d",
                                                    fresh_out("hugo")]))):
            wall, cpu = build()
            runs[tool][0].append(wall)
            runs[tool][1].append(cpu)
    t_full = tuple(statistics.median(v) for v in runs["tampon"])
    h_full = tuple(statistics.median(v) for v in runs["hugo"])
    tout = os.path.join(out_root, f"tampon-out-{fresh['tampon']}")
    page = os.path.join(tsite, "content", "rubrique-03", "page-007.md")
    with open(page, encoding="utf-8") as f:
        original = f.read()
    counter = [0]

    def edit():
        counter[0] += 1
        with open(page, "w", encoding="utf-8") as f:
            f.write(original + f"\nModification {counter[0]}.\n")

    t_cli_one = median_of(a.runs, lambda: [tampon, "build", "--only", "site", "--project", tsite,
                                           "--out", tout, "--quiet"], edit)
    with open(page, "w", encoding="utf-8") as f:
        f.write(original)
    inproc = subprocess.run([bench, tsite, os.path.join(out_root, "bench-out"), page, "50"],
                            check=True, capture_output=True, text=True).stdout
    h_one = hugo_incremental(hsite, os.path.join(hsite, "content", "rubrique-03", "page-007.md"), 10)

    pages = sum(1 for _, _, files in os.walk(os.path.join(tout, "site")) for f in files if f.endswith(".html"))
    load_after = os.getloadavg()
    print(f"Charge (uptime, 1 min) : {load_before[0]:.2f} au début, {load_after[0]:.2f} à la fin")
    print(f"Site synthétique : {pages} pages HTML (Tampon), {a.runs} mesures, médianes, "
          f"sorties dans {a.out_root or 'le dossier temporaire (disque)'}")
    print(f"Tampon  build complet (tampon build --only site) : {t_full[0]:7.0f} ms réel, {t_full[1]:7.0f} ms CPU")
    print(f"Hugo    build complet (hugo)                    : {h_full[0]:7.0f} ms réel, {h_full[1]:7.0f} ms CPU")
    print(f"Rapport Hugo / Tampon : {h_full[0] / t_full[0]:.1f} × (réel), "
          f"{h_full[1] / t_full[1]:.1f} × (CPU)")
    print(f"Tampon  après modification d'une page (tampon build) : {t_cli_one[0]:7.0f} ms réel, "
          f"{t_cli_one[1]:7.0f} ms CPU")
    print(f"Hugo    après modification d'une page (hugo server)  : {h_one:7.0f} ms (« Total in »)")
    print("Tampon en mémoire (bench_site, ce que fait tampon serve) :")
    print("  " + inproc.strip().replace("\n", "\n  "))
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(out_root, ignore_errors=True)


if __name__ == "__main__":
    main()
