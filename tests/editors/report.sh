#!/usr/bin/env bash
# The command line's outputs that need a browser or a schema: `clio-ls report --html` opened in
# headless Chromium (playwright-core) with its table, slips and timelines checked and a
# screenshot saved to tests/artifacts/report.png; and `check --format sarif` validated against
# the SARIF 2.1.0 JSON schema with ajv. The schema comes from an npm package (MIT) installed at
# test time into ${CLIO_CACHE:-~/.cache/clio-e2e}/report-node, never stored in the repository.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cache="${CLIO_CACHE:-$HOME/.cache/clio-e2e}"
fail() { echo "FAIL: $*" >&2; exit 1; }

sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing chromium (apt)"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null \
    || { $sudo apt-get update >/dev/null && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null; } \
    || fail "could not install chromium with apt-get"
fi

# Node packages: the browser driver, the validator and the package that ships the schema.
node_dir="$cache/report-node"
stamp="$node_dir/.installed-v1"
if [ ! -f "$stamp" ]; then
  echo "== installing playwright-core, ajv and the SARIF schema (npm) into $node_dir"
  rm -rf "$node_dir"; mkdir -p "$node_dir"
  echo '{"private":true}' > "$node_dir/package.json"
  (cd "$node_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --ignore-scripts \
    --loglevel=error playwright-core@1 ajv@6 @microsoft/jest-sarif@1.0.0-beta.0) || fail "npm install failed"
  touch "$stamp"
fi
schema="$node_dir/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
[ -f "$schema" ] || fail "the SARIF schema is not at $schema"

bin="$root/target/release/clio-ls"
[ -x "$bin" ] || cargo build --release -p clio-ls --manifest-path "$root/Cargo.toml"

S="$(mktemp -d "${TMPDIR:-/tmp}/clio-report.XXXXXX")"
trap 'rm -rf "$S"' EXIT
class="$S/class"
mkdir -p "$class"
essays="$root/../shared/essays"
[ -d "$essays" ] || essays=/work/shared/essays
[ -d "$essays" ] || fail "the source essays are not in ../shared/essays"
cp "$essays"/*.txt "$class/"
# Three essays that share a slip, so that the class's most common slip is known.
printf '# Kirov\n\nKirov was murdered in 1936, and the purges followed.\n\nLenin died in January 1924.\n' > "$class/ann.md"
printf 'Kirov was murdered in 1936. The NEP began in 1921.\n\nStalin broke with collective leadership.\n' > "$class/ben.md"
printf '\\section{Terror}\nKirov was murdered in 1936, and Trotsky was exiled in 1929.\n' > "$class/cat.tex"
n="$(ls "$class" | wc -l)"

echo "== clio-ls report ($n essays)"
"$bin" report "$class" --html "$S/report.html" --title "Report test" > "$S/report.txt" || fail "report exited $?"
grep -q "Most common slips" "$S/report.txt" || { cat "$S/report.txt"; fail "the text report has no slips"; }
"$bin" report "$class" --format json > "$S/report.json" || fail "report --format json exited $?"
node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); if (r.essays.length!=+process.argv[2]) process.exit(1)' \
  "$S/report.json" "$n" || fail "report --format json does not list $n essays"

mkdir -p "$root/tests/artifacts"
echo "== the report in headless Chromium"
REPORT="$S/report.html" ESSAYS="$n" SLIP="Kirov was assassinated on 1 December 1934" SLIP_COUNT=3 \
  PW_DIR="$node_dir" SHOT="$root/tests/artifacts/report.png" \
  timeout 120 node "$here/report/drive.js" || fail "the report's browser checks failed"

echo "== SARIF against the 2.1.0 schema"
rc=0; "$bin" check --format sarif --counterarguments --quiet "$class" "$S/missing.md" > "$S/out.sarif" 2>/dev/null || rc=$?
[ "$rc" = 2 ] || fail "check with a missing path should exit 2, not $rc"
node "$here/report/sarif.js" "$node_dir" "$schema" "$S/out.sarif" || fail "the SARIF log is not valid"
echo "report and SARIF checks passed"
