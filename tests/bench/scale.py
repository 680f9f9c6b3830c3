#!/usr/bin/env python3
"""Scale benchmark through the protocol: how long clio-ls takes to publish diagnostics for a
large document when it is opened and after one keystroke in its middle, and how long a hover
on another (small) document waits meanwhile. Documents: the five source essays repeated to
about 0.9, 1, 5 and 20 MB, and the long sentence ("Kirov was shot in 1936 " x 200).

Usage: python3 tests/bench/scale.py BINARY [SIZE_MB ...]   (sizes default to 0.9 1 5 20)
       python3 tests/bench/scale.py BINARY --hostile [LIMIT_S]
The second form opens the hostile inputs of issue 14 instead (direction marks, a list of years,
unclosed LaTeX commands, 100,000 sentences...), giving up on one after LIMIT_S seconds
(default 60) and reporting "> LIMIT_S s". KEYSTROKES=N (default 1) types N characters in the
middle of each document, one at a time, and reports the median time to diagnostics. SPLIT=1
adds, for those keystrokes, the median time until the diagnostics' last byte had arrived (the
server's part and the pipe's), the median time this client took to parse them (json.loads), and
the median of what is left (the client's own waking and bookkeeping, and freeing the previous
message once read): all three are inside the keystroke figure. Measured by hand; tests carry
no timings. Needs ../shared/essays beside the repository."""
import json, os, select, subprocess, sys, time

ESSAYS = os.path.join(os.path.dirname(__file__), "../../../shared/essays")
if not os.path.isdir(ESSAYS):
    ESSAYS = "/work/shared/essays"


# What VS Code declares that bears on the diagnostics' message (Neovim 0.11 declares the same but
# tagSupport's values and utf-8 too): so that the server answers this client as it answers an editor.
CAPABILITIES = {
    "general": {"positionEncodings": ["utf-16"]},
    "textDocument": {
        "publishDiagnostics": {"relatedInformation": True, "versionSupport": True, "tagSupport": {"valueSet": [1, 2]}, "codeDescriptionSupport": True, "dataSupport": True},
        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}, "isPreferredSupport": True, "dataSupport": True},
    },
}


class Server:
    def __init__(self, binary):
        self.p = subprocess.Popen([binary], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buf = b""
        self.id = 0
        self.inbox = []

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def pump(self, timeout):
        r, _, _ = select.select([self.p.stdout], [], [], timeout)
        if not r:
            return
        chunk = os.read(self.p.stdout.fileno(), 1 << 20)
        if not chunk:
            raise SystemExit("server closed stdout")
        arrived = time.monotonic()
        self.buf += chunk
        while True:
            i = self.buf.find(b"\r\n\r\n")
            if i < 0:
                return
            n = int(self.buf[:i].split(b":")[1])
            if len(self.buf) < i + 4 + n:
                return
            parsing = time.monotonic()
            msg = json.loads(self.buf[i + 4:i + 4 + n])
            # When the message's last byte had arrived, how long parsing it took, its size.
            self.last_message = (arrived, time.monotonic() - parsing, n)
            self.buf = self.buf[i + 4 + n:]
            if "method" in msg and "id" in msg:  # a request from the server: answer null
                self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
            self.inbox.append(msg)

    def wait(self, pred, timeout=600):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for m in self.inbox:
                if pred(m):
                    self.inbox.remove(m)
                    return m
            self.pump(0.05)
        raise TimeoutError

    def request(self, method, params):
        self.id += 1
        i = self.id
        self.send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
        return i

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})


def published(uri, version):
    return lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri and m["params"].get("version") == version


def measure(binary, name, text, language="markdown", limit=600):
    s = Server(binary)
    try:
        run(s, name, text, language, limit)
    except TimeoutError:
        print(f"| {name} | {len(text.encode()) / 1e6:.2f} MB | > {limit} s (gave up) | | |", flush=True)
    finally:
        s.p.kill()
        s.p.wait()


