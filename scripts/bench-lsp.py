#!/usr/bin/env python3
"""Language-server latency: `didChange` to `publishDiagnostics`, over pipes.

    scripts/bench-lsp.py [--bin target/release/acslint] [--runs 200] FILE.tf

Starts `acslint server`, opens FILE, then sends RUNS full-text changes (each one appends a
comment line, so every change is a new text) and times each change from the moment its frame is
written to the moment the server's `publishDiagnostics` for the document arrives. Prints the
median, 90th percentile, minimum and maximum in milliseconds, and the diagnostics count. It
speaks only the protocol (JSON-RPC with Content-Length framing), so it measures any server
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


def read_message(out):
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
    return json.loads(out.read(length))


def wait_for_diagnostics(out, uri):
    while True:
        msg = read_message(out)
        if msg is None:
            sys.exit("bench-lsp: the server closed its output")
        if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
            return msg["params"]["diagnostics"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "acslint"))
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("file")
    a = ap.parse_args()
    text = open(a.file, encoding="utf-8").read()
    uri = "file://" + os.path.abspath(a.file)
    p = subprocess.Popen([a.bin, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    send = lambda obj: (p.stdin.write(frame(obj)), p.stdin.flush())
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
          "params": {"processId": os.getpid(), "rootUri": None, "capabilities": {}}})
    while True:
        m = read_message(p.stdout)
        if m is None:
            sys.exit("bench-lsp: no reply to initialize")
        if m.get("id") == 1:
            break
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "terraform", "version": 1, "text": text}}})
    diags = wait_for_diagnostics(p.stdout, uri)
    times = []
    for i in range(a.warmup + a.runs):
        changed = text + "# edit %d\n" % i
        t0 = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": i + 2},
                         "contentChanges": [{"text": changed}]}})
        diags = wait_for_diagnostics(p.stdout, uri)
        if i >= a.warmup:
            times.append((time.perf_counter() - t0) * 1e3)
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
    send({"jsonrpc": "2.0", "method": "exit", "params": None})
    try:
        p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
    times.sort()
    print("didChange -> publishDiagnostics, %d runs, %d lines, %d diagnostics: "
          "median %.3f ms, p90 %.3f ms, min %.3f ms, max %.3f ms"
          % (len(times), text.count("\n"), len(diags), statistics.median(times),
             times[int(len(times) * 0.9)], times[0], times[-1]))


if __name__ == "__main__":
    main()
