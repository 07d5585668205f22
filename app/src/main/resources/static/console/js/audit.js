// The audit log (admin, auditor): its filters, a page at a time, and a CSV download of everything filtered.
import {el, show, loading, failure, announce} from './dom.js';
import {get, query} from './api.js';
import {TYPES, eventLabel, timeElement, actor, changes} from './format.js';

const FILTERS = ['entityType', 'entityId', 'actor', 'type', 'after', 'before'];
const SIZES = [20, 50, 100];
// suggestions for the event-type filter (any type is accepted)
const EVENT_TYPES = ['contact.created', 'contact.details_corrected', 'contact.stage_changed', 'contact.tags_changed',
  'contact.assigned', 'contact.account_changed', 'contact.deleted', 'contact.erased', 'lead.created', 'lead.status_changed',
  'lead.scored', 'lead.converted', 'lead.deleted', 'lead.erased', 'account.created', 'account.details_corrected',
  'account.deleted', 'opportunity.created', 'opportunity.stage_changed', 'opportunity.deleted', 'user.created',
  'user.role_changed', 'user.deactivated', 'user.token_issued', 'user.token_revoked'];

export function auditView(main, params) {
  main.dataset.view = 'audit';
  const filters = Object.fromEntries(FILTERS.map(name => [name, params.get(name) || '']));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const limit = SIZES.includes(Number(params.get('limit'))) ? Number(params.get('limit')) : 20;

  const form = el('form', {class: 'filters', id: 'audit-filters', 'aria-describedby': 'filters-help'},
    field('entityType', 'Record type', el('select', {id: 'f-entityType', name: 'entityType'},
      el('option', {value: ''}, 'Any'),
      ['contact', 'lead', 'account', 'opportunity', 'user', 'note', 'task'].map(t =>
        el('option', {value: t, selected: filters.entityType === t}, t)))),
    field('entityId', 'Record id', input('entityId', filters.entityId, 'cnt_01J…')),
    field('actor', 'Actor (user id)', input('actor', filters.actor, 'usr_01J… or system')),
    field('type', 'Event type', input('type', filters.type, 'contact.stage_changed', 'event-types')),
    field('after', 'After (UTC)', input('after', filters.after, '2026-03-01 or 2026-03-01T09:00:00Z')),
    field('before', 'Before (UTC)', input('before', filters.before, '2026-04-01')),
    el('datalist', {id: 'event-types'}, EVENT_TYPES.map(t => el('option', {value: t}))),
    el('div', {class: 'filter-actions'},
      el('button', {type: 'submit', class: 'button primary'}, 'Apply filters'),
      el('button', {type: 'button', class: 'button ghost', id: 'clear-filters'}, 'Clear')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const values = Object.fromEntries(FILTERS.map(name => [name, form.elements[name].value.trim()]));
    location.hash = `#/audit${query({...values, limit: limit === 20 ? '' : limit})}`;
  });
  form.querySelector('#clear-filters').addEventListener('click', () => { location.hash = '#/audit'; });

  const download = el('button', {type: 'button', class: 'button', id: 'download-csv'}, 'Download CSV');
  const downloadState = el('span', {class: 'inline-state', id: 'download-state', role: 'status'});
  download.addEventListener('click', () => downloadCsv(filters, download, downloadState));

  const results = el('div', {class: 'audit-results', id: 'audit-results'});
  show(main, el('section', {'aria-labelledby': 'audit-title'},
    el('div', {class: 'title-row'},
      el('h1', {id: 'audit-title'}, 'Audit log'),
      el('div', {class: 'title-actions'}, downloadState, download)),
    el('p', {class: 'help', id: 'filters-help'},
      'Every event of every record, deleted and erased ones included, newest first. The CSV holds every entry these filters select, oldest first.'),
    el('div', {class: 'card'}, form),
    results));
  load(results, filters, page, limit);
}

function field(name, label, control) {
  return el('div', {class: 'field'}, el('label', {for: `f-${name}`}, label), control,
    el('p', {class: 'field-error', id: `f-${name}-error`}));
}

