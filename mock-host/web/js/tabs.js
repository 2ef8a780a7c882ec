// An accessible tab list: arrow keys move between tabs, each tab shows its panel.
import { h } from './dom.js';

/** tabs: [{id, title, panel, onShow}] -> {element, show(id)} */
export function tabList(label, tabs) {
  const list = h('div', { class: 'tabs', role: 'tablist', 'aria-label': label });
  const panels = h('div');
  const buttons = [];
  const show = (id, focus = false) => {
    for (const t of tabs) {
      const selected = t.id === id;
      t.button.setAttribute('aria-selected', String(selected));
      t.button.tabIndex = selected ? 0 : -1;
      t.panelEl.hidden = !selected;
      if (selected) { if (focus) t.button.focus(); if (t.onShow) t.onShow(); }
    }
  };
  tabs.forEach((t, index) => {
    t.button = h('button', { type: 'button', role: 'tab', id: `tab-${t.id}`, 'aria-controls': `panel-${t.id}` }, t.title);
    t.panelEl = h('div', { role: 'tabpanel', id: `panel-${t.id}`, 'aria-labelledby': `tab-${t.id}` }, t.panel);
    t.button.addEventListener('click', () => show(t.id));
    t.button.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      e.preventDefault();
      show(tabs[(index + step + tabs.length) % tabs.length].id, true);
    });
    buttons.push(t.button);
    list.append(t.button);
    panels.append(t.panelEl);
  });
  return { element: h('div', {}, list, panels), show };
}
