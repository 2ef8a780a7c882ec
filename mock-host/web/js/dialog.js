// Modal dialogs on <dialog>: focus moves into the dialog, Escape closes it, focus returns after.
import { h } from './dom.js';

/**
 * openDialog({title, body, buttons: [{text, value, primary}], onClose}) -> Promise of the value of
 * the button pressed (undefined on Escape). Returns {promise, dialog, close}.
 */
export function openDialog({ title, body, buttons = [{ text: 'OK', value: 'ok', primary: true }], id, label }) {
  const titleId = `${id || 'dlg'}-title`;
  const foot = h('div', { class: 'dialog-foot' });
  const dialog = h('dialog', { 'aria-labelledby': titleId, id, 'aria-label': label },
    h('h2', { class: 'dialog-head', id: titleId }, title),
    h('div', { class: 'dialog-body' }, body),
    foot);
  const previous = document.activeElement;
  let resolveFn;
  const promise = new Promise((resolve) => { resolveFn = resolve; });
  const close = (value) => {
    if (dialog.open) dialog.close();
    dialog.remove();
    if (previous && previous.focus && document.contains(previous)) previous.focus();
    resolveFn(value);
  };
  for (const b of buttons) {
    foot.append(h('button', {
      type: 'button', class: b.primary ? 'primary' : '', onclick: () => close(b.value),
      dataset: { value: b.value },
    }, b.text));
  }
  dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(undefined); });
  document.body.append(dialog);
  dialog.showModal();
  const primary = foot.querySelector('button.primary') || foot.querySelector('button');
  if (primary) primary.focus();
  return { promise, dialog, close };
}

export function alertDialog(title, ...body) {
  return openDialog({ title, body: h('div', {}, ...body) }).promise;
}
