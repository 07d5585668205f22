// Finding a record: live ones by name, email or id through each list's search; for admins and auditors also
// deleted ones by name or email (/api/audit/deleted-records/), and deleted or erased ones by id (the audit log).
import {el, show, loading, failure, announce} from './dom.js';
import {get, query, session} from './api.js';
import {TYPES, typeOfId, recordName, recordDetail, eventLabel, timeElement, actor} from './format.js';

export function recordsView(main, params) {
  main.dataset.view = 'records';
  const q = (params.get('q') || '').trim();
  const input = el('input', {id: 'search', name: 'q', type: 'search', value: q, autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'search-help', placeholder: 'e.g. Sarah Kim, sarah@example.com or cnt_01J…'});
  const form = el('form', {class: 'search-form', role: 'search'},
    el('label', {for: 'search'}, 'Name, email or id'),
    el('div', {class: 'search-row'}, input, el('button', {type: 'submit', class: 'button primary'}, 'Search')),
    el('p', {class: 'help', id: 'search-help'}, session.privileged()
      ? 'Searches contacts, leads, accounts and opportunities, deleted ones included. An erased person is found by their record id.'
      : 'Searches contacts, leads, accounts and opportunities.'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `#/records${query({q: input.value.trim()})}`;
  });
  const results = el('div', {class: 'results', id: 'results', 'aria-live': 'polite'});
  show(main, el('section', {'aria-labelledby': 'records-title'},
    el('h1', {id: 'records-title'}, 'Find a record'), form, results));
  if (q) search(results, q);
  else if (session.privileged()) recent(results);
  else show(results, el('p', {class: 'state empty'}, 'Type a name, an email address or a record id to begin.'));
}

/** Before a search, the latest events of CRM records: a way to deleted and erased records too. */
async function recent(results) {
  show(results, loading('Loading the latest changes…'));
  try {
    const page = await get(`/api/audit-log/${query({limit: 12})}`);
    const entries = page.results.filter(entry => TYPES[entry.entityType]);
    show(results, el('h2', {class: 'subhead'}, 'Latest changes'),
      entries.length ? el('ul', {class: 'activity'}, entries.map(entry => el('li', {},
        el('a', {class: 'activity-link', href: `#/record/${entry.entityId}`},
          el('span', {class: `type type-${entry.entityType}`}, TYPES[entry.entityType].label),
          el('span', {class: 'event'}, eventLabel(entry.type)),
          el('code', {class: 'record-id'}, entry.entityId),
          el('span', {class: 'activity-who'}, actor(entry), ' · ', timeElement(entry.occurredAt))))))
        : el('p', {class: 'state empty'}, 'No CRM record has changed yet.'));
  } catch (e) {
    show(results, failure(e, () => recent(results)));
  }
}

async function search(results, q) {
  show(results, loading(`Searching for “${q}”…`));
  try {
    const found = typeOfId(q) ? await byId(q) : await byText(q);
    if (!found.length) {
      show(results, el('p', {class: 'state empty'}, `Nothing matches “${q}”.`,
        session.privileged() && !typeOfId(q) ? ' An erased person is found by their record id only.' : ''));
      announce('No records found');
      return;
    }
    show(results, el('p', {class: 'summary'}, found.length === 1 ? '1 record' : `${found.length} records`),
      el('ul', {class: 'record-list'}, found.map(item)));
    announce(`${found.length} records found`);
  } catch (e) {
    show(results, failure(e, () => search(results, q)));
  }
}

/**
 * Every type's list searched at once, the first 10 of each; for admins and auditors also the deleted records
 * whose last known name or email matches (an erased person is never found by what was erased).
 */
async function byText(q) {
  const searches = Object.entries(TYPES).map(async ([type, info]) => {
    const page = await get(`/api/${info.resource}/${query({search: q, limit: 10, ordering: '-updatedAt'})}`);
    return page.results.map(record => ({type, id: record.id, record, state: 'live'}));
  });
  if (session.privileged()) {
    searches.push(get(`/api/audit/deleted-records/${query({search: q, limit: 20})}`).then(page =>
      page.results.map(found => ({type: found.entityType, id: found.id, record: found.fields, state: 'deleted'}))));
  }
  return (await Promise.all(searches)).flat();
}

/** One id: the live record, else (admin, auditor) what the audit log knows of it. */
async function byId(id) {
  const type = typeOfId(id);
  try {
    const record = await get(`/api/${TYPES[type].resource}/${encodeURIComponent(id)}/`);
    return [{type, id, record, state: 'live'}];
  } catch (e) {
    if (e.status !== 404 || !session.privileged()) {
      if (e.status === 404) return [];
      throw e;
    }
  }
  const newest = await get(`/api/audit-log/${query({entityId: id, limit: 1})}`);
  if (!newest.count) return [];
  const last = newest.results[0];
  return [{type, id, record: null, state: last.type.endsWith('.erased') ? 'erased' : 'deleted', last}];
}

function item(found) {
  const name = recordName(found.type, found.record) || (found.state === 'erased' ? 'Erased record' : 'Deleted record');
  return el('li', {},
    el('a', {class: 'record-link', href: `#/record/${found.id}`},
      el('span', {class: `type type-${found.type}`}, TYPES[found.type].label),
      el('span', {class: 'record-main'},
        el('span', {class: 'record-name'}, name),
        el('span', {class: 'record-detail'}, found.record ? recordDetail(found.type, found.record) : `last event: ${found.last.type}`)),
      el('code', {class: 'record-id'}, found.id),
      found.state === 'live' ? null : el('span', {class: `badge badge-${found.state}`}, found.state)));
}
