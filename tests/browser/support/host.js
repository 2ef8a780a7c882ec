// Starts what a browser test needs: the Partner Center emulator, the mock host (demo data, its
// instances pointed at the emulator) and Debian's chromium through playwright-core.
//
// Environment: ICT_BUILD_DIR (default <repo>/build), ICT_CHROMIUM (default /usr/bin/chromium),
// ICT_WEB_ROOT (default: the host's own default, mock-host/web of the source tree).
'use strict';

const { spawn, execFileSync } = require('node:child_process');
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
  rootOrg: 'Contoso Cloud (root)',
  directInstance: 'Global Partner Center (direct)',
  indirectInstance: 'Indirect Provider',
  expiredInstance: 'Expired Partner Center',
  appId: '6c1f9a30-2b7d-4e8f-8a11-5e0b9c7d2f41',
  appSecret: 'demo-app-secret-direct',
};

/** Starts a child and resolves when a line matches `ready`; rejects on exit or timeout. */
function startProcess(command, args, ready, { timeoutMs = 60000, log } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
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

function lineValue(lines, label) {
  for (const line of lines) {
    const i = line.indexOf(label);
    if (i >= 0) return line.slice(i + label.length).trim();
  }
  throw new Error(`no '${label}' in:\n${lines.join('\n')}`);
}

/**
 * Starts the emulator and the mock host. options: {tenants, latencyMs, model}.
 * Returns {url, dir, stop()}.
 */
async function startHost(options = {}) {
  const mockHost = path.join(binDir, 'mock-host');
  const emulatorBin = path.join(binDir, 'partner-center-emulator');
  for (const file of [mockHost, emulatorBin]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: build it first (make -C ${buildDir} mock-host partner-center-emulator import_customers_tool)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ict-browser-'));
  const log = path.join(dir, 'processes.log');
  const db = `sqlite:${path.join(dir, 'host.db')}`;

  const emulator = await startProcess(emulatorBin, [
    '--port', '0', '--cert-dir', path.join(dir, 'emulator'), '--seed', String(options.seed || 11),
    '--tenants', String(options.tenants || 120), '--model', options.model || 'both',
    '--latency-ms', String(options.latencyMs ?? 15),
    '--client-id', DEMO.appId, '--client-secret', DEMO.appSecret,
  ], /demo refresh token:/, { log });
  const baseUrl = lineValue(emulator.lines, 'listening on ');
  const caFile = lineValue(emulator.lines, 'CA certificate:');
  const partnerTenant = lineValue(emulator.lines, 'partner tenant id:');
  const refreshToken = lineValue(emulator.lines, 'demo refresh token:');

  const common = ['--db', db, '--seed-demo', '--quiet', '--demo-pc-url', baseUrl, '--demo-login-url', baseUrl];
  const instanceArgs = (verb, name, model, token, expires) => ['instance', verb, ...common,
    '--org', DEMO.rootOrg, '--name', name, '--csp-model', model, '--pc-url', baseUrl, '--login-url', baseUrl,
    '--ca-bundle', caFile, '--partner-tenant', partnerTenant, '--app-id', DEMO.appId, '--secret', DEMO.appSecret,
    '--refresh-token', token, '--refresh-token-expires', expires];
  const run = (args) => execFileSync(mockHost, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  // The demo instances get the emulator's CA and token; a third one holds a token Partner Center
  // no longer accepts (the [S9] case).
  run(instanceArgs('update', DEMO.directInstance, 'both', refreshToken, '2030-01-01T00:00:00Z'));
  run(instanceArgs('update', DEMO.indirectInstance, 'indirect', refreshToken, '2030-01-01T00:00:00Z'));
  run(instanceArgs('add', DEMO.expiredInstance, 'direct', 'refresh-token-that-expired', '2020-01-01T00:00:00Z'));

  let host;
  try {
    const webRoot = process.env.ICT_WEB_ROOT ? ['--web-root', process.env.ICT_WEB_ROOT] : [];
    host = await startProcess(mockHost, ['serve', ...common, ...webRoot, '--port', '0', '--log-file', path.join(dir, 'host.log')],
      /^listening on http:\/\/127\.0\.0\.1:\d+\//, { log });
  } catch (err) {
    await stopProcess(emulator.child);
    throw err;
  }
  const url = lineValue(host.lines, 'listening on ').replace(/\/$/, '');
  return {
    url,
    dir,
    emulatorUrl: baseUrl,
    async stop() {
      await stopProcess(host.child);
      await stopProcess(emulator.child);
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
