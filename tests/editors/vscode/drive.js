// Drives code-server in headless Chromium and asserts the Clio extension's diagnostics, hover, lens, outline, timeline, status, settings and missing-server messages.
// Adapted from shared/recipes/vscode-e2e/drive.js. The page must stay connected throughout: the
// extension host (and so clio-ls) only runs while a browser window is attached.
// Env: URL (workbench), WS (workspace folder), PW_DIR (where playwright-core is installed),
//      ARTIFACTS (screenshots for the README: vscode-essay.png, -balance, -timeline, -outline; vscode-failure.png on a failure),
//      SERVER_PATH (the built clio-ls), EXT_DIR (the installed extension), LOGS (VS Code's log folder),
//      CHROME_UDD.
const fs = require('fs');
const path = require('path');
const { chromium } = require(require.resolve('playwright-core', { paths: [process.env.PW_DIR || process.cwd()] }));

const ws = process.env.WS;
const probeFile = path.join(ws, '.probe', 'state.json');
const settingsFile = path.join(ws, '.vscode', 'settings.json');
const essayShot = path.join(process.env.ARTIFACTS, 'vscode-essay.png');
const balanceShot = path.join(process.env.ARTIFACTS, 'vscode-balance.png');
const timelineShot = path.join(process.env.ARTIFACTS, 'vscode-timeline.png');
const outlineShot = path.join(process.env.ARTIFACTS, 'vscode-outline.png');
const failureShot = path.join(process.env.ARTIFACTS, 'vscode-failure.png');
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
/** The element's text once it shows, or null. */
function textOf(page, selector, timeout) {
  return page.waitForSelector(selector, { state: 'visible', timeout }).then((e) => e.textContent()).catch(() => null);
}
const essayDiags = (p) => (p && p.diagnostics && p.diagnostics['essay.md']) || [];
const dateDiags = (p) => essayDiags(p).filter((d) => d.source === 'clio' && d.code === 'dubious-date');
function writeSettings(extra) {
  const s = { 'clio.trace.server': 'messages', ...extra };
  fs.writeFileSync(settingsFile, JSON.stringify(s, null, 2) + '\n');
}
/** What the extension wrote to its "Clio" output channel, as VS Code logs it. */
function clioOutput() {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/-Clio\.log$/.test(e.name)) found.push(fs.readFileSync(p, 'utf8'));
    }
  };
  try {
    walk(process.env.LOGS);
  } catch {
    // no logs yet
  }
  return found.join('\n');
}

