// A person answers seed 000's questionnaire in Chromium: two skip paths, validation errors
// fixed, exclusive and "other" options, leave and resume through an invitation link, review,
// submit — with JavaScript on (phone-sized screen) and with JavaScript off; then an
// administrator logs in and watches the answers arrive in the console's tallies and charts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, answer, launch, shot, startServer } from './harness.mjs';

const SURVEY = 'ipa-it-vendor-role';
let server;
let browser;

before(async () => {
  server = await startServer(['-q', SURVEY, '--open-link'], { config: 'dashboard_refresh_seconds: 1\n' });
  browser = await launch();
});
after(async () => {
  await browser.close();
  await server.stop();
});

const PAGE1 = { company: 'テスト工業株式会社', email: 'taro@example.jp' };
const PAGE3 = { Q8: ['2', '13'], Q9: ['1', '3'], Q10: ['6'] };
const REST = [
  { Q17: '4', Q19: '2', Q20: ['1'], Q21: '4', Q23: '4' },
  { Q25: '4', Q27: ['4'] },
  { Q31: ['3', '22'], Q32: '3', Q33: ['1'] },
  { Q34: ['11'], Q35: 'ブラウザからの回答', Q36: ['1', '6'] },
];

async function open(context, path) {
  const page = await context.newPage();
  await page.goto(server.base + path);
  return page;
}

test('with JavaScript: follow-ups appear at once, exclusive and other options, errors fixed', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
  const page = await open(context, `/s/${SURVEY}`);
  await shot(page, 'js-01-landing');
  await Promise.all([page.waitForURL('**/a/1'), page.click('button.primary')]);
  await shot(page, 'js-02-respondent');
  await answer(page, PAGE1);

  // Page 2: "other" text is enabled only with its option; a missing answer shows an error.
  assert.equal(await page.locator('input[name=Q1_14_text]').isDisabled(), true);
  await page.check('#Q1-14');
  assert.equal(await page.locator('input[name=Q1_14_text]').isDisabled(), false);
  await page.fill('input[name=Q1_14_text]', 'セキュリティ専業');
  await answer(page, { Q2: '3', Q4: '1', Q5: '4', Q6: '10', Q7: '27' });  // Q3 left out
  assert.match(page.url(), /\/a\/2$/);
  await page.locator('#error-summary').waitFor();
  assert.match(await page.locator('#q-Q3 .error').innerText(), /回答してください/);
  assert.equal(await page.isChecked('#Q1-14'), true, 'answers are kept');
  await shot(page, 'js-03-validation-error');
  await answer(page, { Q3: '2' });
  assert.match(page.url(), /\/a\/3$/);

  // Page 3: Q11 appears only when Q8 includes 1; an exclusive option clears the others.
  assert.equal(await page.locator('#q-Q11').isHidden(), true);
  await page.check('#Q8-1');
  assert.equal(await page.locator('#q-Q11').isVisible(), true);
  await page.uncheck('#Q8-1');
  assert.equal(await page.locator('#q-Q11').isHidden(), true);
  await page.check('#Q9-1');
  await page.check('#Q9-20');
  assert.equal(await page.isChecked('#Q9-1'), false, '取組を実施していない clears the others');
  await page.check('#Q9-3');
  assert.equal(await page.isChecked('#Q9-20'), false, 'and another option clears it');
  await answer(page, { Q8: ['2', '13'], Q10: ['6'] });

  // Page 4: Q14-Q16 follow Q13 at once; Q16 follows Q15 option 4.
  await page.check('#Q13-8');
  for (const q of ['Q14', 'Q15', 'Q16']) assert.equal(await page.locator('#q-' + q).isHidden(), true, q);
  await page.check('#Q13-3');
  assert.equal(await page.locator('#q-Q15').isVisible(), true);
  assert.equal(await page.locator('#q-Q16').isHidden(), true);
  await page.check('#Q15-4');
  assert.equal(await page.locator('#q-Q16').isVisible(), true);
  await shot(page, 'js-04-follow-ups');
  await answer(page, { Q12: '3', Q14: ['7'], Q16: ['2'] });

  for (const fields of REST) await answer(page, fields);
  assert.match(page.url(), /\/a\/review$/);
  assert.match(await page.content(), /セキュリティ専業/);
  await shot(page, 'js-05-review');
  await Promise.all([page.waitForURL('**/a/done'), page.click('button.primary')]);
  assert.match(await page.content(), /回答を受け付けました/);
  await shot(page, 'js-06-done');
  await context.close();
});

