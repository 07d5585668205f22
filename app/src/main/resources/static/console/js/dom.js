// Builds elements from data without ever parsing it as HTML: every value becomes a text node or an attribute.

/** el('a', {href: '#/x', class: 'link'}, 'text', child) */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what a container shows. */
export function show(container, ...children) {
  container.replaceChildren();
  append(container, children);
}

const announcer = () => document.getElementById('announcer');

/** Tells screen readers what changed (a polite live region). */
export function announce(text) {
  const region = announcer();
  region.textContent = '';
  // a fresh text node in a later frame is announced even when the text repeats
  requestAnimationFrame(() => { region.textContent = text; });
}

/** A busy line while a call runs; the container keeps its height, so nothing below it jumps. */
export function loading(text) {
  return el('p', {class: 'state loading', role: 'status'}, el('span', {class: 'spinner', 'aria-hidden': 'true'}), text);
}

/** An error box for a failed call, with an optional retry. */
export function failure(error, retry) {
  return el('div', {class: 'state failure', role: 'alert'},
    el('p', {}, el('strong', {}, 'Could not load this. '), error.message),
    error.fieldErrors?.length ? el('ul', {}, error.fieldErrors.map(e => el('li', {}, el('code', {}, e.field), ': ', e.message))) : null,
    retry ? el('button', {type: 'button', class: 'button', onclick: retry}, 'Try again') : null);
}
