#!/usr/bin/env python3
"""Write linker/hot-functions.ld: the functions a one-file check runs, which build.rs has the
linker lay out together (docs/performance.md, one file).

    scripts/hot-functions.py [BINARY [FILE]]  # default: builds target/release/acslint and
                                              # generates the file (scripts/gen-corpus 1)

Runs `acslint --version`, then `acslint check` of the generated 300-line main.tf (compact output,
the budget's command, then human and JSON) under callgrind (valgrind), and keeps every function of
the binary that ran, in that order, with every other name at its address (LTO's merged
functions), as patterns of their sections' names: each by its mangled name, then without the
hash legacy mangling ends it with (`17h<hash>E`, which changes with the toolchain, the
dependencies' versions and features and the signature). Give it a binary built on its own
(`cargo build --release --bin acslint`, as `cargo install` builds it): one built with the
examples has other features and names. Check the layout with callgrind's instruction addresses
(`--dump-instr=yes`) against `readelf -S` and `nm`: the functions that ran should all be in
`.text.hot`. Run it again when the check's code moved a lot; a stale list only orders less.
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
    # Every name at each address: LTO merges identical functions into one with the others'
    # names as aliases, and callgrind may name a function by an alias while its section is
    # named after another.
    at, address = {}, {}
    for p in (l.split() for l in nm.splitlines()):
        if len(p) == 3 and p[1] in "tTW":
            at.setdefault(p[0], []).append(p[2])
            address[p[2]] = p[0]
    with tempfile.TemporaryDirectory() as tmp:
        if len(sys.argv) > 2:
            one = os.path.abspath(sys.argv[2])
        else:
            subprocess.run(["cargo", "run", "--quiet", "--release", "--example", "gen_corpus",
                            "--", "1", os.path.join(tmp, "gen")], cwd=ROOT, check=True)
            one = os.path.join("gen", "mod-0000", "main.tf")
        # The budget's command first (docs/performance.md), so that the functions it runs are
        # together; the other formats' own functions come after them.
        runs = [["--version"], ["check", "--format", "compact", "-q", one], ["check", one],
                ["check", "--format", "json", one]]
        names, seen = [], set()
        for args in runs:
            for n in executed(binary, args, tmp, tmp):
                for m in [n] + sorted(at.get(address.get(n), [])):
                    if m in address and m not in seen:
                        seen.add(m)
                        names.append(m)
    # How many functions of this build each name without its hash stands for: one (a function
    # that is not generic) is listed right after the function, so that a build whose hashes
    # differ (another toolchain, other versions or features of the dependencies, a changed
    # signature) still gets it in its place; a generic function's every instance comes after
    # all the functions that ran.
    family = {}
    for n in address:
        k = loose(n)
        if k:
            family[k] = family.get(k, 0) + 1
    order, rest, seen = [], [], set()
    for n in names:
        base = re.sub(r"\.llvm\.\d+$", "", n)
        if base not in seen:
            seen.add(base)
            order.append(base)
        k = loose(n)
        if k and k not in seen:
            seen.add(k)
            (order if family[k] == 1 else rest).append(k)
    order += rest
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write("/* Written by scripts/hot-functions.py: the functions a one-file check runs. */\n")
        f.write("SECTIONS {\n  .text.hot : {\n")
        f.write("".join(f"    *({sections(p)})\n" for p in order))
        f.write("  }\n}\nINSERT BEFORE .text;\n")
    print(f"{len(order)} functions written to {os.path.relpath(OUT, ROOT)}")


def loose(name):
    """The name without thin LTO's suffix and the hash legacy mangling ends it with, `17h*`
    in its place; None for a name without that hash."""
    base = re.sub(r"\.llvm\.\d+$", "", name)
    k = re.sub(r"17h[0-9a-f]{16}E$", "17h*", base)
    return k if k != base else None


def sections(name):
    """The input sections a function of that name can be in: `.text.<name>`, with or without
    thin LTO's `.llvm.<number>` (a function gets one when another codegen unit calls it, and
    it changes with any edit of its unit), and the same under `.text.unlikely.`, where LLVM
    puts a `#[cold]` function (a vector's or a table's growth, the panics)."""
    ends = [name] if name.endswith("*") else [name, name + ".llvm.*"]
    return " ".join(f"{p}{e}" for p in (".text.", ".text.unlikely.") for e in ends)


if __name__ == "__main__":
    main()
