#!/usr/bin/env bash
# Throughput and peak memory of `clio-ls check` over a class of synthetic essays (default 1,000
# of about 3,000 words, written once by make_essays.py into $CLIO_BENCH_DIR).
# Usage: tests/bench/cli.sh [RUNS] [FORMAT...]   (default 5 runs of text and json)
# Prints the load average before and after (the machine is shared: note it with the figures),
# then per run: wall seconds, essays per second, CPU seconds (user + system), peak RSS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${CLIO_LS:-$root/target/release/clio-ls}"
dir="${CLIO_BENCH_DIR:-${TMPDIR:-/tmp}/clio-bench-essays}"
runs="${1:-5}"; shift || true
formats=("$@"); [ ${#formats[@]} -gt 0 ] || formats=(text json)
[ -x "$bin" ] || cargo build --release -p clio-ls --manifest-path "$root/Cargo.toml"
if [ ! -f "$dir/.complete" ]; then
  python3 "$here/make_essays.py" "$dir" 1000 3000
  touch "$dir/.complete"
fi
n="$(find "$dir" -type f \( -name '*.md' -o -name '*.tex' -o -name '*.txt' \) | wc -l)"
mb="$(du -sm "$dir" | cut -f1)"
t="$(mktemp)"; trap 'rm -f "$t"' EXIT
echo "clio-ls check over $n essays ($mb MB) in $dir; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for fmt in "${formats[@]}"; do
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M %U %S" -o "$t" "$bin" check "$dir" --format "$fmt" --quiet >/dev/null 2>&1 || true
    read -r wall rss user sys < <(tail -n 1 "$t")
    awk -v f="$fmt" -v w="$wall" -v r="$rss" -v u="$user" -v s="$sys" -v n="$n" \
      'BEGIN { printf "%-5s %6.2f s  %6.0f essays/s  cpu %5.2f s  peak %5.1f MB\n", f, w, n / w, u + s, r / 1024 }'
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
