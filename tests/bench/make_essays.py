#!/usr/bin/env python3
"""Writes a class of synthetic essays for the command line's throughput benchmark.

Usage: make_essays.py OUTDIR [COUNT] [WORDS]   (default 1000 essays of about 3000 words)

Each essay is a different shuffle of the paragraphs of the five source essays (read from
../shared/essays at run time, never stored here), with a few years moved by one to three so
that every essay has slips to report, and every tenth essay in LaTeX or plain text. The same
arguments always give the same files (the random generator is seeded per essay).
"""
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ESSAYS = os.path.join(HERE, "..", "..", "..", "shared", "essays")
if not os.path.isdir(ESSAYS):
    ESSAYS = "/work/shared/essays"


def paragraphs():
    out = []
    for name in sorted(os.listdir(ESSAYS)):
        with open(os.path.join(ESSAYS, name), encoding="utf-8") as f:
            out += [p.strip() for p in re.split(r"\n\s*\n", f.read()) if p.strip()]
    return out


def slip(rng, para):
    """Moves one year of the paragraph by one to three years, as students misremember."""
    years = list(re.finditer(r"\b(19[0-5]\d)\b", para))
    if not years:
        return para
    m = rng.choice(years)
    y = int(m.group(1)) + rng.choice([-3, -2, -1, 1, 2, 3])
    return para[: m.start()] + str(y) + para[m.end():]


def essay(rng, pool, words):
    order = pool[:]
    rng.shuffle(order)
    out, n = [], 0
    for p in order:
        if n >= words:
            break
        out.append(slip(rng, p) if rng.random() < 0.25 else p)
        n += len(p.split())
    return out


def main():
    outdir = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    words = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
    pool = paragraphs()
    os.makedirs(outdir, exist_ok=True)
    total = 0
    for i in range(count):
        rng = random.Random(i)
        paras = essay(rng, pool, words)
        if i % 10 == 3:
            name, text = f"essay-{i:04}.tex", "\\section{Did Leninism lead to Stalinism?}\n\n" + "\n\n".join(paras)
        elif i % 10 == 7:
            name, text = f"essay-{i:04}.txt", "\n\n".join(paras)
        else:
            name, text = f"essay-{i:04}.md", "# Did Leninism lead to Stalinism?\n\n" + "\n\n".join(paras)
        with open(os.path.join(outdir, name), "w", encoding="utf-8") as f:
            f.write(text + "\n")
        total += len(text) + 1
    print(f"{count} essays, {total / 1e6:.1f} MB in {outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()
