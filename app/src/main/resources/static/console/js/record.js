// One record: its timeline (every event, oldest first) and, for a chosen point of it, the record as it was then
// (?asOf=) next to how it is today.
import {el, show, loading, failure, announce} from './dom.js';
import {get, query, session} from './api.js';
import {TYPES, typeOfId, recordName, recordDetail, value, same, eventLabel, fieldLabel, time, timeElement, actor, changes} from './format.js';

const PAGE = 100;

export function recordView(main, id) {
  main.dataset.view = 'record';
  const type = typeOfId(id);
  if (!type) {
    show(main, el('section', {},
      el('h1', {}, 'Not a record id'),
      el('p', {class: 'state failure', role: 'alert'}, `“${id}” is not the id of a contact, lead, account or opportunity.`),
      el('p', {}, el('a', {href: '#/records'}, 'Find a record'))));
    return;
  }
  const view = new RecordPage(main, type, id);
  view.load();
}

class RecordPage {
  constructor(main, type, id) {
    this.type = type;
    this.id = id;
    this.resource = TYPES[type].resource;
    this.entries = [];
    this.source = null;
    this.live = null;
    this.title = el('h1', {id: 'record-title', class: 'record-title'}, `${TYPES[type].label} ${id}`);
    this.header = el('div', {class: 'record-header-body'}, loading('Loading the record…'));
    this.timeline = el('div', {class: 'timeline-body'}, loading('Loading its events…'));
    this.compare = el('div', {class: 'compare-body', id: 'compare', 'aria-live': 'polite'},
      el('p', {class: 'state empty'}, 'Choose a point of the timeline to see the record as it was then, next to today.'));
    show(main,
      el('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'}, el('a', {href: '#/records'}, 'Records'), el('span', {'aria-hidden': 'true'}, ' / '), el('span', {'aria-current': 'page'}, id)),
      el('section', {class: 'record-header card', 'aria-labelledby': 'record-title'}, this.title, this.header),
      el('div', {class: 'record-layout'},
        el('section', {class: 'card timeline-card', 'aria-labelledby': 'timeline-title'},
          el('h2', {id: 'timeline-title'}, 'Timeline'),
          el('p', {class: 'help'}, 'Every event, oldest first. Choose one to see the record as it was right after it.'),
          this.timeline),
        el('section', {class: 'card compare-card', 'aria-labelledby': 'compare-title'},
          el('h2', {id: 'compare-title', tabindex: '-1'}, 'Then and today'),
          this.compare)));
  }

  async load() {
    show(this.header, loading('Loading the record…'));
    show(this.timeline, loading('Loading its events…'));
    const [live, first] = await Promise.allSettled([
      get(`/api/${this.resource}/${this.id}/`),
      this.page(1),
    ]);
    if (live.status === 'fulfilled') this.live = live.value;
    else if (live.reason.status !== 404) return this.failed(live.reason);
    if (first.status === 'rejected') {
      if (first.reason.status !== 404) return this.failed(first.reason);
      return this.gone();
    }
    if (!this.live && !first.value.results.length) return this.gone();
    this.entries = first.value.results;
    this.next = first.value.next ? 2 : null;
    this.renderHeader();
    this.renderTimeline();
  }

  /** A page of events: the record's history, or for a deleted record (admin, auditor) its audit-log entries. */
  async page(number) {
    if (this.source !== 'audit-log') {
      try {
        const page = await get(`/api/${this.resource}/${this.id}/history/${query({page: number, limit: PAGE})}`);
        this.source = 'history';
        return page;
      } catch (e) {
        if (e.status !== 404 || !session.privileged() || this.source === 'history') throw e;
      }
    }
    this.source = 'audit-log';
    return get(`/api/audit-log/${query({entityId: this.id, ordering: 'occurredAt', page: number, limit: PAGE})}`);
  }

  failed(error) {
    show(this.header, failure(error, () => this.load()));
    show(this.timeline, el('p', {class: 'state empty'}, 'No events to show.'));
  }

  gone() {
    show(this.header, el('div', {class: 'state failure', role: 'alert'},
      el('p', {}, session.privileged()
        ? `There is no ${this.type} with this id, and the audit log has no event of it.`
        : `There is no ${this.type} with this id. A deleted record's history is shown to admins and auditors only.`)));
    show(this.timeline, el('p', {class: 'state empty'}, 'No events to show.'));
  }

  /** The fields as the events left them, for a record that no longer has a live state. */
  folded() {
    const state = {};
    for (const entry of this.entries) {
      for (const [field, change] of Object.entries(entry.changes || {})) state[field] = change.to;
    }
    return state;
  }

  status() {
    if (this.entries.some(e => e.type.endsWith('.erased'))) return 'erased';
    if (!this.live) return 'deleted';
    return 'live';
  }

  renderHeader() {
    const known = this.live || this.folded();
    const name = recordName(this.type, known) || `${TYPES[this.type].label} ${this.id}`;
    const status = this.status();
    this.title.replaceChildren(el('span', {class: `type type-${this.type}`}, TYPES[this.type].label), ' ', name);
    const last = this.entries[this.entries.length - 1];
    show(this.header,
      el('dl', {class: 'facts'},
        fact('Id', el('code', {class: 'record-id'}, this.id)),
        fact('State', el('span', {class: `badge badge-${status}`}, status === 'live' ? 'live' : status)),
        recordDetail(this.type, known) ? fact('Details', recordDetail(this.type, known)) : null,
        fact('Events', this.next ? `${this.entries.length}+` : String(this.entries.length)),
        last ? fact('Last change', timeElement(last.occurredAt)) : null),
      status === 'live' ? null : el('p', {class: 'help'}, status === 'erased'
        ? 'This person was erased: their personal fields read “erased” everywhere. Ids, stages, dates and actors remain.'
        : 'This record was deleted. Its events remain in the audit log; it can still be read as it was before.'));
    document.title = `${name} · Audit console · CRM`;
  }

  renderTimeline() {
    const list = el('ol', {class: 'timeline', id: 'timeline'}, this.entries.map(entry => this.entryItem(entry)));
    list.addEventListener('keydown', event => moveFocus(event, list));
    const more = this.next ? el('button', {type: 'button', class: 'button', id: 'more-events'}, 'Show more events') : null;
    more?.addEventListener('click', async () => {
      more.disabled = true;
      more.textContent = 'Loading…';
      try {
        const page = await this.page(this.next);
        this.entries.push(...page.results);
        this.next = page.next ? this.next + 1 : null;
        this.renderHeader();
        this.renderTimeline();
      } catch (e) {
        more.replaceWith(failure(e));
      }
    });
    show(this.timeline, list, more);
  }

  entryItem(entry) {
    const button = el('button', {type: 'button', class: 'entry', 'aria-pressed': 'false', dataset: {event: entry.id}},
      el('span', {class: 'entry-head'},
        el('span', {class: `event event-${entry.type.slice(entry.type.indexOf('.') + 1)}`}, eventLabel(entry.type)),
        el('span', {class: 'version'}, `v${entry.version}`),
        timeElement(entry.occurredAt)),
      el('span', {class: 'entry-meta'},
        el('span', {}, el('span', {class: 'meta-label'}, 'by '), actor(entry)),
        el('span', {}, el('span', {class: 'meta-label'}, 'request '), entry.requestId ? el('code', {}, entry.requestId) : value(null))),
      changes(entry.changes));
    button.addEventListener('click', () => this.select(entry, button));
    return el('li', {class: 'timeline-item'}, button);
  }

  async select(entry, button) {
    for (const other of this.timeline.querySelectorAll('.entry[aria-pressed="true"]')) other.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-pressed', 'true');
    show(this.compare, loading(`Rebuilding the record as of ${time(entry.occurredAt)}…`));
    if (window.matchMedia('(max-width: 959px)').matches) document.getElementById('compare-title').focus();
    try {
      const then = await get(`/api/${this.resource}/${this.id}/${query({asOf: entry.occurredAt})}`);
      this.renderCompare(entry, then);
      announce(`Showing the record as of ${time(entry.occurredAt)}`);
    } catch (e) {
      if (e.status === 404 && (entry.type.endsWith('.deleted') || entry.type.endsWith('.erased'))) {
        show(this.compare, el('p', {class: 'state empty'}, `The record no longer existed after this event (${eventLabel(entry.type).toLowerCase()}). Choose an earlier point.`));
      } else {
        show(this.compare, failure(e, () => this.select(entry, button)));
      }
    }
  }

  renderCompare(entry, then) {
    const today = this.live;
    const fields = [...new Set([...Object.keys(then), ...Object.keys(today || {})])].filter(f => f !== 'id');
    const differing = today ? fields.filter(f => !same(then[f], today[f])).length : null;
    show(this.compare,
      el('p', {class: 'compare-summary'},
        'As it was at ', timeElement(entry.occurredAt), ` (v${entry.version}, after “${eventLabel(entry.type)}”). `,
        today ? (differing ? `${differing} field${differing === 1 ? '' : 's'} differ${differing === 1 ? 's' : ''} from today.` : 'Nothing differs from today.')
          : 'Today the record is deleted.'),
      el('div', {class: 'table-wrap'},
        el('table', {class: 'compare-table', id: 'compare-table'},
          el('caption', {class: 'visually-hidden'}, `The ${this.type} as of ${time(entry.occurredAt)} and today`),
          el('thead', {}, el('tr', {},
            el('th', {scope: 'col'}, 'Field'),
            el('th', {scope: 'col'}, 'Then'),
            el('th', {scope: 'col'}, 'Today'))),
          el('tbody', {}, fields.map((field, row) => {
            const differs = today && !same(then[field], today[field]);
            return el('tr', {class: differs ? 'differs' : null},
              el('th', {scope: 'row'}, fieldLabel(field), differs ? el('span', {class: 'visually-hidden'}, ' (changed since)') : null),
              el('td', {class: 'then'}, value(then[field])),
              // a deleted record has no today: one cell says so for every row
              today ? el('td', {class: 'today'}, value(today[field]))
                : row === 0 ? el('td', {class: 'today gone', rowspan: fields.length}, 'Deleted: no current state') : null);
          })))));
  }
}

function fact(label, content) {
  return el('div', {class: 'fact'}, el('dt', {}, label), el('dd', {}, content));
}

/** Up and down arrows (Home, End) move between the timeline's events. */
function moveFocus(event, list) {
  const buttons = [...list.querySelectorAll('.entry')];
  const at = buttons.indexOf(document.activeElement);
  if (at < 0) return;
  const to = {ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1}[event.key];
  if (to === undefined || to < 0 || to >= buttons.length) return;
  event.preventDefault();
  buttons[to].focus();
}
