// Opens the class report in headless Chromium (playwright-core) and checks what a teacher
// sees: the table of essays, the class's slips, one rendered timeline per essay with its
// verdicts, and that the page makes no request beyond its own file. Saves a screenshot.
// Env: REPORT (the HTML file), ESSAYS (how many essays it covers), SLIP (text the first slip
// must hold), SLIP_COUNT (how many essays share it), PW_DIR (where playwright-core is),
// SHOT (screenshot path).
const { chromium } = require(require.resolve('playwright-core', { paths: [process.env.PW_DIR] }));

const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests = [];
    const problems = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto('file://' + process.env.REPORT);
    const essays = Number(process.env.ESSAYS);

    // The table: one row per essay, a cell per check, the balance bar.
    const rows = await page.$$eval('table.essays tbody tr', (trs) => trs.map((tr) => tr.children.length));
    check(rows.length === essays, `the table has a row per essay (${rows.length} of ${essays})`);
    check(rows.every((n) => n === rows[0] && n >= 8), `every row has the same cells (${rows[0]})`);
    const heads = await page.$$eval('table.essays th', (ths) => ths.map((t) => t.textContent));
    check(heads.includes('dubious-date') && heads.some((h) => /Balance/.test(h)), `the head names the checks and the balance: ${JSON.stringify(heads)}`);
    const bars = await page.$$eval('.bal', (els) => els.map((e) => e.getBoundingClientRect().width));
    check(bars.length === essays && bars.every((w) => w > 40), 'each row draws its balance bar');

    // The slips, most widespread first.
    const slips = await page.$$eval('ol.slips li', (lis) => lis.map((li) => li.textContent));
    check(slips.length > 0, `the slips are listed (${slips.length})`);
    const first = slips[0] || '';
    check(first.startsWith(`${process.env.SLIP_COUNT} of ${essays} essays`) && first.includes(process.env.SLIP),
      `the most common slip comes first: ${JSON.stringify(first.slice(0, 140))}`);

    // The timelines: rendered (a real size on the page), with marks of each verdict.
    const svgs = await page.$$eval('svg.timeline', (els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { w: r.width, h: r.height, claims: e.querySelectorAll('g.claim').length, rows: e.querySelectorAll('g.paragraph').length };
    }));
    check(svgs.length === essays, `one timeline per essay (${svgs.length})`);
    check(svgs.every((s) => s.w > 600 && s.h > 60), `each timeline is drawn at size ${JSON.stringify(svgs.map((s) => [Math.round(s.w), Math.round(s.h)]))}`);
    check(svgs.every((s) => s.rows > 0), 'each timeline has a row per paragraph');
    const count = async (sel) => page.$$eval(sel, (els) => els.filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    }).length);
    const matches = await count('svg.timeline g.claim.matches');
    const contradicts = await count('svg.timeline g.claim.contradicts');
    const unknown = await count('svg.timeline g.claim.unknown');
    const records = await count('svg.timeline path.record');
    check(matches > 0 && contradicts > 0 && unknown > 0, `marks of every verdict are visible (${matches} match, ${contradicts} contradict, ${unknown} unknown)`);
    check(records === contradicts, `each contradiction has the record's date beside it (${records})`);
    const sides = await page.$$eval('svg.timeline g.paragraph', (gs) => gs.map((g) => g.dataset.side));
    check(sides.includes('continuity') && sides.includes('rupture'), 'paragraphs are tinted by side');
    const tip = await page.$eval('svg.timeline g.claim.contradicts title', (t) => t.textContent).catch(() => '');
    check(/record:/.test(tip), `a contradiction's tooltip gives the record: ${JSON.stringify(tip.slice(0, 120))}`);

    check(requests.length === 0, `no network request (${JSON.stringify(requests)})`);
    check(problems.length === 0, `no console errors (${JSON.stringify(problems)})`);
    // The top of the report and the first timelines, as a teacher opens it.
    await page.screenshot({ path: process.env.SHOT, fullPage: true });
    console.log(`screenshot: ${process.env.SHOT}`);
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.log(`${failures.length} check(s) failed`);
    process.exit(1);
  }
})().catch((e) => {
  console.log(`FAIL ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
