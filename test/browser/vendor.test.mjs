// IT vendors in the browser: a vendor logs in, adds a customer and copies its link; the customer
// answers on a phone through that link and saves its result as PDF; the vendor's portfolio then
// shows the customer's score, and its advice sheet lays out for print. No script errors or CSP
// violations; screenshots in test-artifacts/browser (vendor-01..05).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { answer, launch, shot, startServer } from './harness.mjs';

const SURVEY = 'self-check-25';
const PASSWORD = 'vendor-no-pasuwaado-77';
let server;
let browser;

before(async () => {
  server = await startServer(['-q', SURVEY]);
  server.chosaWithInput(PASSWORD + '\n', 'user', 'add', 'hokuriku-it', '--role', 'vendor', '--db', server.db);
  browser = await launch();
});

after(async () => {
  await browser.close();
  await server.stop();
});

function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 404/.test(m.text())) problems.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(r.status() + ' ' + r.url());
  });
  return problems;
}

function items(from, to, code) {
  const out = {};
  for (let i = from; i <= to; ++i) out['D' + String(i).padStart(2, '0')] = code(i);
  return out;
}

test('a vendor invites a customer, who answers on a phone; the vendor prints its advice sheet', async () => {
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  const vendor = await desk.newPage();
  const vendorProblems = watch(vendor);
  await vendor.goto(server.base + '/vendor');
  assert.match(vendor.url(), /\/vendor\/login$/);
  await vendor.fill('#user', 'hokuriku-it');
  await vendor.fill('#password', PASSWORD);
  await Promise.all([vendor.waitForURL('**/vendor'), vendor.click('button.primary')]);
  await vendor.fill('#name', '株式会社能登精機');
  await vendor.fill('#contact', '総務部 山田');
  await Promise.all([vendor.waitForURL('**/vendor/customers/*'), vendor.click('form.create button.primary')]);
  const link = await vendor.inputValue('input.link');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/c\/[0-9a-f]{32}$/);
  await shot(vendor, 'vendor-01-customer-link');

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ja-JP',
    acceptDownloads: true });
  const customer = await phone.newPage();
  const customerProblems = watch(customer);
  await customer.goto(link);
  assert.match(await customer.locator('main').innerText(), /IT ベンダーから送られた診断用のリンク/);
  await shot(customer, 'vendor-02-customer-landing');
  await Promise.all([customer.waitForURL('**/a/1'), customer.click('button.primary')]);
  await answer(customer, { industry: '8', employees: '15', capital: '1' });
  await answer(customer, items(1, 5, (i) => (i === 2 ? '3' : '1')));
  await answer(customer, items(6, 18, (i) => (i === 11 ? '3' : '1')));
  await answer(customer, items(19, 25, () => '1'));
  await Promise.all([customer.waitForURL('**/a/done'), customer.click('button.primary')]);
  assert.match(await customer.locator('main').innerText(), /92点 \/ 100点/);
  const [download] = await Promise.all([customer.waitForEvent('download'),
    customer.click('a[href="/a/result.pdf"]')]);
  assert.equal(download.suggestedFilename(), 'self-check-25-result.pdf');
  const width = await customer.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling on a phone (width ${width})`);
  assert.deepEqual(customerProblems, []);

  await vendor.goto(server.base + '/vendor');
  const row = await vendor.locator('table.customers tr', { hasText: '株式会社能登精機' }).innerText();
  assert.match(row, /92点/);
  assert.match(row, /未達（1項目）/);
  assert.match(await vendor.locator('ul.lacking').innerText(), /ウイルス対策ソフト/);
  await shot(vendor, 'vendor-03-portfolio');
  await vendor.click('a[href$="/sheet"]');
  await vendor.waitForURL('**/sheet');
  assert.match(await vendor.locator('h1').innerText(), /助言シート/);
  assert.equal(await vendor.locator('table.split tr.open').count(), 2);  // anti-virus, backups
  await shot(vendor, 'vendor-04-sheet');
  await vendor.emulateMedia({ media: 'print' });
  await shot(vendor, 'vendor-05-sheet-print');
  assert.deepEqual(vendorProblems, []);
  await desk.close();
  await phone.close();
});
