#!/usr/bin/env bash
# Tests editors/vscode end to end: the packages' metadata, then the linux-x64 .vsix (with its bundled clio-ls) in a real VS Code (code-server 4.100.3) driven by headless Chromium.
# Installs what it needs on first run (apt: chromium and build tools; npm: code-server, playwright-core)
# into ${CLIO_CACHE:-~/.cache/clio-e2e}. Env: CLIO_E2E_CLEAN=1 forces `npm ci` of the extension.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ext="$root/editors/vscode"
cache="${CLIO_CACHE:-$HOME/.cache/clio-e2e}"
start=$SECONDS
step() { echo "== [$((SECONDS - start))s] $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
if [ ! -x /usr/bin/chromium ]; then
  step "installing chromium (apt)"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null \
    || { $sudo apt-get update >/dev/null && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null; } \
    || fail "could not install chromium with apt-get"
fi

# The package bundles the `dist` build (Cargo.toml): built here, or brought up to date, so that
# the package's size is checked on the binary the sources make now.
bin="$root/target/dist/clio-ls"
# Without mimalloc (a default feature for the command line's throughput): its 67 KB would take
# the package over its size limit.
step "building clio-ls (cargo build --profile dist --no-default-features)"
cargo build --profile dist -p clio-ls --no-default-features --manifest-path "$root/Cargo.toml"

step "code-server + playwright-core in $cache/code-server"
bash "$here/vscode/setup-code-server.sh" "$cache/code-server" || fail "could not install code-server (see above)"
cs_entry="$cache/code-server/node_modules/code-server/out/node/entry.js"

# The extension: a clean install when the lock file changed, then typecheck and package it as it
# would be published: the linux-x64 package with the stripped server inside, and one other
# platform's package, which must carry no binary.
step "building the extension"
cd "$ext"
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "${CLIO_E2E_CLEAN:-0}" = 1 ] || [ "$(cat node_modules/.clio-e2e-lock 2>/dev/null)" != "$lock_sum" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.clio-e2e-lock
fi
npx --no-install tsc --noEmit -p . || fail "the extension does not typecheck"
S="$(mktemp -d "${TMPDIR:-/tmp}/clio-vscode-e2e.XXXXXX")"
cs_pid=
cleanup() {
  # code-server runs in its own process group (setsid): the extension host and clio-ls go with it.
  if [ -n "$cs_pid" ]; then kill -TERM -- "-$cs_pid" 2>/dev/null || true; sleep 0.5; kill -KILL -- "-$cs_pid" 2>/dev/null || true; fi
  if [ "${CLIO_E2E_KEEP:-0}" = 1 ]; then echo "kept $S" >&2; else rm -rf "$S"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
CLIO_LS_BINARY="$bin" npm run package -- --target linux-x64 --target darwin-arm64 --out "$S/pkg" >"$S/package.log" 2>&1 \
  || { cat "$S/package.log"; fail "npm run package failed"; }
vsix="$(ls "$S"/pkg/clio-linux-x64-*.vsix)"
step "checking the packages"
ls -l "$S/pkg"
python3 "$here/vscode/check_package.py" "$vsix" --target linux-x64 --bundled --root "$root" --log "$S/package.log" \
  --screenshot tests/artifacts/vscode-essay.png --screenshot tests/artifacts/vscode-balance.png \
  --screenshot tests/artifacts/vscode-timeline.png --screenshot tests/artifacts/vscode-outline.png \
  || { cat "$S/package.log"; fail "the linux-x64 package is not ready to publish"; }
python3 "$here/vscode/check_package.py" "$(ls "$S"/pkg/clio-darwin-arm64-*.vsix)" --target darwin-arm64 --no-bundled --root "$root" \
  --screenshot tests/artifacts/vscode-essay.png --screenshot tests/artifacts/vscode-balance.png \
  --screenshot tests/artifacts/vscode-timeline.png --screenshot tests/artifacts/vscode-outline.png \
  || fail "the darwin-arm64 package is not ready to publish"
(cd "$here/vscode/probe" && "$ext/node_modules/.bin/vsce" package --no-dependencies --skip-license --allow-missing-repository --out "$S/probe.vsix" >"$S/probe-package.log" 2>&1) \
  || { cat "$S/probe-package.log"; fail "could not package the probe extension"; }

# A throwaway workspace with the fixture essays. No clio.server.path: the copy bundled in the
# package is what runs (code-server gets a PATH without any clio-ls on it).
ws="$S/ws"
mkdir -p "$ws/.vscode" "$S/ud/User"
printf 'Kirov was murdered in 1931.\n\nLenin died in January 1924.\n' > "$ws/essay.md"
printf "Lenin's terror made Stalin's terror inevitable.\n" > "$ws/argument.md"
printf 'Kirov was murdered in 1931.\n\nStallin won.\n' > "$ws/silence.md"
# The other formats the extension claims (the probe registers quarto and rmd, as their own
# extensions would), each with the planted date on the last line.
printf -- '---\ntitle: Essay\n---\nKirov was murdered in 1931.\n' > "$ws/essay.qmd"
cp "$ws/essay.qmd" "$ws/essay.rmd"
printf '\\documentclass{article}\n\\begin{document}\nKirov was murdered in 1931.\n\\end{document}\n' > "$ws/essay.tex"
printf 'Kirov was murdered in 1931.\n' > "$ws/notes.txt"
# The timeline and the outline are shown on this one: two sections, each arguing a side, and
# dates the record contradicts (1931), matches (1928, January 1924) and says nothing of (1911).
printf "# Did Leninism lead to Stalinism?\n\n## The terror\n\nLenin's terror made Stalin's terror inevitable. Kirov was murdered in 1931.\n\n## A betrayal\n\nStalin broke with Lenin's NEP in 1928 and abandoned collective leadership. In 1911 the harvest was poor, and Lenin died in January 1924.\n" > "$ws/timeline.md"
# The README's screenshot is taken on this one.
printf "# Did Leninism lead to Stalinism?\n\nLenin's terror made Stalin's terror inevitable.\n\nKirov was murdered in 1931, and his death opened the way to the purges.\n" > "$ws/leninism.md"
printf '{\n  "clio.trace.server": "messages"\n}\n' > "$ws/.vscode/settings.json"
path_without_clio="$(printf '%s' "$PATH" | tr ':' '\n' | while read -r d; do [ -n "$d" ] && [ ! -x "$d/clio-ls" ] && printf '%s:' "$d"; done)"
path_without_clio="${path_without_clio%:}"
# Quieter first start: no welcome page, no update or telemetry traffic.
cat > "$S/ud/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "chat.disableAIFeatures": true,
  "security.workspace.trust.enabled": false
}
JSON

export XDG_CONFIG_HOME="$S/xc" XDG_DATA_HOME="$S/xd"
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" > "$S/config.yaml"
cs=(node "$cs_entry" --config "$S/config.yaml" --user-data-dir "$S/ud" --extensions-dir "$S/ext")

step "installing the .vsix files"
"${cs[@]}" --install-extension "$vsix" --install-extension "$S/probe.vsix" >"$S/install.log" 2>&1 \
  || { cat "$S/install.log"; fail "code-server could not install the extensions"; }
ext_installed="$(ls -d "$S/ext"/clio-essays.clio-* 2>/dev/null | head -1)"
[ -n "$ext_installed" ] || { cat "$S/install.log"; fail "clio-essays.clio is not in the extensions folder"; }

step "starting code-server on port $port"
PATH="$path_without_clio" EXTENSIONS_GALLERY='{"serviceUrl":""}' setsid "${cs[@]}" --bind-addr "127.0.0.1:$port" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust "$ws" >"$S/code-server.log" 2>&1 &
cs_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$cs_pid" 2>/dev/null || { cat "$S/code-server.log"; fail "code-server exited"; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$S/code-server.log"; fail "code-server did not answer on port $port"; }