function input(name, current, placeholder, list) {
  return el('input', {id: `f-${name}`, name, value: current, placeholder, list, autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': `f-${name}-error`});
}

async function load(results, filters, page, limit) {
  const previous = results.querySelector('table');
  if (previous) results.classList.add('stale');
  else show(results, loading('Loading the audit log…'));
  results.setAttribute('aria-busy', 'true');
  clearFieldErrors();
  try {
    const answer = await get(`/api/audit-log/${query({...filters, page, limit})}`);
    render(results, answer, filters, page, limit);
    announce(`${answer.count} audit log entries`);
  } catch (e) {
    for (const error of e.fieldErrors) {
      const slot = document.getElementById(`f-${error.field}-error`);
      if (slot) {
        slot.textContent = error.message;
        document.getElementById(`f-${error.field}`).setAttribute('aria-invalid', 'true');
      }
    }
    show(results, failure(e, () => load(results, filters, page, limit)));
  } finally {
    results.classList.remove('stale');
    results.removeAttribute('aria-busy');
  }
}

function clearFieldErrors() {
  for (const name of FILTERS) {
    document.getElementById(`f-${name}-error`).textContent = '';
    document.getElementById(`f-${name}`).removeAttribute('aria-invalid');
  }
}

function render(results, answer, filters, page, limit) {
  const pages = Math.max(1, Math.ceil(answer.count / limit));
  const link = (to, label, rel) => el('a', {class: 'button', rel, href: `#/audit${query({...filters, page: to, limit: limit === 20 ? '' : limit})}`}, label);
  const size = el('select', {id: 'page-size', name: 'limit'}, SIZES.map(n => el('option', {value: n, selected: n === limit}, String(n))));
  size.addEventListener('change', () => {
    location.hash = `#/audit${query({...filters, limit: size.value === '20' ? '' : size.value})}`;
  });
  const pager = el('nav', {class: 'pager', 'aria-label': 'Audit log pages'},
    answer.previous ? link(page - 1, 'Previous', 'prev') : el('span', {class: 'button disabled', 'aria-disabled': 'true'}, 'Previous'),
    el('span', {class: 'page-of', id: 'page-of'}, `Page ${page} of ${pages}`),
    answer.next ? link(page + 1, 'Next', 'next') : el('span', {class: 'button disabled', 'aria-disabled': 'true'}, 'Next'),
    el('label', {class: 'page-size', for: 'page-size'}, 'Per page', size));
  if (!answer.results.length) {
    show(results, el('p', {class: 'summary', id: 'audit-count'}, '0 entries'),
      el('p', {class: 'state empty'}, 'No entry matches these filters.'));
    return;
  }
  show(results,
    el('p', {class: 'summary', id: 'audit-count'}, `${answer.count.toLocaleString('en-US')} ${answer.count === 1 ? 'entry' : 'entries'}`),
    el('div', {class: 'table-wrap'},
      el('table', {class: 'audit-table', id: 'audit-table'},
        el('caption', {class: 'visually-hidden'}, 'Audit log entries, newest first'),
        el('thead', {}, el('tr', {}, ['Time', 'Event', 'Record', 'Actor', 'Request', 'Changes'].map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, answer.results.map(entry => el('tr', {},
          el('td', {class: 'nowrap'}, timeElement(entry.occurredAt)),
          el('td', {}, el('span', {class: 'event'}, eventLabel(entry.type)), el('br'), el('code', {class: 'muted'}, entry.type)),
          el('td', {}, TYPES[entry.entityType]
            ? el('a', {href: `#/record/${entry.entityId}`}, el('code', {}, entry.entityId))
            : el('code', {}, entry.entityId), el('span', {class: 'muted'}, ` v${entry.version}`)),
          el('td', {}, actor(entry)),
          el('td', {}, entry.requestId ? el('code', {class: 'muted'}, entry.requestId) : '—'),
          el('td', {class: 'changes-cell'}, changes(entry.changes))))))),
    pager);
}

/**
 * The CSV comes through fetch with the token in a header (a link would need it in the URL), then is handed
 * to the browser as a file.
 */
async function downloadCsv(filters, button, state) {
  button.disabled = true;
  state.className = 'inline-state';
  state.textContent = 'Preparing the CSV…';
  try {
    const blob = await get(`/api/audit-log/${query(filters)}`, 'text/csv');
    const url = URL.createObjectURL(blob);
    const anchor = el('a', {href: url, download: 'audit-log.csv', hidden: true});
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    state.textContent = `Downloaded audit-log.csv (${kilobytes(blob.size)}).`;
  } catch (e) {
    state.className = 'inline-state error';
    state.textContent = `The CSV could not be downloaded: ${e.message}`;
  } finally {
    button.disabled = false;
  }
}

function kilobytes(bytes) {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toLocaleString('en-US', {maximumFractionDigits: 1})} KB`;
}
