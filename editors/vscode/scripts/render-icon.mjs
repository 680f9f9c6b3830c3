// Renders images/icon.svg to images/icon.png (256×256, transparent corners) with headless Chromium.
// The marketplace wants a PNG; the SVG is the source. Run by hand after editing the SVG:
//   node scripts/render-icon.mjs      (CHROMIUM=/path/to/chromium to use another browser)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const images = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'images');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`render-icon: no browser at ${chromium} (apt-get install chromium, or set CHROMIUM)`);
  process.exit(1);
}
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--default-background-color=00000000',
  '--window-size=256,256', `--screenshot=${join(images, 'icon.png')}`, pathToFileURL(join(images, 'icon.svg')).href];
const run = spawnSync(chromium, args, { stdio: ['ignore', 'inherit', 'ignore'] });
if (run.status !== 0) {
  console.error(`render-icon: ${chromium} exited with ${run.status}`);
  process.exit(1);
}
