#!/usr/bin/env python3
"""An emitter holds no mutable state (generator/api/tampon/emitter.hpp): checked on the built
libraries and on the sources.

1. Static data. `objdump -t` lists every object each emitter library defines, with its
   section. Objects in a writable section (.data, .bss, thread-local .tdata/.tbss; not
   .data.rel.ro, read-only once loaded) are refused, except what the compiler needs (guard
   variables of function-local statics, <iostream>'s initialiser) and the constants listed in
   ALLOWED (one demangled name per line, then " # " and why it is constant: a `static const`
   built at first use sits in .bss like a counter would).
2. Members. An emitter's per-build state lives in its BuildState, handed back `const`; the
   sources under SOURCES may not use `mutable` or `thread_local` (outside comments): a memo
   or a cache there is state of the emitter. Pools of scratch objects for renders side by side
   are render::ScratchPool (generator/render/scratch_pool.hpp).

Usage: check_emitter_state.py --objdump OBJDUMP --allowed FILE [--sources DIR]... LIB...
Exit 1 with one line per finding."""
import argparse
import pathlib
import re
import subprocess
import sys

WRITABLE = re.compile(r"^\.(bss|data|tbss|tdata)(\.|$)")
READ_ONLY_AFTER_LOAD = re.compile(r"^\.data\.rel\.ro(\.|$)")
# 0000000000000000 l     O .bss	0000000000000008 guard variable for f()::x
LINE = re.compile(r"^[0-9a-f]+ (.{7}) (\S+)\t[0-9a-f]+ (.*)$")
COMPILER_NEEDS = (
    re.compile(r"^guard variable for "),  # function-local statics: built once
    re.compile(r"^DW\.ref\."),  # exception handling: the personality routine, typeinfo refs
    re.compile(r"^std::__ioinit$"),  # <iostream>'s initialiser
    # what the linker adds to a shared module (the example): atexit handle, TM clones, crtstuff
    re.compile(r"^(__dso_handle|__TMC_END__|completed\.[0-9]+)$"),
)
SOURCE_WORDS = re.compile(r"\b(mutable|thread_local)\b")


def allowed_names(path):
    names = set()
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        name = line.split(" # ")[0].strip()
        if name and not name.startswith("#"):
            names.add(name)
    return names


def static_findings(objdump, library, allowed):
    table = subprocess.run([objdump, "-t", "-C", library], check=True, capture_output=True,
                           text=True).stdout
    for line in table.splitlines():
        m = LINE.match(line)
        if not m or m.group(1)[6] != "O":
            continue
        section, name = m.group(2), m.group(3).strip()
        if name.startswith(".hidden "):
            name = name[len(".hidden "):]
        if not WRITABLE.match(section) or READ_ONLY_AFTER_LOAD.match(section):
            continue
        if any(p.match(name) for p in COMPILER_NEEDS) or name in allowed:
            continue
        yield f"{pathlib.Path(library).name}: donnée statique modifiable « {name} » ({section})"


def source_findings(folder):
    for path in sorted(pathlib.Path(folder).rglob("*")):
        if path.suffix not in (".cpp", ".hpp", ".h"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("//")[0]
            if m := SOURCE_WORDS.search(code):
                yield f"{path}:{number}: « {m.group(1)} » dans un émetteur : son état va dans son BuildState"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--objdump", required=True)
    parser.add_argument("--allowed", required=True)
    parser.add_argument("--sources", action="append", default=[])
    parser.add_argument("libraries", nargs="+")
    args = parser.parse_args()
    allowed = allowed_names(args.allowed)
    findings = []
    for library in args.libraries:
        findings.extend(static_findings(args.objdump, library, allowed))
    for folder in args.sources:
        findings.extend(source_findings(folder))
    for finding in findings:
        print(finding)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
