// Copies a built clio-ls into server/ so the .vsix can run without a separate install.
// The copy is optional: without a built binary the extension relies on PATH or clio.server.path.
import { copyFileSync, chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const exe = process.platform === 'win32' ? 'clio-ls.exe' : 'clio-ls';
const source = resolve(process.env.CLIO_LS_BINARY || join(here, '..', '..', '..', 'target', 'release', exe));
const dest = join(here, '..', 'server', exe);

if (process.env.CLIO_BUNDLE_SERVER === '0') {
  // A platform-neutral .vsix: make sure no stale binary from an earlier build slips in.
  rmSync(dest, { force: true });
  console.log('bundle-server: skipped (CLIO_BUNDLE_SERVER=0)');
} else if (existsSync(source)) {
  mkdirSync(dirname(dest), { recursive: true });
  copyFileSync(source, dest);
  chmodSync(dest, 0o755);
  console.log(`bundle-server: ${source} -> server/${exe}`);
} else {
  console.log(`bundle-server: no binary at ${source}; the .vsix will need clio-ls on PATH or clio.server.path`);
}
