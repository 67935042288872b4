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

test('the seed 001 report draws every chart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chosa_report_'));
  const db = join(dir, 'chosa.db');
  const html = join(dir, 'report.html');
  execFileSync(BIN, ['import', '-q', 'osaka-supply-chain-2019',
    join(SOURCE, 'test/golden/seed001/answers.csv'), '--db', db], { stdio: 'ignore' });
  execFileSync(BIN, ['report', '-a', join(SOURCE, 'data/analyses/osaka-supply-chain-2019.analysis.yaml'),
    '-s', 'osaka-supply-chain-2019', '--db', db, '-o', html], { stdio: 'ignore' });
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('file://' + html);
    await page.waitForSelector('body[data-charts-ready]');
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
