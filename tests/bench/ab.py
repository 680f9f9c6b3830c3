#!/usr/bin/env python3
"""Two clio-ls binaries compared on a keystroke in a big document, through the protocol, on a
busy machine: both servers open the same document (the five source essays repeated to SIZE_MB)
and the keystrokes alternate between them (A then B, then B then A, ...), so that both meet the
same load from moment to moment. Prints, per binary, the median time from a keystroke to its
diagnostics, the quartiles, and how many keystrokes took under 5 ms. The times are those of
`scale.py` (the same client, the same edit in the middle of the document, the same
capabilities declared); SPLIT=1 adds, as scale.py does, the medians of the time until the
diagnostics' last byte had arrived and of this client's json.loads of them (both inside the
keystroke's time), and the message's size.

Usage: python3 tests/bench/ab.py SIZE_MB KEYSTROKES BINARY_A BINARY_B [...]
       LANG_ID=latex reads the document as LaTeX. Measured by hand; tests carry no timings."""
import os, statistics, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scale  # noqa: E402

LANG = os.environ.get("LANG_ID", "markdown")


def opened(binary, text, uri):
    s = scale.Server(binary)
    i = s.request("initialize", {"processId": None, "rootUri": None, "capabilities": scale.CAPABILITIES})
    s.wait(lambda m: m.get("id") == i)
    s.notify("initialized", {})
    s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": LANG, "version": 1, "text": text}})
    s.wait(scale.published(uri, 1))
    return s


def main():
    mb, n, binaries = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    text = scale.essays_to(mb)
    uri = "file:///bench/big." + ("tex" if LANG == "latex" else "md")
    servers = [opened(b, text, uri) for b in binaries]
    mid = len(text.split("\n")) // 2
    times = [[] for _ in binaries]
    arrivals, parses, sizes = [[] for _ in binaries], [[] for _ in binaries], [0 for _ in binaries]
    for version in range(2, 2 + n):
        order = list(range(len(binaries)))
        for k in order if version % 2 else order[::-1]:
            s = servers[k]
            t1 = time.monotonic()
            edit = {"range": {"start": {"line": mid, "character": 0}, "end": {"line": mid, "character": 0}}, "text": "x"}
            s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [edit]})
            s.wait(scale.published(uri, version))
            times[k].append((time.monotonic() - t1) * 1e3)
            arrivals[k].append((s.last_message[0] - t1) * 1e3)
            parses[k].append(s.last_message[1] * 1e3)
            sizes[k] = s.last_message[2]
            s.inbox.clear()
    for s in servers:
        s.p.kill()
        s.p.wait()
    for k, (b, t) in enumerate(zip(binaries, times)):
        q = statistics.quantiles(t, n=4)
        under = sum(x < 5 for x in t)
        print(f"{b}: {LANG}, {len(text.encode()) / 1e6:.2f} MB, {n} keystrokes: median {statistics.median(t):.1f} ms, quartiles {q[0]:.1f}-{q[2]:.1f} ms, under 5 ms {under}/{n}")
        if os.environ.get("SPLIT"):
            print(f"    last byte in {statistics.median(arrivals[k]):.2f} ms, json.loads {statistics.median(parses[k]):.2f} ms (medians), message {sizes[k]:,} bytes")


if __name__ == "__main__":
    main()
