#!/usr/bin/env python3
"""Checks, through the real `tampon validate`, that the shipped sample and the generator's
output are what they claim: the sample and a small synthetic set validate with no finding,
and every fault injected by --inject-errors is reported at the line the generator names.

    python3 bench/gen/smoke_test.py TAMPON_BINARY SOURCE_DIR WORK_DIR CASE
    CASE: sample | generated | faults
"""
import pathlib
import re
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def validate(tampon, project, *extra):
    run = subprocess.run([tampon, "validate", "--project", str(project), "--no-cache", *extra],
                         capture_output=True, text=True, timeout=300)
    return run.returncode, run.stderr


def generate(work, *extra):
    if work.exists():
        shutil.rmtree(work)
    run = subprocess.run([sys.executable, str(HERE / "generate.py"), "--scale", "0.01",
                          "--out", str(work), *extra], capture_output=True, text=True,
                         check=True, timeout=300)
    return run.stdout


def expect_clean(tampon, project):
    code, err = validate(tampon, project, "--strict")
    if code != 0 or not err.rstrip().endswith("0 erreur, 0 avertissement"):
        print(err[-4000:])
        print(f"FAIL: {project}: exit {code}, expected 0 with no finding")
        return 1
    print(f"ok: {project} validates with no error and no warning")
    return 0


def expect_faults(tampon, work):
    out = generate(work, "--inject-errors", "4")
    injected = re.findall(r"^injected: (\S+):(\d+): (\S+)$", out, re.M)
    assert len(injected) == 4, out
    code, err = validate(tampon, work)
    failed = 0 if code == 1 else 1
    for path, line, rule in injected:
        if not re.search(rf"^{re.escape(path)}:{line}:\d+: erreur: .*\[{rule}\]$", err, re.M):
            print(f"FAIL: no [{rule}] at {path}:{line}")
            failed = 1
    if failed:
        print(err[-4000:])
        print(f"exit {code} (expected 1)")
    else:
        print("ok: every injected fault is reported at its line")
    return failed


def main():
    tampon, source, work, case = sys.argv[1:5]
    work = pathlib.Path(work)
    if case == "sample":
        # Only the records: content/ and templates/ belong to other checks.
        if work.exists():
            shutil.rmtree(work)
        shutil.copytree(pathlib.Path(source) / "data", work / "data")
        return expect_clean(tampon, work)
    if case == "generated":
        generate(work)
        return expect_clean(tampon, work)
    return expect_faults(tampon, work)


if __name__ == "__main__":
    sys.exit(main())