def run(s, name, text, language, limit):
    i = s.request("initialize", {"processId": None, "rootUri": None, "capabilities": CAPABILITIES})
    s.wait(lambda m: m.get("id") == i)
    s.notify("initialized", {})
    small = "file:///bench/small.md"
    s.notify("textDocument/didOpen", {"textDocument": {"uri": small, "languageId": "markdown", "version": 1, "text": "Trotsky was exiled in 1929.\n"}})
    s.wait(published(small, 1))
    uri = "file:///bench/big." + ("tex" if language == "latex" else "md")
    t0 = time.monotonic()
    s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}})
    h0 = time.monotonic()
    hid = s.request("textDocument/hover", {"textDocument": {"uri": small}, "position": {"line": 0, "character": 2}})
    s.wait(lambda m: m.get("id") == hid)
    hover = time.monotonic() - h0
    s.wait(published(uri, 1), limit)
    opened = time.monotonic() - t0
    lines = text.split("\n")
    mid = len(lines) // 2
    # KEYSTROKES=N types N characters there, one at a time, and reports the median.
    strokes, arrivals, parses = [], [], []
    for version in range(2, 2 + int(os.environ.get("KEYSTROKES", "1"))):
        t1 = time.monotonic()
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": {"start": {"line": mid, "character": 0}, "end": {"line": mid, "character": 0}}, "text": "x"}]})
        s.wait(published(uri, version), limit)
        strokes.append(time.monotonic() - t1)
        arrivals.append(s.last_message[0] - t1)
        parses.append(s.last_message[1])
        s.inbox.clear()
    median = lambda xs: sorted(xs)[len(xs) // 2]
    keystroke = median(strokes)
    sid = s.request("shutdown", None)
    s.wait(lambda m: m.get("id") == sid)
    s.notify("exit", None)
    s.p.wait(timeout=10)
    print(f"| {name} | {len(text.encode()) / 1e6:.2f} MB | {opened * 1000:.0f} ms | {keystroke * 1000:.1f} ms | {hover * 1000:.1f} ms |", flush=True)
    if os.environ.get("SPLIT"):
        print(f"|   of the keystroke: last byte in (median) | | | {median(arrivals) * 1000:.1f} ms | |")
        print(f"|   of the keystroke: the client's json.loads (median) | | | {median(parses) * 1000:.1f} ms | |")
        rest = [t - a - p for t, a, p in zip(strokes, arrivals, parses)]
        print(f"|   of the keystroke: the rest, the client's own (median) | | | {median(rest) * 1000:.1f} ms | |", flush=True)


def essays_to(mb):
    one = "\n\n".join(open(os.path.join(ESSAYS, f)).read() for f in sorted(os.listdir(ESSAYS)))
    out = []
    size = 0
    while size < mb * 1e6:
        out.append(one)
        size += len(one) + 2
    return "\n\n".join(out)


def hostile(binary, limit):
    years = "-".join(str(1900 + i % 100) for i in range(100_000))
    dates = " ".join(f"{1900 + i % 100} {i * 37 % 100_000:,}" for i in range(110_000))
    for name, text, language in [
        ("the long sentence ×250", "Kirov was shot in 1936 " * 250, "markdown"),
        ("direction marks after each stop ×9,000", "Kirov was shot in 1936.\u202c " * 9_000, "markdown"),
        ("a list of years 1900-1901-… ×100,000", years, "markdown"),
        ("one paragraph of dates and numbers", dates, "markdown"),
        ("`\\emph{Kirov ` unclosed ×10,000", "\\emph{Kirov " * 10_000, "latex"),
        ("`\\emph{Kirov ` unclosed ×100,000", "\\emph{Kirov " * 100_000, "latex"),
        ("`\\section{` unclosed ×20,000", "\\section{" * 20_000, "latex"),
        ("100,000 sentences with a finding each", "Kirov was shot in 1931. " * 100_000, "markdown"),
    ]:
        measure(binary, name, text, language, limit)


def main():
    binary = sys.argv[1]
    if sys.argv[2:3] == ["--hostile"]:
        print("| document | size | open → diagnostics | keystroke → diagnostics | hover on another document meanwhile |")
        print("|---|---|---|---|---|")
        hostile(binary, float(sys.argv[3]) if len(sys.argv) > 3 else 60)
        return
    sizes = [float(x) for x in sys.argv[2:]] or [0.9, 1, 5, 20]
    print("| document | size | open → diagnostics | keystroke → diagnostics | hover on another document meanwhile |")
    print("|---|---|---|---|---|")
    measure(binary, "the long sentence ×200", "Kirov was shot in 1936 " * 200)
    for mb in sizes:
        measure(binary, f"essays to {mb:g} MB", essays_to(mb))


if __name__ == "__main__":
    main()
