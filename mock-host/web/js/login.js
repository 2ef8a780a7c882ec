// The log-in page.
import { api } from './api.js';
import { h, field } from './dom.js';

export function renderLogin(main, onLoggedIn) {
  const login = h('input', { type: 'text', name: 'login', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const message = h('p', { class: 'error-text', role: 'alert', id: 'login-error' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Log in');
  const form = h('form', { 'aria-label': 'Log in', novalidate: true },
    field('Login', login).wrap, field('Password', password).wrap, message, submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.textContent = '';
    if (!login.value.trim()) {
      message.textContent = 'Enter your login.';
      login.focus();
      return;
    }
    submit.disabled = true;
    try {
      await api.login(login.value.trim(), password.value);
      password.value = '';
      onLoggedIn();
    } catch (err) {
      message.textContent = err.message;
      password.select();
    } finally {
      submit.disabled = false;
    }
  });
  main.append(h('section', { class: 'panel login-box' },
    h('h1', {}, 'Log in to the BSS'),
    h('p', { class: 'hint' }, 'Demo users: admin@root, sales@root, admin@country, admin@simple (password demo-password).'),
    form));
  login.focus();
}