test('without JavaScript: the same rules on the server, and resume through an invitation', async () => {
  const out = join(server.dir, 'inv.csv');
  server.chosa('invite', '-s', SURVEY, '-n', '1', '--db', server.db, '--base-url', server.base, '-o', out);
  const link = readFileSync(out, 'utf-8').trim().split(/\r?\n/)[1].split(',')[2];
  const path = link.slice(server.base.length);

  let context = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
  let page = await open(context, path);
  await Promise.all([page.waitForURL('**/a/1'), page.click('button.primary')]);
  await answer(page, PAGE1);
  await answer(page, { Q1: '3', Q2: '3', Q3: '2', Q4: '1', Q5: '4', Q6: '10', Q7: '27' });
  // Follow-ups on the same page stay visible with a note; an exclusive conflict is refused.
  assert.equal(await page.locator('#q-Q11').isVisible(), true);
  assert.match(await page.locator('#q-Q11 .condition').innerText(), /問8の回答によっては/);
  await answer(page, { Q8: ['2'], Q9: ['1', '20'], Q10: ['6'] });
  assert.match(await page.locator('#q-Q9 .error').innerText(), /同時に選べません/);
  await shot(page, 'nojs-01-exclusive-error');
  await page.uncheck('#Q9-1');
  await answer(page, {});
  assert.match(page.url(), /\/a\/4$/);
  await context.close();  // leave

  // Come back through the same link in a new browser: resumes on page 4.
  context = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
  page = await open(context, path);
  assert.match(await page.content(), /回答を再開する/);
  await Promise.all([page.waitForURL('**/a/4'), page.click('button.primary')]);
  await page.click('button[value=back]');
  await page.waitForURL('**/a/3');
  assert.equal(await page.isChecked('#Q9-20'), true, 'earlier answers are still there');
  await answer(page, {});
  // Q13 = 8 with Q14-Q16 left empty: accepted; the server marks them not applicable.
  await answer(page, { Q12: '3', Q13: '8' });
  for (const fields of REST) await answer(page, fields);
  const review = await page.content();
  assert.doesNotMatch(review, /問14/);
  await Promise.all([page.waitForURL('**/a/done'), page.click('button.primary')]);
  await shot(page, 'nojs-02-done');
  const copy = await open(context, '/a/copy');
  assert.match(await copy.content(), /ブラウザからの回答/);
  await shot(copy, 'nojs-03-copy');
  await context.close();

  const tally = JSON.parse(server.chosa('tabulate', '-s', SURVEY, '--db', server.db, '-f', 'json', '--only', 'Q14,Q16'));
  assert.equal(tally.tables[0].counts.not_applicable, 1, 'Q14 skipped for the no-JS respondent');
  assert.equal(tally.tables[0].counts.answered, 1, 'Q14 answered by the JS respondent');
});

