// The HTML report of seed 001 (imported answers, the built-in analysis) in headless Chromium:
// every chart is drawn (an SVG per chart, no script errors), Japanese text is laid out, and the
// main pages are screenshotted as test artifacts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BIN, launch, shot } from './harness.mjs';

const SOURCE = resolve(process.cwd(), '../..');

// Imports `answers` into a fresh database and writes the report of `analysis`; returns its path.
function buildReport(survey, answers, analysis) {
  const dir = mkdtempSync(join(tmpdir(), 'chosa_report_'));
  const db = join(dir, 'chosa.db');
  const html = join(dir, 'report.html');
  execFileSync(BIN, ['import', '-q', survey, answers, '--db', db], { stdio: 'ignore' });
  execFileSync(BIN, ['report', '-a', join(SOURCE, analysis), '-s', survey, '--db', db, '-o', html],
    { stdio: 'ignore' });
  return html;
}

// Opens the report and waits for its charts; `errors` collects script errors.
async function openReport(browser, html) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('file://' + html);
  await page.waitForSelector('body[data-charts-ready]');
  return { page, errors };
}

test('the seed 001 report draws every chart', async () => {
  const html = buildReport('osaka-supply-chain-2019', join(SOURCE, 'test/golden/seed001/answers.csv'),
    'data/analyses/osaka-supply-chain-2019.analysis.yaml');
  const browser = await launch();
  try {
    const { page, errors } = await openReport(browser, html);
    const charts = await page.locator('script.chart-data').count();
    assert.ok(charts > 50, `charts: ${charts}`);
    const drawn = await page.locator('div.chart svg').count();
    assert.equal(drawn, charts);
    // Bars were drawn with the figures of the table: the 業種 chart shows 30.5 (製造).
    const first = await page.locator('div.chart').first().innerHTML();
    assert.match(first, /30\.5/);
    assert.deepEqual(errors, []);
    assert.match(await page.locator('p.finding').first().innerText(),
      /業種について、「製造」の割合が最も高く30\.5%となっている。/);
    await shot(page, 'report-01-top');
    await page.locator('h2', { hasText: 'クロス集計' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(process.env.CHOSA_ARTIFACTS || 'test-artifacts', 'report-02-cross.png') });
  } finally {
    await browser.close();
  }
});

// Seed 002's report rebuilt from answers consistent with its published figures
// (test/acceptance): the supply-chain position chart is a 100% stacked bar whose segments carry
// the published percents, the previous-wave chart pairs both waves, and the pages are shot.
test('the seed 002 report draws the stacked position chart and the wave comparison', async () => {
  const csv = join(mkdtempSync(join(tmpdir(), 'chosa_seed002_')), 'answers.csv');
  execFileSync('python3', [join(SOURCE, 'test/acceptance/seed002_data.py'), csv]);
  const html = buildReport('ipa-sme-security-2021', csv, 'data/analyses/ipa-sme-security-2021.analysis.yaml');
  const browser = await launch();
  try {
    const { page, errors } = await openReport(browser, html);
    const charts = await page.locator('script.chart-data').count();
    assert.equal(await page.locator('div.chart svg').count(), charts);
    assert.deepEqual(errors, []);
    await shot(page, 'report-03-seed002-outline');
    const position = page.locator('section', { hasText: '× 取引上の立場' });
    const svg = await position.locator('div.chart').innerHTML();
    for (const figure of ['28.2', '34.7', '37.1', '18.3', '13.3', '73.1']) assert.ok(svg.includes(figure), figure);
    await position.scrollIntoViewIfNeeded();
    await position.screenshot({ path: join(process.env.CHOSA_ARTIFACTS || 'test-artifacts', 'report-04-seed002-position.png') });
    const wave = page.locator('section', { hasText: '前回調査(n=4215)' }).first();
    const waveSvg = await wave.locator('div.chart').innerHTML();
    assert.ok(waveSvg.includes('61.8') && waveSvg.includes('55.1'));
    await wave.scrollIntoViewIfNeeded();
    await wave.screenshot({ path: join(process.env.CHOSA_ARTIFACTS || 'test-artifacts', 'report-05-seed002-wave.png') });
  } finally {
    await browser.close();
  }
});
