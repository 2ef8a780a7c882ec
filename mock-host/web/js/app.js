// Entry point: a hash router over the log-in page, the Tools page, the tool page and its results.
import { api, ApiError, TOOL_ID } from './api.js';
import { h, clear } from './dom.js';
import { renderLogin } from './login.js';
import { renderShell, hideShell, renderToolsPage } from './shell.js';
import { renderToolPage } from './toolpage.js';
import { renderResults } from './results.js';
import { renderAzurePlansPage, AZURE_TOOL_ID } from './azureplans.js';

const main = document.getElementById('main');
let session = null; // {me, tools}

async function loadSession() {
  try {
    const [me, tools] = await Promise.all([api.me(), api.tools()]);
    session = { me, tools: tools.tools || [] };
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) session = null;
    else throw err;
  }
}

async function logout() {
  try { await api.logout(); } catch (e) { /* the session is gone either way */ }
  session = null;
  location.hash = '#/login';
}

async function route() {
  clear(main);
  delete main.dataset.instanceRefreshes;
  const path = location.hash.replace(/^#/, '') || '/';
  try {
    if (!session) await loadSession();
  } catch (err) {
    main.append(h('div', { class: 'alert', role: 'alert' }, err.message));
    return;
  }
  if (!session) {
    hideShell();
    if (path !== '/login') { location.hash = '#/login'; return; }
    renderLogin(main, async () => { await loadSession(); location.hash = '#/tools'; });
    return;
  }
  renderShell(session.me, session.tools, logout);
  const parts = path.split('/').filter(Boolean);
  document.title = 'BSS Setup - Mock host';
  if (parts[0] !== 'tools' && parts[0] !== 'accounts') { location.hash = '#/tools'; return; }
  if (parts[0] === 'accounts') {
    main.append(h('h1', {}, `BSS account ${decodeURIComponent(parts[1] || '')}`),
      h('p', {}, 'The mock host has no account pages; this is the account the Related BSS Account column links to.'),
      h('p', {}, h('a', { href: '#/tools/import-customers' }, 'Back to the Import Customers Tool')));
    return;
  }
  if (parts.length === 1) { renderToolsPage(main, session.tools); return; }
  const toolId = decodeURIComponent(parts[1]);
  const known = toolId === TOOL_ID || toolId === AZURE_TOOL_ID;
  if (!known || !session.tools.some((t) => t.id === toolId)) {
    main.append(h('h1', {}, 'Tool not available'),
      h('div', { class: 'alert', role: 'alert', id: 'tool-unavailable' },
        'This tool is not enabled for your organization, or your role may not run it.'));
    return;
  }
  try {
    if (toolId === AZURE_TOOL_ID) {
      document.title = 'Azure Plan Migration Tool';
      await renderAzurePlansPage(main, parts[2] === 'tenant' && parts[3] ? decodeURIComponent(parts[3]) : '');
    } else if (parts[2] === 'results' && parts[3]) {
      document.title = 'Import Results - Import Customers Tool';
      await renderResults(main, decodeURIComponent(parts[3]));
    } else {
      document.title = 'Import Customers Tool';
      await renderToolPage(main, parts[2] === 'tenant' && parts[3] ? decodeURIComponent(parts[3]) : '');
    }
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) { session = null; location.hash = '#/login'; return; }
    main.append(h('div', { class: 'alert', role: 'alert' }, err.message));
  }
  main.focus({ preventScroll: true });
}

window.addEventListener('hashchange', route);
route();
