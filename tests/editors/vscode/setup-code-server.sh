#!/usr/bin/env bash
# Installs code-server (the real VS Code workbench + Node extension host) and playwright-core into DIR, idempotently.
# Adapted from shared/recipes/vscode-e2e: only the npm registry and Debian apt are contacted, never
# GitHub, so code-server's networked postinstall is replaced by the steps below.
# Usage: setup-code-server.sh DIR      (~650 MB; about a minute with a warm npm cache)
set -euo pipefail
D=${1:?usage: $0 DIR}
CS_VERSION=${CS_VERSION:-4.100.3}   # code-server 4.100 = VS Code 1.100; needs Node 20
PW_VERSION=${PW_VERSION:-1}
stamp="$D/.installed-$CS_VERSION-pw$PW_VERSION"
[ -f "$stamp" ] && exit 0

export npm_config_nodedir=${npm_config_nodedir:-/usr}   # node-gyp must not download headers
node -e 'process.exit(process.versions.node.split(".")[0]==="20"?0:1)' || { echo "setup: code-server $CS_VERSION needs Node 20, found $(node --version)" >&2; exit 1; }

# System packages: a toolchain for six small native modules, krb5 headers for `kerberos`, Debian's
# ripgrep in place of @vscode/ripgrep's GitHub download. Only what is missing is installed.
need=()
command -v make >/dev/null && command -v g++ >/dev/null || need+=(build-essential)
command -v python3 >/dev/null || need+=(python3)
[ -f /usr/include/krb5.h ] || [ -f /usr/include/krb5/krb5.h ] || need+=(libkrb5-dev)
command -v rg >/dev/null || need+=(ripgrep)
[ -f "$npm_config_nodedir/include/node/node_api.h" ] || need+=(libnode-dev)
if [ ${#need[@]} -gt 0 ]; then
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  echo "setup: apt-get install ${need[*]}" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >/dev/null \
    || { $sudo apt-get update >/dev/null && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >/dev/null; }
fi

# Start from scratch if an earlier run stopped half-way: a partial lib/vscode is hard to repair.
rm -rf "$D/node_modules" "$D/pw"
mkdir -p "$D"; cd "$D"
[ -f package.json ] || echo '{"private":true}' > package.json
NPM="npm --no-audit --no-fund --loglevel=error"
NODE_GYP="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")/node_modules/node-gyp/bin/node-gyp.js"

# 1. code-server without its postinstall (which runs a networked `npm install` in lib/vscode).
$NPM install --ignore-scripts "code-server@$CS_VERSION"
CS="$D/node_modules/code-server"
# argon2 is require()d at start-up even with --auth none.
$NPM rebuild --build-from-source argon2

# 2. What code-server's postinstall.sh does, minus install scripts.
cd "$CS/lib/vscode"
$NPM install --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
for m in kerberos node-pty @vscode/spdlog native-watchdog @vscode/deviceid; do
  (cd "node_modules/$m" && node "$NODE_GYP" rebuild >/dev/null 2>&1) || { echo "setup: native build of $m failed" >&2; exit 1; }
done
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
cd extensions
$NPM install --omit=dev --ignore-scripts
node postinstall.mjs >/dev/null

# 3. The browser driver; it uses /usr/bin/chromium, so no browser download.
mkdir -p "$D/pw"; cd "$D/pw"
echo '{"private":true}' > package.json
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $NPM install "playwright-core@$PW_VERSION"
touch "$stamp"
echo "setup: code-server $CS_VERSION ready in $D" >&2
