// Starts what a browser test needs: the mock host with its in-process Partner Center emulators
// (--emulator) and Debian's chromium through playwright-core.
//
// Environment: ICT_BUILD_DIR (default <repo>/build), ICT_CHROMIUM (default /usr/bin/chromium),
// ICT_WEB_ROOT (default: the host's own default, mock-host/web of the source tree),
// ICT_KEEP_TMP=1 keeps the host's temp folder (database, logs).
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const repoDir = path.resolve(__dirname, '..', '..', '..');
const buildDir = path.resolve(process.env.ICT_BUILD_DIR || path.join(repoDir, 'build'));
const binDir = path.join(buildDir, 'bin');
const screenshotDir = path.join(buildDir, 'browser-screenshots');
const chromiumPath = process.env.ICT_CHROMIUM || '/usr/bin/chromium';

const DEMO = {
  password: 'demo-password',
  directInstance: 'Global Partner Center (direct)',
  indirectInstance: 'Indirect Provider',
  expiredInstance: 'Expired Token Instance',
};

// Children still running when the test process ends (a failed before(), a kill) are stopped too.
const children = new Set();
process.on('exit', () => { for (const child of children) if (child.exitCode === null) child.kill('SIGKILL'); });

/** Starts a child and resolves when a line matches `ready`; rejects on exit or timeout. */
function startProcess(command, args, ready, { timeoutMs = 60000, log } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    child.on('exit', () => children.delete(child));
    const lines = [];
    const out = fs.createWriteStream(log, { flags: 'a' });
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`${path.basename(command)} did not get ready in ${timeoutMs} ms:\n${lines.join('\n')}`));
    }, timeoutMs);
    let done = false;
    const onLine = (line) => {
      out.write(`${line}\n`);
      lines.push(line);
      if (!done && ready.test(line)) {
        done = true;
        clearTimeout(timer);
        resolve({ child, lines });
      }
    };
    readline.createInterface({ input: child.stdout }).on('line', onLine);
    readline.createInterface({ input: child.stderr }).on('line', onLine);
    child.on('exit', (code) => {
      if (!done) {
        clearTimeout(timer);
        reject(new Error(`${path.basename(command)} exited with ${code}:\n${lines.join('\n')}`));
      }
    });
  });
}

function stopProcess(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) { resolve(); return; }
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => { if (child.exitCode === null) child.kill('SIGKILL'); }, 5000);
  });
}

/**
 * Starts `mock-host serve --emulator` (demo data, its instances pointed at in-process Partner
 * Center emulators on free ports) on a fresh SQLite file. options: {tenants, latencyMs, seed}.
 * Returns {url, dir, stop()}.
 */
async function startHost(options = {}) {
  const mockHost = path.join(binDir, 'mock-host');
  if (!fs.existsSync(mockHost)) {
    throw new Error(`${mockHost} is missing: build first (make -C ${buildDir} mock-host import_customers_tool)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ict-browser-'));
  const webRoot = process.env.ICT_WEB_ROOT ? ['--web-root', process.env.ICT_WEB_ROOT] : [];
  const host = await startProcess(mockHost, ['serve', '--seed-demo', '--emulator', '--emulator-port', '0',
    '--emulator-tenants', String(options.tenants || 100), '--emulator-seed', String(options.seed || 42),
    '--emulator-latency-ms', String(options.latencyMs ?? 0), '--emulator-cert-dir', path.join(dir, 'emulator'),
    '--db', `sqlite:${path.join(dir, 'host.db')}`, '--port', '0', '--log-file', path.join(dir, 'host.log'),
    '--quiet', ...webRoot], /^listening on http:\/\/127\.0\.0\.1:\d+\//, { log: path.join(dir, 'stdout.log') });
  const url = host.lines.find((l) => l.startsWith('listening on ')).slice('listening on '.length).replace(/\/$/, '');
  return {
    url,
    dir,
    async stop() {
      await stopProcess(host.child);
      if (!process.env.ICT_KEEP_TMP) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Launches Debian's chromium headless. playwright's launch() gives it a fresh --user-data-dir of
 * its own (it refuses one passed in args) and removes it on close.
 */
async function launchBrowser() {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return browser;
}

/** A page at 1366x768 that fails the test on any request leaving the host. */
async function newPage(browser, hostUrl) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  const outside = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(hostUrl) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    outside.push(u);
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  // The host's Content-Security-Policy allows no inline script or style: a page part that needs
  // one is refused by the browser, which says so on the console.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  return { context, page, outside, errors };
}

async function screenshot(page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });
}

async function logIn(page, url, login) {
  await page.goto(`${url}/#/login`);
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Tools', exact: true }).waitFor();
}

module.exports = { startHost, launchBrowser, newPage, screenshot, logIn, DEMO, buildDir, screenshotDir };
