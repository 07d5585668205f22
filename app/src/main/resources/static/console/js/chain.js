// The tamper-evident chain (admin, auditor): its head, a verification now, and one against a head kept earlier.
import {el, show, loading, failure, announce} from './dom.js';
import {get, query} from './api.js';
import {timeElement} from './format.js';

export function chainView(main) {
  main.dataset.view = 'chain';
  const head = el('div', {class: 'head-body', id: 'head'}, loading('Reading the head…'));
  const verifyButton = el('button', {type: 'button', class: 'button primary', id: 'verify-now'}, 'Verify the chain now');
  const verifyResult = el('div', {class: 'verify-result', id: 'verify-result', 'aria-live': 'polite'});
  verifyButton.addEventListener('click', () => verify(verifyButton, verifyResult, {}));

  const position = el('input', {id: 'kept-position', name: 'position', inputmode: 'numeric', autocomplete: 'off',
    'aria-describedby': 'kept-help kept-position-error', placeholder: '120345'});
  const hash = el('input', {id: 'kept-hash', name: 'hash', autocomplete: 'off', spellcheck: 'false', class: 'mono',
    'aria-describedby': 'kept-help kept-hash-error', placeholder: '64 hexadecimal digits'});
  const keptResult = el('div', {class: 'verify-result', id: 'kept-result', 'aria-live': 'polite'});
  const keptButton = el('button', {type: 'submit', class: 'button primary', id: 'verify-kept'}, 'Verify against this head');
  const keptForm = el('form', {class: 'kept-form', id: 'kept-form', novalidate: true},
    el('div', {class: 'field'}, el('label', {for: 'kept-position'}, 'Position'), position, el('p', {class: 'field-error', id: 'kept-position-error'})),
    el('div', {class: 'field grow'}, el('label', {for: 'kept-hash'}, 'Hash'), hash, el('p', {class: 'field-error', id: 'kept-hash-error'})),
    el('div', {class: 'filter-actions'}, keptButton));
  // a head kept as the JSON line /api/audit/head/ answers can be pasted whole into either field
  for (const input of [position, hash]) {
    input.addEventListener('paste', event => {
      const kept = parseHead(event.clipboardData.getData('text'));
      if (kept) {
        event.preventDefault();
        position.value = kept.position;
        hash.value = kept.hash;
      }
    });
  }
  keptForm.addEventListener('submit', event => {
    event.preventDefault();
    const kept = parseHead(position.value) || {position: position.value.trim(), hash: hash.value.trim().toLowerCase()};
    position.value = kept.position;
    hash.value = kept.hash;
    verify(keptButton, keptResult, kept, keptForm);
  });

  show(main, el('section', {'aria-labelledby': 'chain-title'},
    el('h1', {id: 'chain-title'}, 'Tamper-evident chain'),
    el('p', {class: 'help'}, 'Every event is a link of a SHA-256 hash chain. Keep the head somewhere the database’s administrators cannot write, and check it here later.'),
    el('div', {class: 'chain-grid'},
      el('section', {class: 'card', 'aria-labelledby': 'head-title'}, el('h2', {id: 'head-title'}, 'Current head'), head),
      el('section', {class: 'card', 'aria-labelledby': 'verify-title'},
        el('h2', {id: 'verify-title'}, 'Verify now'),
        el('p', {class: 'help'}, 'Recomputes every link from the stored events. It reads the whole store: about 2 to 4 seconds per 100,000 events.'),
        verifyButton, verifyResult),
      el('section', {class: 'card wide', 'aria-labelledby': 'kept-title'},
        el('h2', {id: 'kept-title'}, 'Verify against a kept head'),
        el('p', {class: 'help', id: 'kept-help'}, 'Paste a head you kept earlier: its position and hash, or the whole JSON line.'),
        keptForm, keptResult))));
  loadHead(head);
}

function parseHead(text) {
  try {
    const kept = JSON.parse(text);
    if (kept && kept.position !== undefined && kept.hash) return {position: String(kept.position), hash: String(kept.hash)};
  } catch (e) {
    // not a JSON line: the fields are taken as typed
  }
  return null;
}

