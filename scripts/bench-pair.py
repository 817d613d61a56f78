#!/usr/bin/env python3
"""Time commands as whole processes, interleaved, and give each one's ratio to the first.

    scripts/bench-pair.py [--runs 30] [--warmup 3] -- 'CMD A' 'CMD B' ...

Each round runs every command once, in turn (A B C A B C …, so a machine whose speed drifts
affects all alike); a command is split like a shell splits words, run without a shell, its
output discarded. Prints per command the median and minimum wall time, the median user+sys CPU,
the largest peak RSS, and the median of the per-round ratios to the first command (wall, then
CPU). `--also-to K` adds each command's ratios to the K-th (1-based; e.g. to `acslint --version`,
the process floor). `--idle S` sleeps S seconds before every run (no warm-up): each run is then
a first run after an idle spell, as a CI job's, a hook's or an editor's first check is. Standard
library only (os.posix_spawn and os.wait4).
"""
import argparse
import os
import shlex
import statistics
import time


def run(argv):
    devnull = os.open(os.devnull, os.O_WRONLY)
    fa = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    t0 = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=fa)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    os.close(devnull)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit("bench-pair: %s exited with %d" % (" ".join(argv), code))
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--also-to", type=int, default=0, metavar="K")
    ap.add_argument("--idle", type=float, default=0, metavar="S")
    ap.add_argument("commands", nargs="+")
    a = ap.parse_args()
    cmds = [shlex.split(c) for c in a.commands]
    rows = [[] for _ in cmds]
    warmup = 0 if a.idle else a.warmup
    for r in range(warmup + a.runs):
        for i, c in enumerate(cmds):
            if a.idle:
                time.sleep(a.idle)
            m = run(c)
            if r >= warmup:
                rows[i].append(m)
    def ratios(row, base):
        return (statistics.median(w / b[0] for (w, _, _), b in zip(row, base)),
                statistics.median(u / b[1] for (_, u, _), b in zip(row, base) if b[1] > 0))

    for c, row in zip(a.commands, rows):
        walls = [w for w, _, _ in row]
        line = ("%-60s wall median %8.2f ms (min %8.2f)  cpu %8.2f ms  peak RSS %7.1f MiB  ratio %.2f (cpu %.2f)"
                % ((c[:60], statistics.median(walls) * 1e3, min(walls) * 1e3,
                    statistics.median(u for _, u, _ in row) * 1e3,
                    max(m for _, _, m in row) / 1024) + ratios(row, rows[0])))
        if a.also_to:
            line += "  to #%d %.2f (cpu %.2f)" % ((a.also_to,) + ratios(row, rows[a.also_to - 1]))
        print(line)

if __name__ == "__main__":
    main()
