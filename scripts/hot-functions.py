#!/usr/bin/env python3
"""Write linker/hot-functions.ld: the functions a one-file check runs, which build.rs has the
linker lay out together (docs/performance.md, one file).

    scripts/hot-functions.py [BINARY [FILE]]  # default: builds target/release/acslint and
                                              # generates the file (scripts/gen-corpus 1)

Runs `acslint --version`, then `acslint check` of the generated 300-line main.tf (human and JSON
output) under callgrind (valgrind), and keeps every function of the binary that ran, `--version`'s
first, as patterns of their sections' names: each by its mangled name (thin LTO's `.llvm.<number>`
suffix left open), then the same names without the hash legacy mangling ends them with
(`17h<hash>E`, which changes with the toolchain and the dependencies' versions and features).
Run it again when the check's code moved a lot; a stale list only orders less.
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "linker", "hot-functions.ld")


def executed(binary, args, cwd, tmp):
    """Mangled names of the functions callgrind saw run, in the order it lists them."""
    out = os.path.join(tmp, "callgrind.out")
    subprocess.run(
        ["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={out}",
         binary, *args],
        cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    names = []
    with open(out) as f:
        for line in f:
            m = re.match(r"^c?fn=\(\d+\) (\S+)", line)
            if m:
                names.append(re.sub(r"'\d+$", "", m.group(1)))
    return names


def main():
    if len(sys.argv) > 1:
        binary = os.path.abspath(sys.argv[1])
    else:
        subprocess.run(["cargo", "build", "--release", "--bin", "acslint"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, "target", "release", "acslint")
    nm = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True,
                        check=True).stdout
    code = {p[2] for p in (l.split() for l in nm.splitlines()) if len(p) == 3 and p[1] in "tTW"}
    with tempfile.TemporaryDirectory() as tmp:
        if len(sys.argv) > 2:
            one = os.path.abspath(sys.argv[2])
        else:
            subprocess.run(["cargo", "run", "--quiet", "--release", "--example", "gen_corpus",
                            "--", "1", os.path.join(tmp, "gen")], cwd=ROOT, check=True)
            one = os.path.join("gen", "mod-0000", "main.tf")
        runs = [["--version"], ["check", one], ["check", "--format", "json", one]]
        names, seen = [], set()
        for args in runs:
            for n in executed(binary, args, tmp, tmp):
                if n in code and n not in seen:
                    seen.add(n)
                    names.append(n)
    # Each function by its name in this build first, thin LTO's suffix left open (it changes
    # with any edit of the function's codegen unit): a build like this one gets exactly the
    # functions that ran, together. Then each by its name without the hash too (it changes with
    # the toolchain and the dependencies' versions and features): any other build gets every
    # instance of them, after the others.
    exact, loose, seen = [], [], set()
    for n in names:
        p = re.sub(r"\.llvm\.\d+$", ".llvm.*", n)
        if p not in seen:
            seen.add(p)
            exact.append(p)
        p = re.sub(r"17h[0-9a-f]{16}E(\.llvm\.\*)?$", "17h*", p)
        if p not in seen:
            seen.add(p)
            loose.append(p)
    order = exact + loose
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write("/* Written by scripts/hot-functions.py: the functions a one-file check runs. */\n")
        f.write("SECTIONS {\n  .text.hot : {\n")
        f.write("".join(f"    *(.text.{p})\n" for p in order))
        f.write("  }\n}\nINSERT BEFORE .text;\n")
    print(f"{len(order)} functions written to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
