// Sign-in with an API token: checked against /api/users/me/, then kept in this tab's sessionStorage only.
import {el, show, announce} from './dom.js';
import {session, whoIs} from './api.js';

export function signInView(main, notice, signedIn) {
  main.dataset.view = 'signin';
  const error = el('p', {class: 'field-error', id: 'token-error', role: 'alert'});
  const input = el('input', {
    id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
    'aria-describedby': 'token-help token-error',
  });
  const button = el('button', {type: 'submit', class: 'button primary', id: 'sign-in'}, 'Sign in');
  const form = el('form', {class: 'signin-form', novalidate: true},
    el('label', {for: 'token'}, 'API token'),
    input,
    el('p', {class: 'help', id: 'token-help'},
      'An admin issues tokens (POST /api/users/{id}/tokens/). The token stays in this browser tab only and is forgotten when the tab closes or you sign out.'),
    error,
    button);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) {
      error.textContent = 'Enter your API token.';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    button.disabled = true;
    button.textContent = 'Checking…';
    error.textContent = '';
    try {
      const me = await whoIs(token);
      session.start(token, me);
      announce(`Signed in as ${me.name}, ${me.role}`);
      signedIn();
    } catch (e) {
      error.textContent = e.status === 401 ? 'This token is not valid: it is unknown, revoked, or its user is deactivated.' : e.message;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    } finally {
      button.disabled = false;
      button.textContent = 'Sign in';
    }
  });

  show(main, el('section', {class: 'signin card', 'aria-labelledby': 'signin-title'},
    el('h1', {id: 'signin-title'}, 'Sign in to the audit console'),
    el('p', {class: 'lead'}, 'Follow every record through its history, read it as it was at any moment, search the audit log and check that nothing was altered.'),
    notice ? el('p', {class: 'notice', role: 'status', id: 'signin-notice'}, notice) : null,
    form));
}