test('administrator console: login, dashboard with charts, answers arriving live', async () => {
  const password = 'kanri-no-pasuwaado-2026';
  server.chosaWithInput(password + '\n', 'user', 'add', 'kanri', '--role', 'admin', '--db', server.db);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  const violations = [];
  const page = await context.newPage();
  page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text()); });
  page.on('pageerror', (e) => violations.push(String(e)));
  await page.goto(server.base + '/admin');
  assert.match(page.url(), /\/admin\/login$/, 'the console needs a login');
  await page.fill('#user', 'kanri');
  await page.fill('#password', 'wrong-password-1');
  await Promise.all([page.waitForLoadState('load'), page.click('button.primary')]);
  assert.match(await page.locator('.error-summary').innerText(), /パスワードが違います/);
  await shot(page, 'admin-01-login-failed');
  await page.fill('#user', 'kanri');
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(/\/admin$/), page.click('button.primary')]);
  await Promise.all([page.waitForURL(`**/admin/s/${SURVEY}`), page.click(`a[href="/admin/s/${SURVEY}"]`)]);

  // The two answers of the tests above: counted, tabulated and drawn.
  const completed = page.locator('#live tr:has(th:text-is("回答完了")) td');
  assert.equal(await completed.innerText(), '2');
  const q13 = page.locator('table.tally').filter({ has: page.locator('td:text-is("ほとんど相談を受けたことはない")') });
  assert.equal(await q13.locator('tr:has(td:text-is("ほとんど相談を受けたことはない")) td.num').first().innerText(), '1');
  await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart]').length > 0 &&
    Array.from(document.querySelectorAll('canvas[data-chart]')).every((c) => window.Chart.getChart(c)));
  const drawn = await page.evaluate(() => {
    const c = document.querySelector('canvas[data-chart]');
    return { width: c.width, height: c.height, bars: window.Chart.getChart(c).data.datasets[0].data.length };
  });
  assert.ok(drawn.width > 100 && drawn.height > 50, 'the chart has a size: ' + JSON.stringify(drawn));
  assert.ok(drawn.bars > 1);
  await shot(page, 'admin-02-dashboard');

  // A third respondent answers while the dashboard is open: the figures grow without a reload.
  const respondent = await browser.newContext({ locale: 'ja-JP' });
  const r = await open(respondent, `/s/${SURVEY}`);
  await Promise.all([r.waitForURL('**/a/1'), r.click('button.primary')]);
  await answer(r, PAGE1);
  await answer(r, { Q1: '3', Q2: '3', Q3: '2', Q4: '1', Q5: '4', Q6: '10', Q7: '27' });
  await answer(r, PAGE3);
  await answer(r, { Q12: '3', Q13: '8' });
  for (const fields of REST) await answer(r, fields);
  await Promise.all([r.waitForURL('**/a/done'), r.click('button.primary')]);
  await respondent.close();
  await page.waitForFunction(() => {
    const row = Array.from(document.querySelectorAll('#live th')).find((th) => th.textContent === '回答完了');
    return row && row.nextElementSibling.textContent === '3';
  }, null, { timeout: 15000 });
  assert.equal(await q13.locator('tr:has(td:text-is("ほとんど相談を受けたことはない")) td.num').first().innerText(), '2');
  assert.ok(await page.evaluate(() => window.Chart.getChart(document.querySelector('canvas[data-chart]')) !== undefined),
    'charts are drawn again after the refresh');
  await shot(page, 'admin-03-dashboard-live');
  assert.deepEqual(violations, [], 'no script errors and no CSP violations');

  // What respondents typed as personal data never reaches the console.
  assert.doesNotMatch(await page.content(), /テスト工業株式会社|taro@example\.jp/);

  // Cross tables by the size class derived from the answers, with stacked bar charts.
  await Promise.all([page.waitForURL('**/cross'), page.click('nav.tabs >> text=クロス集計')]);
  await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart]').length > 0 &&
    Array.from(document.querySelectorAll('canvas[data-chart]')).every((c) => window.Chart.getChart(c)));
  assert.match(await page.locator('h2').first().innerText(), /クロス集計（回答完了 3件）/);
  assert.ok(await page.locator('section.cross').count() > 20);
  await page.locator('section.cross').nth(4).scrollIntoViewIfNeeded();
  // The page is taller than a full-page capture allows: the visible part.
  await page.screenshot({ path: join(ARTIFACTS, 'admin-07-cross.png') });
  assert.deepEqual(violations, [], 'no script errors and no CSP violations on the cross tables');

  // The response browser: the no-JS respondent's free text, without their personal data.
  await Promise.all([page.waitForURL('**/responses'), page.click('nav.tabs >> text=回答一覧')]);
  assert.equal(await page.locator('table.admin tbody tr').count(), 3);
  await shot(page, 'admin-04-responses');
  await Promise.all([page.waitForURL('**/response?key=inv-*'), page.click('a[href*="key=inv-"]')]);
  assert.match(await page.locator('dl.copy').innerText(), /ブラウザからの回答/);
  assert.doesNotMatch(await page.content(), /テスト工業株式会社|taro@example\.jp/);
  await shot(page, 'admin-05-response');

  // Invitations: the one made on the command line, answered.
  await Promise.all([page.waitForURL('**/invitations'), page.click('nav.tabs >> text=招待')]);
  assert.match(await page.locator('table.admin').first().innerText(), /合計\s+1\s+0\s+0\s+1\s+100\.0/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.fill('#count', '2').then(() => page.fill('#label', '卸売業・中規模')).then(() => page.click('form.create button')),
  ]);
  const links = readFileSync(await download.path(), 'utf-8').trim().split(/\r?\n/).slice(1);
  assert.equal(links.length, 2);
  assert.match(links[0], /^1,卸売業・中規模,http:\/\/127\.0\.0\.1:\d+\/i\/[0-9a-f]{32}$/);
  await page.reload();
  assert.match(await page.locator('table.admin').first().innerText(), /卸売業・中規模\s+2\s+2\s+0\s+0\s+0\.0/);
  await shot(page, 'admin-06-invitations');
  assert.deepEqual(violations, [], 'no script errors and no CSP violations');
  await context.close();
});
