// The public self-diagnosis on a phone-sized viewport: a company answers the 25 items without
// logging in and reads its result (score, parts, what to fix first, support); no script errors,
// no CSP violations; screenshots of each step in test-artifacts/browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { answer, launch, shot, startServer } from './harness.mjs';

const SURVEY = 'self-check-25';
let server;
let browser;

before(async () => {
  server = await startServer(['-q', SURVEY, '--open-link']);
  browser = await launch();
});

after(async () => {
  await browser.close();
  await server.stop();
});

function items(from, to, code) {
  const out = {};
  for (let i = from; i <= to; ++i) out['D' + String(i).padStart(2, '0')] = code(i);
  return out;
}

test('a company diagnoses itself on a phone and reads its result', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {  // CSP violations are reported here; the favicon's 404 is not ours
    if (m.type() === 'error' && !/status of 404/.test(m.text())) problems.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(r.status() + ' ' + r.url());
  });
  await page.goto(server.base + `/s/${SURVEY}`);
  await shot(page, 'diag-01-landing');
  await Promise.all([page.waitForURL('**/a/1'), page.click('button.primary')]);
  await answer(page, { industry: '6', employees: '4', capital: '1' });
  await shot(page, 'diag-02-part1');
  await answer(page, items(1, 5, (i) => (i === 3 ? '2' : '1')));
  await answer(page, items(6, 18, (i) => (i === 9 ? '9' : i === 11 ? '3' : '1')));
  await answer(page, items(19, 25, (i) => (i === 25 ? '3' : '1')));
  assert.match(page.url(), /\/a\/review$/);
  await Promise.all([page.waitForURL('**/a/done'), page.click('button.primary')]);
  const text = await page.locator('main').innerText();
  assert.match(text, /診断結果/);
  assert.match(text, /90点 \/ 100点/);            // 100 - 2 (D03) - 4 (D11) - 4 (D25)
  assert.match(text, /まず取り組む項目/);
  assert.equal(await page.locator('progress').count(), 3);
  const first = await page.locator('ol.priorities > li').first().innerText();
  assert.match(first, /推測されにくいパスワード/);  // the Part 1 gap comes first
  assert.match(text, /二つ星: 情報セキュリティの基本方針を文書にして/);
  assert.match(text, /比べた相手: 回答企業全体（1社）/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling on a phone (width ${width})`);
  await shot(page, 'diag-03-result');
  assert.deepEqual(problems, []);
  await context.close();
});
