// The console's shell: who is signed in, the sections, and which view the address (after '#') shows.
import {session, onSignedOut} from './api.js';
import {announce} from './dom.js';
import {signInView} from './signin.js';
import {recordsView} from './records.js';
import {recordView} from './record.js';
import {auditView} from './audit.js';
import {chainView} from './chain.js';

const main = document.getElementById('main');
let notice = null;
let shownPath = null;

const routes = [
  {pattern: /^#\/record\/([A-Za-z0-9_]+)$/, section: 'records', view: (m, params) => recordView(main, m[1], params)},
  {pattern: /^#\/audit$/, section: 'audit', privileged: true, view: (m, params) => auditView(main, params)},
  {pattern: /^#\/chain$/, section: 'chain', privileged: true, view: () => chainView(main)},
  {pattern: /^#\/records$/, section: 'records', view: (m, params) => recordsView(main, params)},
];

function render() {
  const [path, search] = location.hash.split('?');
  const params = new URLSearchParams(search || '');
  if (!session.token()) {
    shell(null);
    shownPath = null;
    signInView(main, notice, () => {
      notice = null;
      render();
    });
    notice = null;
    document.title = 'Sign in · Audit console · CRM';
    document.getElementById('token').focus();
    return;
  }
  shell(session.user());
  const route = routes.find(r => r.pattern.test(path)) || routes[routes.length - 1];
  if (route.privileged && !session.privileged()) {
    location.replace('#/records');
    return;
  }
  markSection(route.section);
  const focused = document.activeElement?.id;
  route.view(path.match(route.pattern) || [], params);
  // a new screen starts at its heading; a new search or page of the same screen leaves the focus where it was
  if (path !== shownPath) {
    focusHeading();
  } else {
    if (focused) document.getElementById(focused)?.focus();
    setTitle();
  }
  shownPath = path;
}

function setTitle() {
  const heading = main.querySelector('h1');
  if (heading) document.title = `${heading.textContent} · Audit console · CRM`;
}

/** A new view's heading takes the focus, so a keyboard or screen-reader user starts there. */
function focusHeading() {
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({preventScroll: false});
    setTitle();
  }
}

function shell(user) {
  document.getElementById('nav').hidden = !user;
  document.getElementById('who').hidden = !user;
  if (!user) return;
  document.getElementById('who-name').textContent = user.name;
  const role = document.getElementById('who-role');
  role.textContent = user.role;
  role.className = `role role-${user.role}`;
  for (const link of document.querySelectorAll('#nav [data-privileged]')) {
    link.hidden = !session.privileged();
  }
}

function markSection(section) {
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

document.getElementById('sign-out').addEventListener('click', () => {
  session.end();
  notice = 'You are signed out. The token was removed from this tab.';
  announce('Signed out');
  if (location.hash === '#/records') render();
  else location.hash = '#/records';
});

onSignedOut(message => {
  notice = message || null;
  // several calls of one view may be refused at once: the first shows the sign-in, the rest leave it be
  if (main.dataset.view !== 'signin') render();
});

window.addEventListener('hashchange', render);
render();
