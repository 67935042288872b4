// Starts a real `chosa serve` and Debian's Chromium (playwright-core) for the browser tests.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BIN = process.env.CHOSA_BIN;
export const ARTIFACTS = process.env.CHOSA_ARTIFACTS || join(process.cwd(), 'test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// `config`: YAML text for the server's config file (optional).
export async function startServer(args, { config = '' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'chosa_browser_'));
  const db = join(dir, 'chosa.db');
  const port = await freePort();
  const configFile = join(dir, 'chosa.yaml');
  writeFileSync(configFile, config || '{}\n');
  const proc = spawn(BIN, ['serve', '--config', configFile, '--port', String(port), '--db', db, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => { if (String(d).includes('待ち受けています')) resolve(); });
    proc.on('exit', (code) => reject(new Error('chosa serve exited ' + code)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    db,
    dir,
    chosa: (...a) => execFileSync(BIN, a, { encoding: 'utf-8' }),
    // Runs chosa with `input` on standard input (e.g. a password).
    chosaWithInput: (input, ...a) => execFileSync(BIN, a, { encoding: 'utf-8', input }),
    stop: () => new Promise((resolve) => { proc.on('exit', resolve); proc.kill('SIGTERM'); }),
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Fills the current page's form: name -> value or list of values (radios, checkboxes, selects,
// text fields alike), then presses 次へ.
export async function answer(page, fields, { next = true } = {}) {
  for (const [name, value] of Object.entries(fields)) {
    const values = Array.isArray(value) ? value : [value];
    const first = page.locator(`[name="${name}"]`).first();
    const tag = await first.evaluate((e) => e.tagName.toLowerCase() + ':' + (e.type || ''));
    if (tag.startsWith('select')) {
      await first.selectOption(values[0]);
    } else if (tag.endsWith(':radio') || tag.endsWith(':checkbox')) {
      for (const v of values) await page.locator(`[name="${name}"][value="${v}"]`).check();
    } else {
      await first.fill(values[0]);
    }
  }
  if (next) await Promise.all([page.waitForLoadState('load'), page.click('button[value=next]')]);
}

export async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, name + '.png'), fullPage: true });
}
