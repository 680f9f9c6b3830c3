// Drives code-server in headless Chromium and asserts the Clio extension's diagnostics, hover, status and settings.
// Adapted from shared/recipes/vscode-e2e/drive.js. The page must stay connected throughout: the
// extension host (and so clio-ls) only runs while a browser window is attached.
// Env: URL (workbench), WS (workspace folder), PW_DIR (where playwright-core is installed),
//      SHOT (screenshot path), SERVER_PATH (clio-ls, kept in the workspace settings), CHROME_UDD.
const fs = require('fs');
const path = require('path');
const { chromium } = require(require.resolve('playwright-core', { paths: [process.env.PW_DIR || process.cwd()] }));

const ws = process.env.WS;
const probeFile = path.join(ws, '.probe', 'state.json');
const settingsFile = path.join(ws, '.vscode', 'settings.json');
const t0 = Date.now();
const failures = [];

function log(msg) {
  console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
}
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
  return ok;
}
function readProbe() {
  try {
    return JSON.parse(fs.readFileSync(probeFile, 'utf8'));
  } catch {
    return null; // not written yet
  }
}
async function waitFor(what, pred, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = pred();
    if (v) return v;
    if (Date.now() > end) {
      log(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
      return null;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
const essayDiags = (p) => (p && p.diagnostics && p.diagnostics['essay.md']) || [];
const dateDiags = (p) => essayDiags(p).filter((d) => d.source === 'clio' && d.code === 'dubious-date');
function writeSettings(extra) {
  const s = { 'clio.server.path': process.env.SERVER_PATH, 'clio.trace.server': 'messages', ...extra };
  fs.writeFileSync(settingsFile, JSON.stringify(s, null, 2) + '\n');
}

(async () => {
  const udd = process.env.CHROME_UDD || fs.mkdtempSync(require('os').tmpdir() + '/chrome-');
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  let page;
  try {
    page = ctx.pages()[0] || (await ctx.newPage());
    await page.goto(process.env.URL);
    await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
    log('workbench loaded');
    // Ctrl+P's input never shows in headless Chromium; clicking the Explorer row does work.
    const row = '.explorer-folders-view .monaco-list-row:has-text("essay.md")';
    await page.waitForSelector(row, { timeout: 60000 });
    await page.click(row);
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
    log('essay.md open');

    // 1. The server's finding, as VS Code's API reports it.
    const p1 = await waitFor('a Clio dubious-date diagnostic', () => {
      const p = readProbe();
      return p && dateDiags(p).length > 0 && p.done ? p : null;
    }, 90000);
    const p = p1 || readProbe() || {};
    log(`probe: ${JSON.stringify({ diagnostics: p.diagnostics, clioActive: p.clioActive })}`);
    check(p.clioActive === true, 'the Clio extension is active');
    const d = dateDiags(p)[0];
    check(dateDiags(p).length === 1, `one dubious-date diagnostic from clio on essay.md (got ${dateDiags(p).length})`);
    if (d) {
      check(d.line === 0, `it is on line 1 (got line ${d.line + 1})`);
      check(d.character === 22 && d.endCharacter === 26, `it covers "1931" (columns ${d.character}-${d.endCharacter})`);
      check(/1934/.test(d.message), `its message mentions 1934: ${d.message}`);
      check(d.severity === 'Warning', `it is a warning (got ${d.severity})`);
    }
    const correct = essayDiags(p).filter((x) => x.line === 2 && x.source === 'clio' && x.severity !== 'Information' && x.severity !== 'Hint');
    check(correct.length === 0, 'no warning on the correct sentence (line 3)');

    // 2. Hover and the server's look-up command, through VS Code's API.
    const hover = ((p.hover && p.hover.texts) || []).join('\n');
    check(hover.includes('Sergei Kirov'), `hover over Kirov shows the card: ${JSON.stringify(hover.slice(0, 80))}`);
    check(/^### Sergei Kirov/m.test(hover), 'the hover card starts with "### Sergei Kirov"');
    check(typeof p.lookup === 'string' && p.lookup.includes('Sergei Kirov'), 'executing clio.lookup "Kirov" returns the card');
    for (const id of ['clio.restartServer', 'clio.showOutput', 'clio.lookupName', 'clio.lookup']) {
      check(p.commands && p.commands[id] === true, `command ${id} is registered`);
    }
    check(p.lookupNameRan === true, 'clio.lookupName "Kirov" ran');
    const actions = p.codeActions || [];
    check(actions.includes('Replace with 1934'), `the lightbulb offers "Replace with 1934" (got ${JSON.stringify(actions)})`);
    const lenses = (p.codeLenses || []).filter(Boolean);
    check(lenses.some((t) => /^Clio · argument balance: 1 continuity, 0 rupture/.test(t)), `the argument essay shows the balance lens (got ${JSON.stringify(lenses)})`);
    check((p.errors || []).length === 0, `the probe saw no errors ${JSON.stringify(p.errors || [])}`);

    // The card's webview: a tab titled after the name, its (iframe) body holding the card.
    const tab = await page.waitForSelector('.tab:has-text("Clio: Kirov")', { timeout: 10000 }).then(() => true).catch(() => false);
    check(tab, 'clio.lookupName opened a "Clio: Kirov" tab');
    // Webview content lives in nested iframes: look in every frame for the rendered card.
    let cardShown = false;
    for (let i = 0; i < 40 && !cardShown; i++) {
      for (const f of page.frames()) {
        const text = await f.evaluate(() => (document.body ? document.body.innerText : '')).catch(() => '');
        if (text.includes('Sergei Kirov') && text.includes('1934') && !text.includes('was murdered in 1931')) cardShown = true;
      }
      if (!cardShown) await page.waitForTimeout(250);
    }
    check(cardShown, 'the webview shows the Kirov card');

    // 3. What a person sees: the status bar count, the Problems panel and the editor's hover widget.
    const n = essayDiags(p).filter((x) => x.source === 'clio').length;
    const want = n === 1 ? 'Clio: 1 finding' : `Clio: ${n} findings`;
    const status = await page
      .waitForSelector(`.statusbar-item:has-text("${want}")`, { timeout: 15000 })
      .then((e) => e.textContent())
      .catch(() => null);
    const items = await page.$$eval('.statusbar-item', (els) => els.map((e) => e.textContent.trim()).filter(Boolean));
    check(status !== null, `status bar shows "${want}" (items: ${JSON.stringify(items.filter((t) => /clio/i.test(t)))})`);
    await page.keyboard.press('Control+Shift+M');
    const problems = await page
      .waitForSelector('.markers-panel .monaco-list-row:has-text("1934")', { timeout: 10000 })
      .then((e) => e.textContent())
      .catch(() => null);
    check(problems !== null, `the Problems panel lists the finding: ${JSON.stringify((problems || '').slice(0, 100))}`);
    // Put the caret in "Kirov" and show the hover with the keyboard (Ctrl+K Ctrl+I).
    await page.locator('.monaco-editor .view-line span', { hasText: 'Kirov' }).first().click({ position: { x: 8, y: 5 } });
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const shown = await page
      .waitForSelector('.monaco-hover:has-text("Sergei Kirov")', { state: 'visible', timeout: 10000 })
      .then(() => true)
      .catch(() => false);
    check(shown, 'the hover widget in the editor shows "Sergei Kirov"');
    await page.waitForTimeout(300);
    if (process.env.SHOT) {
      fs.mkdirSync(path.dirname(process.env.SHOT), { recursive: true });
      await page.screenshot({ path: process.env.SHOT });
      log(`screenshot: ${process.env.SHOT}`);
    }
    await page.keyboard.press('Escape');

    // 4. Settings changes reach the running server: a severity, then turning the check off and on.
    writeSettings({ 'clio.severity.dubiousDate': 'error' });
    const err = await waitFor('the finding to become an error',
      () => { const q = readProbe(); return q && dateDiags(q).length === 1 && dateDiags(q)[0].severity === 'Error' ? q : null; }, 30000);
    check(err !== null, 'setting clio.severity.dubiousDate to "error" makes the finding an error');
    writeSettings({ 'clio.checks.dubiousDate': false });
    const off = await waitFor('the finding to clear after clio.checks.dubiousDate=false',
      () => { const q = readProbe(); return q && dateDiags(q).length === 0 ? q : null; }, 30000);
    check(off !== null, 'setting clio.checks.dubiousDate to false clears the diagnostic');
    writeSettings({});
    const on = await waitFor('the finding to return as a warning',
      () => { const q = readProbe(); return q && dateDiags(q).length === 1 && dateDiags(q)[0].severity === 'Warning' ? q : null; }, 30000);
    check(on !== null, 'removing the settings brings the diagnostic back as a warning');

    // 5. A broken clio.server.path: an error the user can act on, no crash; fixing it restarts the
    // server. The fix uses ${workspaceFolder} so that expansion is exercised too.
    writeSettings({ 'clio.server.path': '/nonexistent/clio-ls' });
    const missing = await page.waitForSelector('.statusbar-item:has-text("Clio: no server")', { timeout: 20000 }).then(() => true).catch(() => false);
    check(missing, 'a missing server shows "Clio: no server" in the status bar');
    const toast = await page
      .waitForSelector('.notification-toast:has-text("not an executable file")', { timeout: 10000 })
      .then((e) => e.textContent())
      .catch(() => null);
    check(toast !== null && toast.includes('Open Settings'), `an error notification offers Open Settings: ${JSON.stringify((toast || '').slice(0, 120))}`);
    const link = path.join(path.dirname(ws), 'bin', 'clio-ls');
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.rmSync(link, { force: true });
    fs.symlinkSync(process.env.SERVER_PATH, link);
    writeSettings({ 'clio.server.path': '${workspaceFolder}/../bin/clio-ls' });
    const back = await page.waitForSelector('.statusbar-item:has-text("Clio: 1 finding")', { timeout: 30000 }).then(() => true).catch(() => false);
    const again = await waitFor('the finding after the restart', () => { const q = readProbe(); return q && dateDiags(q).length === 1 ? q : null; }, 30000);
    check(back && again !== null, 'a valid clio.server.path (with ${workspaceFolder}) restarts the server and the finding returns');
  } catch (e) {
    check(false, `driver error: ${e && e.stack ? e.stack : e}`);
    if (page && process.env.SHOT) await page.screenshot({ path: process.env.SHOT }).catch(() => {});
  } finally {
    await ctx.close().catch(() => {});
  }
  log(failures.length ? `${failures.length} check(s) failed` : 'all VS Code checks passed');
  process.exit(failures.length ? 1 : 0);
})();
