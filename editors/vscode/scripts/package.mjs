// Packages the extension as platform-specific .vsix files; only linux-x64 carries a (stripped) clio-ls.
// Usage: node scripts/package.mjs [--target T]... [--all] [--out FILE-or-DIR]
//   no target: linux-x64, the one package that bundles the server built by this repository;
//   --all: every desktop target vsce knows, into --out (a folder, default dist/).
// Env: CLIO_LS_BINARY (the binary to bundle, default ../../target/dist/clio-ls: `cargo build --profile dist -p clio-ls`),
//      CLIO_BUNDLE_SERVER=0 (a linux-x64 package without the binary).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, closeSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(extDir, 'package.json'), 'utf8'));

/** vsce's targets minus `web`: the extension spawns a process, which a web extension host cannot. */
const TARGETS = ['linux-x64', 'linux-arm64', 'linux-armhf', 'alpine-x64', 'alpine-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64', 'win32-arm64'];
/** The one target whose binary this repository builds (a glibc x86-64 Linux; Alpine's musl cannot run it). */
const BUNDLED_TARGET = 'linux-x64';
const serverDir = join(extDir, 'server');

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { targets: [], out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--all') {
      opts.targets.push(...TARGETS);
    } else if (a === '--target' || a === '--out') {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      if (a === '--target') opts.targets.push(v);
      else opts.out = resolve(process.env.INIT_CWD ?? process.cwd(), v);
    } else {
      fail(`unknown argument ${a}`);
    }
  }
  if (opts.targets.length === 0) opts.targets.push(BUNDLED_TARGET);
  for (const t of opts.targets) {
    if (!TARGETS.includes(t)) fail(`unknown target ${t} (one of ${TARGETS.join(', ')})`);
  }
  opts.targets = [...new Set(opts.targets)];
  if (opts.out?.endsWith('.vsix') && opts.targets.length > 1) fail('--out names one file, but several targets were asked for: give a folder');
  return opts;
}

/** True when `file` is a 64-bit x86-64 ELF executable: a binary built elsewhere must not slip into linux-x64. */
function isElfX8664(file) {
  const head = Buffer.alloc(20);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 20, 0);
  } finally {
    closeSync(fd);
  }
  const magic = head[0] === 0x7f && head.toString('latin1', 1, 4) === 'ELF';
  return magic && head[4] === 2 && head.readUInt16LE(18) === 0x3e;
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

/** Copies the server into server/ and strips it (debug line tables make it ~5 times larger). */
function bundleServer() {
  const source = resolve(process.env.CLIO_LS_BINARY || join(extDir, '..', '..', 'target', 'dist', 'clio-ls'));
  if (!existsSync(source)) {
    fail(`no clio-ls at ${source}: build it with \`cargo build --profile dist -p clio-ls\`, point CLIO_LS_BINARY at one, or set CLIO_BUNDLE_SERVER=0 for a package without it`);
  }
  if (!isElfX8664(source)) fail(`${source} is not an x86-64 Linux executable; it cannot go into the ${BUNDLED_TARGET} package`);
  const dest = join(serverDir, 'clio-ls');
  mkdirSync(serverDir, { recursive: true });
  copyFileSync(source, dest);
  const strip = spawnSync('strip', ['--strip-all', dest], { stdio: 'inherit' });
  if (strip.error || strip.status !== 0) {
    fail(`could not strip ${dest} (${strip.error ? strip.error.message : `exit ${strip.status}`}); install binutils`);
  }
  chmodSync(dest, 0o755);
  console.log(`package: bundled ${source} (${mb(statSync(source).size)}), stripped to ${mb(statSync(dest).size)}`);
}

/** Where the README's relative links point once published: the extension's folder in the repository. */
function baseUrls() {
  const repo = manifest.repository;
  const m = /github\.com\/([^/]+\/[^/.]+)/.exec(typeof repo === 'string' ? repo : repo?.url ?? '');
  if (!m) fail('package.json needs a GitHub "repository" so that README links can be made absolute');
  const dir = typeof repo === 'object' && repo.directory ? `/${repo.directory}` : '';
  return { content: `https://github.com/${m[1]}/blob/HEAD${dir}`, images: `https://github.com/${m[1]}/raw/HEAD${dir}` };
}

function outPath(opts, target) {
  const name = `${manifest.name}-${target}-${manifest.version}.vsix`;
  if (opts.out === undefined) return join(extDir, opts.targets.length > 1 ? 'dist' : '', name);
  return opts.out.endsWith('.vsix') ? opts.out : join(opts.out, name);
}

function packageTarget(opts, target) {
  rmSync(serverDir, { recursive: true, force: true });
  if (target === BUNDLED_TARGET && process.env.CLIO_BUNDLE_SERVER !== '0') {
    bundleServer();
  } else {
    console.log(`package: ${target} without a server binary (users install clio-ls or set clio.server.path)`);
  }
  const out = outPath(opts, target);
  mkdirSync(dirname(out), { recursive: true });
  const urls = baseUrls();
  const vsce = join(extDir, 'node_modules', '@vscode', 'vsce', 'vsce');
  const args = [vsce, 'package', '--no-dependencies', '--target', target, '--out', out, '--baseContentUrl', urls.content, '--baseImagesUrl', urls.images];
  const run = spawnSync(process.execPath, args, { cwd: extDir, stdio: 'inherit' });
  rmSync(serverDir, { recursive: true, force: true });
  if (run.error || run.status !== 0) fail(`vsce package --target ${target} failed`);
  console.log(`package: ${out} (${mb(statSync(out).size)})`);
}

const opts = parseArgs(process.argv.slice(2));
for (const target of opts.targets) {
  packageTarget(opts, target);
}
