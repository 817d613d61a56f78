#!/usr/bin/env python3
"""Language-server latency: `didChange` to `publishDiagnostics`, over pipes.

    scripts/bench-lsp.py [--bin target/release/acslint] [--runs 200] [--select ALL]
                         [--vs BASELINE_BIN] [--budget MS] [--type-at LINE] FILE.tf

Starts `acslint server` (with `--select LIST` when given: `--select ALL` runs every rule,
off-by-default ones included), opens FILE (in its directory: the server lints it in its module),
then sends RUNS full-text changes (each one appends a comment line, so every change is a new
text; with `--type-at LINE` each change instead types one more character on a comment line
inserted before line LINE, counted from 0, so every block below it moves by one byte per
change, as when typing in the middle of the file) and times each change from the moment its
frame is written to the moment the server's `publishDiagnostics` for the document arrives.
Prints the median, 90th percentile, minimum and maximum in milliseconds, the diagnostics count,
and the server process's CPU time (all its threads, user and system) over the same interval,
less sensitive to a loaded machine.

With `--vs BASELINE_BIN` a second server (the baseline) runs alongside: every change goes to
both, one after the other, in alternating order (A B, B A, …), so a machine whose speed drifts
affects both alike; it prints both and the median and minimum of the pair-by-pair ratios A/B.
`--budget MS` reports the median's ratio to a latency budget (the language server's is 2 ms).
It speaks only the protocol (JSON-RPC with Content-Length framing), so it measures any server
implementation. Standard library only.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def frame(obj):
    body = json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def read_raw(out):
    """The next message's body, undecoded, and the moment its last byte was read."""
    length = None
    while True:
        line = out.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    body = out.read(length)
    return body, time.perf_counter()


def read_message(out):
    raw = read_raw(out)
    return None if raw is None else json.loads(raw[0])


class Server:
    def __init__(self, binary, select, uri, text):
        argv = [binary, "server"] + (["--select", select] if select else [])
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.uri = uri
        self.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                   "params": {"processId": os.getpid(), "rootUri": None, "capabilities": {}}})
        while True:
            m = read_message(self.p.stdout)
            if m is None:
                sys.exit("bench-lsp: no reply to initialize from %s" % binary)
            if m.get("id") == 1:
                break
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        self.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                   "params": {"textDocument": {"uri": uri, "languageId": "terraform",
                                               "version": 1, "text": text}}})
        self.diags = self.wait()[0]
        # The server process's CPU clock (all its threads): Linux's clock id of a process.
        self.clock = ((~self.p.pid) << 3) | 2
        self.times = []
        self.cpu = []

    def send(self, obj):
        self.send_frame(frame(obj))

    def send_frame(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def wait(self):
        """The document's next diagnostics, and when their frame's last byte arrived."""
        while True:
            raw = read_raw(self.p.stdout)
            if raw is None:
                sys.exit("bench-lsp: the server closed its output")
            msg = json.loads(raw[0])
            if (msg.get("method") == "textDocument/publishDiagnostics"
                    and msg["params"]["uri"] == self.uri):
                return msg["params"]["diagnostics"], raw[1]

    def change(self, version, text):
        """Wall and server CPU milliseconds from sending the change to its diagnostics.

        The clock starts once the change's frame is built and stops when the publication's last
        byte has been read: encoding the text and decoding the diagnostics are the client's work
        (about 0.1 ms and 0.3 ms in Python for a 10 KB text and 98 diagnostics), not latency."""
        data = frame({"jsonrpc": "2.0", "method": "textDocument/didChange",
                      "params": {"textDocument": {"uri": self.uri, "version": version},
                                 "contentChanges": [{"text": text}]}})
        c0 = time.clock_gettime(self.clock)
        t0 = time.perf_counter()
        self.send_frame(data)
        self.diags, t1 = self.wait()
        cpu = (time.clock_gettime(self.clock) - c0) * 1e3
        return (t1 - t0) * 1e3, cpu

    def close(self):
        self.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
        self.send({"jsonrpc": "2.0", "method": "exit", "params": None})
        try:
            self.p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.p.kill()


def summary(name, s, lines):
    t = sorted(s.times)
    print("%s: didChange -> publishDiagnostics, %d runs, %d lines, %d diagnostics: "
          "median %.3f ms, p90 %.3f ms, min %.3f ms, max %.3f ms; server CPU median %.3f ms, "
          "min %.3f ms"
          % (name, len(t), lines, len(s.diags), statistics.median(t), t[int(len(t) * 0.9)],
             t[0], t[-1], statistics.median(s.cpu), min(s.cpu)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "acslint"))
    ap.add_argument("--vs", help="a baseline binary, measured alongside (pair by pair)")
    ap.add_argument("--select", help="the server's --select (ALL: every rule)")
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--budget", type=float, help="a latency budget in ms: report the ratio to it")
    ap.add_argument("--type-at", type=int, help="type one character per change on a comment line "
                    "inserted before this line (0-based) instead of appending a line")
    ap.add_argument("file")
    a = ap.parse_args()
    text = open(a.file, encoding="utf-8").read()
    uri = "file://" + os.path.abspath(a.file)
    servers = [Server(a.bin, a.select, uri, text)]
    if a.vs:
        servers.append(Server(a.vs, a.select, uri, text))
    for i in range(a.warmup + a.runs):
        if a.type_at is None:
            changed = text + "# edit %d\n" % i
        else:
            lines = text.splitlines(keepends=True)
            k = min(a.type_at, len(lines))
            changed = "".join(lines[:k]) + "#" + "x" * i + "\n" + "".join(lines[k:])
        order = servers if i % 2 == 0 else servers[::-1]
        for s in order:
            wall, cpu = s.change(i + 2, changed)
            if i >= a.warmup:
                s.times.append(wall)
                s.cpu.append(cpu)
    for s in servers:
        s.close()
    lines = text.count("\n")
    summary("new" if a.vs else "server", servers[0], lines)
    if a.budget:
        t = servers[0].times
        med = statistics.median(t)
        print("budget %.3g ms: median %.3f ms = %.2fx, minimum %.3f ms = %.2fx, server CPU median "
              "%.3f ms = %.2fx: %s; load average %s"
              % (a.budget, med, med / a.budget, min(t), min(t) / a.budget,
                 statistics.median(servers[0].cpu), statistics.median(servers[0].cpu) / a.budget,
                 "met" if med < a.budget else "not met",
                 " ".join(open("/proc/loadavg").read().split()[:3])))
    if a.vs:
        b = servers[1]
        summary("base", b, lines)
        n = servers[0]
        wall = statistics.median(x / y for x, y in zip(n.times, b.times))
        cpu = statistics.median(x / y for x, y in zip(n.cpu, b.cpu))
        print("new / base, median of the pair-by-pair ratios: wall %.3f, server CPU %.3f; "
              "ratio of the minimums: wall %.3f, CPU %.3f"
              % (wall, cpu, min(n.times) / min(b.times), min(n.cpu) / min(b.cpu)))
        if n.diags != b.diags:
            print("bench-lsp: the two servers published different diagnostics (%d and %d)"
                  % (len(n.diags), len(b.diags)))
            sys.exit(1)
        print("the same %d diagnostics from both" % len(n.diags))


if __name__ == "__main__":
    main()