/** 1-2. The server's findings, hover, look-up, quick fix and lens, as VS Code's API reports them. */
async function checkThroughApi() {
  const p1 = await waitFor('a Clio dubious-date diagnostic', () => {
    const p = readProbe();
    return p && dateDiags(p).length > 0 && p.done ? p : null;
  }, 90000);
  const p = p1 || readProbe() || {};
  log(`probe: ${JSON.stringify({ diagnostics: p.diagnostics, clioActive: p.clioActive })}`);
  check(p.clioActive === true, 'the Clio extension is active');
  const bundled = await waitFor('"found via bundled" in the Clio output', () => /found via bundled/.test(clioOutput()), 10000);
  const started = (clioOutput().match(/starting (.*) \(found via bundled\)/) || [])[1] || '';
  check(bundled && started.startsWith(process.env.EXT_DIR), `the server bundled in the package runs (${started})`);
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

  const hover = ((p.hover && p.hover.texts) || []).join('\n');
  check(hover.includes('Sergei Kirov'), `hover over Kirov shows the card: ${JSON.stringify(hover.slice(0, 80))}`);
  check(/^### Sergei Kirov/m.test(hover), 'the hover card starts with "### Sergei Kirov"');
  check(typeof p.lookup === 'string' && p.lookup.includes('Sergei Kirov'), 'executing clio.lookup "Kirov" returns the card');
  for (const id of ['clio.restartServer', 'clio.showOutput', 'clio.lookupName', 'clio.showTimeline', 'clio.lookup', 'clio.timeline']) {
    check(p.commands && p.commands[id] === true, `command ${id} is registered`);
  }
  check(p.lookupNameRan === true, 'clio.lookupName "Kirov" ran');
  const actions = p.codeActions || [];
  check(actions.includes('Replace with 1934'), `the lightbulb offers "Replace with 1934" (got ${JSON.stringify(actions)})`);
  const lenses = (p.codeLenses || []).filter(Boolean);
  check(lenses.some((t) => /^Clio · argument balance: 1 continuity, 0 rupture/.test(t)), `the argument essay shows the balance lens (got ${JSON.stringify(lenses)})`);
  const symbols = p.symbols || [];
  check(symbols.length === 1 && symbols[0].startsWith('continuity · terror: '), `the outline names the side the argument essay's paragraph argues (got ${JSON.stringify(symbols)})`);
  const silence = p.silence || {};
  check((silence.offered || []).includes("Don't check this line for dubious-date"), `the lightbulb offers "Don't check this line for dubious-date" (got ${JSON.stringify(silence.offered)})`);
  check(silence.applied === true && typeof silence.text === 'string' && silence.text.startsWith('<!-- clio-disable-next-line dubious-date -->\nKirov was murdered in 1931.'), `the fix inserts the comment on the line before (got ${JSON.stringify(silence.text)})`);
  check(Array.isArray(silence.after) && !silence.after.includes('dubious-date') && silence.after.includes('misspelled-name'), `after it the date is no longer flagged, the misspelled name still is (got ${JSON.stringify(silence.after)})`);
  check((p.errors || []).length === 0, `the probe saw no errors ${JSON.stringify(p.errors || [])}`);
  checkFormats(p);
  return p;
}

/** The other formats: each file gets its language, and the one planted date is flagged on its line. */
function checkFormats(p) {
  const cases = [
    { file: 'essay.qmd', language: 'quarto', line: 3 },
    { file: 'essay.rmd', language: 'rmd', line: 3 },
    { file: 'essay.tex', language: 'latex', line: 2 },
    { file: 'notes.txt', language: 'plaintext', line: 0 },
  ];
  for (const c of cases) {
    const got = (p.languages || {})[c.file];
    const lines = ((p.diagnostics || {})[c.file] || []).filter((d) => d.source === 'clio' && d.code === 'dubious-date').map((d) => d.line);
    check(got === c.language, `${c.file} opens as ${c.language} (got ${got})`);
    check(lines.length === 1 && lines[0] === c.line, `${c.file}: one dubious-date, on line ${c.line + 1} (got lines ${JSON.stringify(lines.map((l) => l + 1))})`);
  }
}

/** The 1-based line and column (as the status bar shows them) of `needle` in `text`. */
function lineCol(text, needle) {
  const at = text.indexOf(needle);
  if (at < 0) return null;
  const before = text.slice(0, at).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

/** The webview frame whose document matches `pred` (run in the frame), waiting up to 10 s. */
async function webviewFrame(page, pred, arg) {
  for (let i = 0; i < 40; i++) {
    for (const f of page.frames()) {
      if (await f.evaluate(pred, arg).catch(() => false)) return f;
    }
    await page.waitForTimeout(250);
  }
  return null;
}

/**
 * 2b. The timeline of timeline.md (the probe ran Clio: Show Essay Timeline on it): the
 * server's SVG renders in the panel with a mark of each verdict and a row per paragraph, under
 * a policy that loads nothing; its picture goes to tests/artifacts/. Clicking a point puts the
 * cursor on that date in the essay, for two points in different paragraphs.
 */
async function checkTimeline(page, p) {
  const t = p.timeline || {};
  check(t.ran === true, 'clio.showTimeline ran on timeline.md');
  const offsite = [];
  const onRequest = (r) => {
    const u = new URL(r.url());
    if (/^(https?|wss?):$/.test(u.protocol) && !['127.0.0.1', 'localhost'].includes(u.hostname)) offsite.push(r.url());
  };
  page.on('request', onRequest);
  const tab = await page.waitForSelector('.tab:has-text("Clio: timeline of timeline.md")', { timeout: 10000 }).then(() => true).catch(() => false);
  check(tab, 'it opened a "Clio: timeline of timeline.md" panel');
  await page.click('.tab:has-text("Clio: timeline of timeline.md")', { timeout: 5000 }).catch(() => {});
  await page.keyboard.press('Control+B'); // the side bar away: the essay and its timeline side by side
  const frame = await webviewFrame(page, () => !!document.querySelector('svg.timeline g.claim'));
  check(frame !== null, 'the panel renders the server\'s SVG timeline');
  if (frame) {
    const drawn = await frame.evaluate(() => {
      const svg = document.querySelector('svg.timeline');
      const box = svg.getBoundingClientRect();
      const n = (sel) => svg.querySelectorAll(sel).length;
      const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
      return {
        w: box.width, h: box.height,
        matches: n('g.claim.matches'), contradicts: n('g.claim.contradicts'), unknown: n('g.claim.unknown'),
        records: n('path.record'),
        sides: [...svg.querySelectorAll('g.paragraph')].map((g) => g.dataset.side),
        points: [...document.querySelectorAll('button[data-point]')].map((b) => ({ id: b.dataset.point, text: b.textContent })),
        csp: csp ? csp.content : '',
      };
    });
    log(`timeline: ${JSON.stringify(drawn)}`);
    check(drawn.w > 300 && drawn.h > 60, `the timeline is drawn at a real size (${Math.round(drawn.w)}×${Math.round(drawn.h)})`);
    check(drawn.contradicts === 1 && drawn.records === 1 && drawn.matches >= 2 && drawn.unknown >= 1,
      `marks of every verdict, the record's date beside the contradiction (${drawn.matches} match, ${drawn.contradicts} contradict, ${drawn.unknown} unknown, ${drawn.records} record)`);
    check(drawn.sides.includes('continuity') && drawn.sides.includes('rupture'), `paragraph rows are tinted by side (${JSON.stringify(drawn.sides)})`);
    check(drawn.points.some((x) => x.text === '“1931” contradicts the record: 1934'), `the points are listed in words (${JSON.stringify(drawn.points.map((x) => x.text))})`);
    check(/default-src 'none'/.test(drawn.csp) && !/https?:|\*/.test(drawn.csp), `the page's policy loads nothing (${drawn.csp})`);
    // Two clicks on the drawing: each must put the cursor on its own date in timeline.md.
    for (const written of ['January 1924', '1931']) {
      const point = drawn.points.find((x) => x.text.startsWith(`“${written}”`));
      const want = lineCol(t.text || '', written);
      if (!check(point !== undefined && want !== null, `a point for ${written}`)) continue;
      const mark = `svg.timeline g.claim[data-point="${point.id}"] circle`;
      await frame.click(mark, { timeout: 5000 }).catch((e) => log(`could not click ${mark}: ${e.message.split('\n')[0]}`));
      const at = `Ln ${want.line}, Col ${want.col}`;
      const moved = await page.locator('.statusbar-item', { hasText: new RegExp(`${at}\\b`) }).first()
        .waitFor({ state: 'visible', timeout: 10000 }).then(() => true).catch(() => null);
      const active = await page.$eval('.tab.active', (e) => e.textContent).catch(() => '');
      check(moved !== null, `clicking the ${written} point puts the cursor on it (${at}; active tab ${JSON.stringify(active)})`);
      if (written === 'January 1924') {
        // The picture: the essay, brought up by the click, beside its timeline.
        await page.waitForTimeout(300);
        await page.screenshot({ path: timelineShot });
        log(`screenshot: ${timelineShot}`);
      }
    }
  }
  if (frame) await checkRedraw(page, t);
  page.off('request', onRequest);
  check(offsite.length === 0, `no request leaves the machine while the timeline shows (${JSON.stringify(offsite)})`);
  await page.click('.tab:has-text("Clio: timeline of") .codicon-close', { timeout: 5000 }).catch(() => log('could not close the timeline tab'));
  await page.keyboard.press('Control+B');
  await checkOutline(page, t);
}

/**
 * The essay edited (the cursor is on "1931" since the last click): the year corrected to 1934
 * by typing, the panel must redraw with no contradiction left.
 */
async function checkRedraw(page, t) {
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type('1934');
  const fixed = '“1934” matches the record: Sergei Mironovich Kirov died 1 December 1934';
  const frame = await webviewFrame(page, (label) => {
    const svg = document.querySelector('svg.timeline');
    const listed = [...document.querySelectorAll('button[data-point]')].map((b) => b.textContent);
    return !!svg && svg.querySelectorAll('g.claim.contradicts').length === 0 && listed.includes(label);
  }, fixed);
  const listed = frame ? await frame.evaluate(() => [...document.querySelectorAll('button[data-point]')].map((b) => b.textContent)) : [];
  check(frame !== null, `typing 1934 over 1931 redraws the timeline with no contradiction (${JSON.stringify(listed)})`);
  if (!frame) return;
  // The list under the drawing goes to its date too ("1911" kept its place through the edit).
  const want = lineCol(t.text || '', '1911');
  await frame.click('button[data-point]:has-text("“1911”")', { timeout: 5000 }).catch((e) => log(`could not click the 1911 line: ${e.message.split('\n')[0]}`));
  const at = want ? `Ln ${want.line}, Col ${want.col}` : '(no 1911 in timeline.md)';
  const moved = await page.locator('.statusbar-item', { hasText: new RegExp(`${at}\\b`) }).first()
    .waitFor({ state: 'visible', timeout: 10000 }).then(() => true).catch(() => false);
  check(want !== null && moved, `clicking the "1911" line in the list puts the cursor on it (${at})`);
}

/**
 * 2c. The outline of timeline.md: its sections nested, each paragraph named by its side, as the
 * probe got them and as the Outline view shows them (its picture goes to tests/artifacts/).
 * Then essay.md is put back in front.
 */
async function checkOutline(page, t) {
  // VS Code's own Markdown extension outlines the headings too, each named with its "#" marks.
  const symbols = (t.symbols || []).filter((s) => !/^\s*#/.test(s));
  const want = ['Did Leninism lead to Stalinism?', '  The terror', '    continuity · terror: ', '  A betrayal', '    rupture · '];
  const ok = symbols.length === want.length && want.every((w, i) => symbols[i].startsWith(w));
  check(ok, `the outline nests the sections and names each paragraph's side (got ${JSON.stringify(symbols)})`);
  await page.click('.explorer-folders-view .monaco-list-row:has-text("timeline.md")');
  await page.waitForSelector('.tab.active:has-text("timeline.md")', { timeout: 10000 }).catch(() => log('timeline.md is not in front'));
  const header = '.pane-header:has-text("Outline")';
  const expanded = await page.$eval(header, (e) => e.getAttribute('aria-expanded')).catch(() => null);
  if (expanded !== 'true') await page.click(header, { timeout: 5000 }).catch((e) => log(`could not open the Outline: ${e.message.split('\n')[0]}`));
  // The folder's file list folded away, so that the whole outline shows.
  const folders = page.locator('.pane-header').filter({ has: page.locator('.title', { hasText: /^ws$/i }) }).first();
  await folders.click({ timeout: 5000 }).catch((e) => log(`could not fold the file list: ${e.message.split('\n')[0]}`));
  const row = (text) => textOf(page, `.outline-pane .monaco-list-row:has-text("${text}")`, 10000);
  const sections = (await row('The terror')) !== null && (await row('A betrayal')) !== null;
  const sides = (await row('continuity · terror')) !== null && (await row('rupture ·')) !== null;
  check(sections && sides, 'the Outline view shows the sections and the side each paragraph argues');
  await page.waitForTimeout(300);
  await page.screenshot({ path: outlineShot });
  log(`screenshot: ${outlineShot}`);
  await page.click(header, { timeout: 5000 }).catch(() => {});
  await folders.click({ timeout: 5000 }).catch(() => {});
  await page.click('.explorer-folders-view .monaco-list-row:has-text("essay.md")');
  await page.waitForSelector('.tab.active:has-text("essay.md")', { timeout: 10000 }).catch(() => log('essay.md is not back in front'));
}

/** The card's webview: a tab titled after the name, its (iframe) body holding the card. */
async function checkCardWebview(page) {
  const tab = await page.waitForSelector('.tab:has-text("Clio: Kirov")', { timeout: 10000 }).then(() => true).catch(() => false);
  check(tab, 'clio.lookupName opened a "Clio: Kirov" tab');
  // In front of its group (the timeline's panel may be there too): a hidden webview holds nothing.
  await page.click('.tab:has-text("Clio: Kirov")', { timeout: 5000 }).catch(() => {});
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
  await page.click('.tab:has-text("Clio: Kirov") .codicon-close', { timeout: 5000 }).catch(() => log('could not close the card tab'));
}

/** 3. What a person sees: the status bar count, the Problems panel and the editor's hover widget. */
async function checkWorkbench(page, p) {
  const n = essayDiags(p).filter((x) => x.source === 'clio').length;
  const want = n === 1 ? 'Clio: 1 finding' : `Clio: ${n} findings`;
  const status = await textOf(page, `.statusbar-item:has-text("${want}")`, 15000);
  const items = await page.$$eval('.statusbar-item', (els) => els.map((e) => e.textContent.trim()).filter(Boolean));
  check(status !== null, `status bar shows "${want}" (items: ${JSON.stringify(items.filter((t) => /clio/i.test(t)))})`);
  await page.keyboard.press('Control+Shift+M');
  const problems = await textOf(page, '.markers-panel .monaco-list-row:has-text("1934")', 10000);
  check(problems !== null, `the Problems panel lists the finding: ${JSON.stringify((problems || '').slice(0, 100))}`);
  // Put the caret in "Kirov" and show the hover with the keyboard (Ctrl+K Ctrl+I).
  await page.locator('.monaco-editor .view-line span', { hasText: 'Kirov' }).first().click({ position: { x: 8, y: 5 } });
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const shown = await textOf(page, '.monaco-hover:has-text("Sergei Kirov")', 10000);
  check(shown !== null, 'the hover widget in the editor shows "Sergei Kirov"');
  await page.keyboard.press('Escape');
}

/**
 * 4. The README's screenshot, taken on an essay that argues and errs: the balance lens over it,
 * the squiggle under the wrong year, and the hover over it with the finding and the record.
 */
async function screenshotEssay(page) {
  // The side bar away, and the Problems panel (open since step 3) narrowed to this essay: the
  // essay is the picture.
  const filter = page.getByPlaceholder('Filter (e.g. text').first();
  await filter.fill('leninism', { timeout: 5000 }).catch((e) => log(`no Problems filter: ${e.message.split('\n')[0]}`));
  await page.click('.explorer-folders-view .monaco-list-row:has-text("leninism.md")');
  await page.waitForSelector('.tab.active:has-text("leninism.md")', { timeout: 10000 });
  await page.keyboard.press('Control+B');
  const lens = await textOf(page, '.monaco-editor .codelens-decoration:has-text("argument balance")', 20000);
  check(lens !== null && /^Clio · argument balance: 1 continuity, 0 rupture/.test(lens.trim()), `the editor draws the balance lens over leninism.md: ${JSON.stringify(lens)}`);
  const squiggle = await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 10000 }).then(() => true).catch(() => false);
  check(squiggle, 'the editor underlines the wrong year in leninism.md');
  // The caret into "1931" (found on screen through a DOM range), then the hover at the caret.
  const at = await page.evaluate((word) => {
    const walker = document.createTreeWalker(document.querySelector('.monaco-editor .view-lines'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent.indexOf(word);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i + 1);
      r.setEnd(n, i + 2);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    return null;
  }, '1931');
  check(at !== null, '"1931" is on screen in leninism.md');
  if (at) await page.mouse.click(at.x, at.y);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = await textOf(page, '.monaco-hover:has-text("1934")', 10000);
  check(hover !== null, `the hover over 1931 gives the record: ${JSON.stringify((hover || '').slice(0, 120))}`);
  await page.waitForTimeout(500); // the hover fades in
  await page.screenshot({ path: essayShot });
  log(`screenshot: ${essayShot}`);
  await page.keyboard.press('Escape');
  await checkBalancePanel(page);
  // Back as before: the side bar, the whole Problems list, and essay.md (whose preview tab
  // leninism.md replaced) in front.
  await filter.fill('', { timeout: 5000 }).catch(() => {});
  await page.keyboard.press('Control+B');
  await page.click('.explorer-folders-view .monaco-list-row:has-text("essay.md")');
  await page.waitForSelector('.tab.active:has-text("essay.md")', { timeout: 10000 });
}

/**
 * 4b. The balance lens clicked: a panel beside the essay with the counts, the open
 * counterpoints and the paragraphs by side (no passing message); clicking a paragraph puts the
 * cursor on it. Its picture is kept in tests/artifacts/ beside the essay's.
 */
async function checkBalancePanel(page) {
  const toastsBefore = await page.$$eval('.notifications-toasts .notification-toast', (els) => els.length).catch(() => 0);
  await page.click('.monaco-editor .codelens-decoration a:has-text("argument balance")', { timeout: 10000 })
    .catch((e) => log(`could not click the lens: ${e.message.split('\n')[0]}`));
  const tab = await page.waitForSelector('.tab:has-text("Clio: balance of leninism.md")', { timeout: 10000 }).then(() => true).catch(() => false);
  check(tab, 'clicking the balance lens opens a "Clio: balance of leninism.md" panel');
  let frame = null;
  for (let i = 0; i < 40 && frame === null; i++) {
    for (const f of page.frames()) {
      const text = await f.evaluate(() => (document.body ? document.body.innerText : '')).catch(() => '');
      if (text.includes('1 point(s) for continuity, 0 for rupture') && text.includes('Strong counterpoints not yet addressed')) frame = f;
    }
    if (frame === null) await page.waitForTimeout(250);
  }
  check(frame !== null, 'the panel shows the counts and the open counterpoints');
  const paragraph = frame ? await frame.evaluate(() => [...document.querySelectorAll('button[data-para]')].map((b) => b.textContent)) : [];
  check(paragraph.length === 1 && paragraph[0].startsWith('continuity · terror: '), `the panel lists the paragraph by the side it argues (got ${JSON.stringify(paragraph)})`);
  const toastsAfter = await page.$$eval('.notifications-toasts .notification-toast', (els) => els.length).catch(() => 0);
  check(toastsAfter <= toastsBefore, `no passing message beside the panel (${toastsBefore} toasts before, ${toastsAfter} after)`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: balanceShot });
  log(`screenshot: ${balanceShot}`);
  if (frame) {
    await frame.click('button[data-para="0"]', { timeout: 5000 }).catch((e) => log(`could not click the paragraph: ${e.message.split('\n')[0]}`));
    const moved = await textOf(page, '.statusbar-item:has-text("Ln 3, Col 1")', 10000);
    check(moved !== null, 'clicking the paragraph puts the cursor on it (line 3)');
  }
  await page.click('.tab:has-text("Clio: balance of") .codicon-close', { timeout: 5000 }).catch(() => log('could not close the balance tab'));
}

/** 5. Settings changes reach the running server: a severity, then turning the check off and on. */
async function checkSettings() {
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
}

/**
 * 6. A broken clio.server.path: an error the user can act on, no crash; fixing it restarts the
 * server. The fix uses ${workspaceFolder} so that expansion is exercised too.
 */
async function checkBrokenPath(page) {
  writeSettings({ 'clio.server.path': '/nonexistent/clio-ls' });
  const missing = await textOf(page, '.statusbar-item:has-text("Clio: no server")', 20000);
  check(missing !== null, 'a missing server shows "Clio: no server" in the status bar');
  const toast = await textOf(page, '.notification-toast:has-text("not an executable file")', 10000);
  check(toast !== null && toast.includes('Open Settings'), `an error notification offers Open Settings: ${JSON.stringify((toast || '').slice(0, 120))}`);
  const link = path.join(path.dirname(ws), 'bin', 'clio-ls');
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.rmSync(link, { force: true });
  fs.symlinkSync(process.env.SERVER_PATH, link);
  writeSettings({ 'clio.server.path': '${workspaceFolder}/../bin/clio-ls' });
  const back = await textOf(page, '.statusbar-item:has-text("Clio: 1 finding")', 30000);
  const again = await waitFor('the finding after the restart', () => { const q = readProbe(); return q && dateDiags(q).length === 1 ? q : null; }, 30000);
  check(back !== null && again !== null, 'a valid clio.server.path (with ${workspaceFolder}) restarts the server and the finding returns');
  await page.keyboard.press('Escape'); // the earlier notification away
}

/**
 * 7. No server anywhere, as on a platform whose package carries none: the bundled copy moved
 * away, nothing on PATH, no setting. The message must say where the server comes from, and its
 * "Installation Help" button must open the extension's page (the README).
 */
async function checkNoServer(page) {
  const bundled = path.join(process.env.EXT_DIR, 'server', 'clio-ls');
  fs.renameSync(bundled, bundled + '.away');
  try {
    writeSettings({});
    const missing = await textOf(page, '.statusbar-item:has-text("Clio: no server")', 20000);
    check(missing !== null, 'with no server anywhere the status bar shows "Clio: no server"');
    const toast = await textOf(page, '.notification-toast:has-text("found none")', 10000);
    check(toast !== null && toast.includes('cargo install --path server') && toast.includes('clio.server.path'),
      `the error says to run cargo install --path server or set clio.server.path: ${JSON.stringify((toast || '').slice(0, 300))}`);
    check(toast !== null && toast.includes('only the linux-x64 package'), 'the error says only the linux-x64 package carries the server');
    const help = page.locator('.notification-toast:has-text("found none") .monaco-button:has-text("Installation Help")');
    const clicked = await help.click({ timeout: 5000 }).then(() => true).catch(() => false);
    const page_ = clicked && (await textOf(page, '.tab.active:has-text("Clio — history essay checker")', 15000));
    check(!!page_, '"Installation Help" opens the extension\'s page');
  } finally {
    fs.renameSync(bundled + '.away', bundled);
  }
}

(async () => {
  for (const f of [essayShot, balanceShot, timelineShot, outlineShot, failureShot]) fs.rmSync(f, { force: true }); // each run takes its own
  fs.mkdirSync(process.env.ARTIFACTS, { recursive: true });
  const udd = process.env.CHROME_UDD || fs.mkdtempSync(require('os').tmpdir() + '/chrome-');
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 720 },
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
    const p = await checkThroughApi();
    await checkCardWebview(page);
    await checkTimeline(page, p);
    await checkWorkbench(page, p);
    await screenshotEssay(page);
    await checkSettings();
    await checkBrokenPath(page);
    await checkNoServer(page);
  } catch (e) {
    check(false, `driver error: ${e && e.stack ? e.stack : e}`);
  } finally {
    if (failures.length && page) await page.screenshot({ path: failureShot }).catch(() => {});
    await ctx.close().catch(() => {});
  }
  log(failures.length ? `${failures.length} check(s) failed` : 'all VS Code checks passed');
  process.exit(failures.length ? 1 : 0);
})();
