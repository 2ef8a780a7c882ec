// The top bar: the user and the menu "BSS Setup > Tools" built from /api/tools, so a tool appears
// only where the host says it is enabled for the organization and the user may run it.
import { h, clear } from './dom.js';

export function renderShell(me, tools, onLogout) {
  document.getElementById('topbar').hidden = false;
  document.getElementById('who').textContent =
    `${me.user.displayName || me.user.login} (${me.user.login}) · ${me.organization.name}`;
  const logout = document.getElementById('logout');
  logout.onclick = onLogout;

  const menu = clear(document.getElementById('menu'));
  const panelId = 'menu-bss-setup';
  const head = h('button', { type: 'button', class: 'menu-head', 'aria-expanded': 'false', 'aria-controls': panelId }, 'BSS Setup ▾');
  const list = h('ul', { 'aria-label': 'Tools' });
  for (const t of tools) {
    list.append(h('li', {}, h('a', { href: `#/tools/${encodeURIComponent(t.id)}` }, t.displayName)));
  }
  const panel = h('div', { class: 'menu-panel', id: panelId, hidden: true },
    h('div', { class: 'group', id: 'menu-tools-label' }, 'Tools'),
    tools.length ? list : h('p', { class: 'empty' }, 'No tools are available to you.'));
  const setOpen = (open) => {
    panel.hidden = !open;
    head.setAttribute('aria-expanded', String(open));
    if (open) { const first = panel.querySelector('a'); if (first) first.focus(); }
  };
  head.addEventListener('click', () => setOpen(panel.hidden));
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { setOpen(false); head.focus(); }
  });
  panel.addEventListener('click', (e) => { if (e.target.closest('a')) setOpen(false); });
  document.addEventListener('click', (e) => {
    if (!panel.hidden && !e.target.closest('.menu-root')) setOpen(false);
  });
  menu.append(h('ul', { class: 'menu-root' }, h('li', {}, head, panel)));
}

export function hideShell() {
  document.getElementById('topbar').hidden = true;
  clear(document.getElementById('menu'));
}

/** The Tools page: the same list as the menu, as a page. */
export function renderToolsPage(main, tools) {
  main.append(h('p', { class: 'breadcrumb' }, 'BSS Setup'), h('h1', {}, 'Tools'));
  if (!tools.length) {
    main.append(h('div', { class: 'empty-state', id: 'no-tools' },
      'No tools are available to you. A tool appears here when it is enabled for your organization and your role may run it.'));
    return;
  }
  main.append(h('ul', { id: 'tool-list' }, tools.map((t) =>
    h('li', {}, h('a', { href: `#/tools/${encodeURIComponent(t.id)}` }, t.displayName), ' ',
      h('span', { class: 'hint' }, `version ${t.version}`)))));
}