async function loadHead(container) {
  show(container, loading('Reading the head…'));
  try {
    const head = await get('/api/audit/head/');
    const copyState = el('span', {class: 'inline-state', role: 'status', id: 'copy-state'});
    const copy = el('button', {type: 'button', class: 'button', id: 'copy-head'}, 'Copy head');
    const refresh = el('button', {type: 'button', class: 'button ghost', id: 'refresh-head'}, 'Refresh');
    const line = JSON.stringify({position: head.position, hash: head.hash, occurredAt: head.occurredAt});
    copy.addEventListener('click', () => copyText(line, copyState));
    refresh.addEventListener('click', () => loadHead(container));
    show(container,
      el('dl', {class: 'facts stacked'},
        el('div', {class: 'fact'}, el('dt', {}, 'Position'), el('dd', {id: 'head-position'}, head.position.toLocaleString('en-US'))),
        el('div', {class: 'fact'}, el('dt', {}, 'Hash'), el('dd', {}, el('code', {class: 'hash', id: 'head-hash'}, head.hash))),
        el('div', {class: 'fact'}, el('dt', {}, 'Time of its event'), el('dd', {}, head.occurredAt ? timeElement(head.occurredAt) : 'no events yet'))),
      el('div', {class: 'actions'}, copy, refresh, copyState));
  } catch (e) {
    show(container, failure(e, () => loadHead(container)));
  }
}

async function copyText(text, state) {
  try {
    await navigator.clipboard.writeText(text);
    state.className = 'inline-state ok';
    state.textContent = 'Copied the head as a JSON line.';
  } catch (e) {
    state.className = 'inline-state error';
    state.textContent = 'The browser refused the clipboard: select the hash and copy it by hand.';
  }
}

async function verify(button, result, kept, form) {
  button.disabled = true;
  if (form) {
    for (const name of ['position', 'hash']) {
      form.querySelector(`#kept-${name}-error`).textContent = '';
      form.querySelector(`#kept-${name}`).removeAttribute('aria-invalid');
    }
  }
  show(result, loading('Recomputing the chain from every stored event…'));
  try {
    const answer = await get(`/api/audit/verify/${query(kept)}`);
    show(result, verdict(answer, kept));
    announce(answer.verified ? 'The chain is verified' : `The chain does not verify: first mismatch at position ${answer.firstMismatch?.position}`);
  } catch (e) {
    for (const error of e.fieldErrors) {
      const slot = form?.querySelector(`#kept-${error.field}-error`);
      if (slot) {
        slot.textContent = error.message;
        form.querySelector(`#kept-${error.field}`).setAttribute('aria-invalid', 'true');
      }
    }
    show(result, failure(e));
  } finally {
    button.disabled = false;
  }
}

/** What a mismatch means, in words: an event that changed, one that is missing, or a kept head that differs. */
function explain(mismatch, kept) {
  if (!mismatch) return 'The server named no position.';
  if (kept.position && String(mismatch.position) === String(kept.position)) {
    return 'The chain recomputed from the stored events has another hash there than the head you kept: an event up to that position was altered, or the kept head was copied wrongly.';
  }
  if (!mismatch.id) return 'An event or a position is missing there.';
  return ['Event ', el('code', {}, mismatch.id), ' no longer matches the chain: it was altered after it was chained.'];
}

function verdict(answer, kept) {
  const checked = `${answer.events.toLocaleString('en-US')} events checked; head at position ${answer.head.position.toLocaleString('en-US')}.`;
  if (answer.verified) {
    return el('div', {class: 'verdict ok', role: 'status'},
      el('span', {class: 'verdict-icon', 'aria-hidden': 'true'}, '✓'),
      el('div', {},
        el('p', {class: 'verdict-title'}, kept.position ? `Verified: the chain still has this hash at position ${Number(kept.position).toLocaleString('en-US')}.` : 'Verified: every event is as it was chained.'),
        el('p', {}, checked)));
  }
  const mismatch = answer.firstMismatch;
  return el('div', {class: 'verdict bad', role: 'alert'},
    el('span', {class: 'verdict-icon', 'aria-hidden': 'true'}, '✕'),
    el('div', {},
      el('p', {class: 'verdict-title'}, `Not verified: the first mismatch is at position ${mismatch ? mismatch.position.toLocaleString('en-US') : '?'}.`),
      el('p', {}, explain(mismatch, kept)),
      el('p', {}, checked)));
}