step "driving the workbench"
mkdir -p "$root/tests/artifacts"
rc=0
HOME="$S" URL="http://127.0.0.1:$port/?folder=$ws" WS="$ws" SERVER_PATH="$bin" EXT_DIR="$ext_installed" \
  LOGS="$S/ud/logs" PW_DIR="$cache/code-server/pw" ARTIFACTS="$root/tests/artifacts" CHROME_UDD="$S/chrome" \
  timeout 300 node "$here/vscode/drive.js" || rc=$?
if [ "$rc" != 0 ]; then
  # What the extension and the server said, for whoever reads the CI log.
  find "$S/ud/logs" -name '*Clio*' -type f -exec tail -n 60 {} + 2>/dev/null || true
  echo "---- code-server.log (last 30 lines)"; tail -n 30 "$S/code-server.log"
  fail "VS Code end-to-end checks failed (exit $rc); screenshot: tests/artifacts/vscode-failure.png"
fi
# The server logs each setting it rejects ("[clio] settings: ..."); the extension must send none,
# in particular no severity left at the client-only value "default".
if find "$S/ud/logs" -name '*Clio.log' -type f -exec grep -h '^\[clio\] settings:' {} + 2>/dev/null | grep .; then
  fail "clio-ls rejected settings sent by the extension (above)"
fi
echo "ok   clio-ls accepted every setting the extension sent"
# The driver deletes the README's screenshot before it starts, so this one is from this run.
[ -s "$root/tests/artifacts/vscode-essay.png" ] || fail "the run took no README screenshot (tests/artifacts/vscode-essay.png)"
echo "ok   tests/artifacts/vscode-essay.png (the README's screenshot) taken by this run"
[ -s "$root/tests/artifacts/vscode-balance.png" ] || fail "the run took no picture of the balance panel (tests/artifacts/vscode-balance.png)"
[ -s "$root/tests/artifacts/vscode-timeline.png" ] || fail "the run took no picture of the timeline (tests/artifacts/vscode-timeline.png)"
[ -s "$root/tests/artifacts/vscode-outline.png" ] || fail "the run took no picture of the outline (tests/artifacts/vscode-outline.png)"
step "VS Code end-to-end test passed"
