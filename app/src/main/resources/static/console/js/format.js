// How the console writes records, values, times and events.
import {el} from './dom.js';

/** The record types the console finds and shows a timeline for. */
export const TYPES = {
  contact: {prefix: 'cnt_', resource: 'contacts', label: 'Contact'},
  lead: {prefix: 'ld_', resource: 'leads', label: 'Lead'},
  account: {prefix: 'acc_', resource: 'accounts', label: 'Account'},
  opportunity: {prefix: 'opp_', resource: 'opportunities', label: 'Opportunity'},
};

/** What the API writes in place of a value whose person was erased. */
export const ERASED = '[erased]';

export function typeOfId(id) {
  return Object.keys(TYPES).find(type => id.startsWith(TYPES[type].prefix)) || null;
}

/** A record's name as a person reads it: "Sarah Kim", "Acme Corp". */
export function recordName(type, record) {
  if (!record) return null;
  if (type === 'contact' || type === 'lead') {
    const parts = [record.firstName, record.lastName].filter(Boolean);
    if (parts.length && parts.every(p => p === ERASED)) return 'Erased person';
    return parts.filter(p => p !== ERASED).join(' ') || record.email || null;
  }
  return record.name || null;
}

/** A second line that tells two records of one name apart. */
export function recordDetail(type, record) {
  if (type === 'contact') return [record.email, record.accountName].filter(v => v && v !== ERASED).join(' · ');
  if (type === 'lead') return [record.email, record.company].filter(v => v && v !== ERASED).join(' · ');
  if (type === 'account') return record.domain || '';
  if (type === 'opportunity') return [record.accountName, money(record)].filter(Boolean).join(' · ');
  return '';
}

function money(opportunity) {
  if (opportunity.value === null || opportunity.value === undefined) return '';
  return `${Number(opportunity.value).toLocaleString('en-US')} ${opportunity.currency || ''}`.trim();
}

/** A value of a field: empty, erased (never as text that looks real), a list, or the text itself. */
export function value(v) {
  if (v === null || v === undefined || v === '') return el('span', {class: 'none'}, el('span', {'aria-hidden': 'true'}, '—'), el('span', {class: 'visually-hidden'}, 'empty'));
  if (v === ERASED) return el('span', {class: 'erased', title: 'Erased: this personal data was destroyed on request'}, 'erased');
  if (Array.isArray(v)) return v.length ? el('span', {class: 'list'}, v.map(item => el('span', {class: 'chip'}, String(item)))) : value(null);
  if (typeof v === 'boolean') return el('span', {}, v ? 'yes' : 'no');
  if (typeof v === 'object') return el('code', {}, JSON.stringify(v));
  return el('span', {class: 'text'}, String(v));
}

/** Whether two field values are the same (lists and objects by content). */
export function same(a, b) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** "contact.stage_changed" → "Stage changed". */
export function eventLabel(type) {
  const what = type.slice(type.indexOf('.') + 1).replaceAll('_', ' ');
  return what.charAt(0).toUpperCase() + what.slice(1);
}

/** "firstName" → "first name". */
export function fieldLabel(name) {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** An instant as stored, in UTC: auditors compare it with logs, so no local time and no rounding. */
export function time(iso) {
  if (!iso) return '—';
  return iso.replace('T', ' ').replace(/Z$/, ' UTC');
}

export function timeElement(iso) {
  return el('time', {datetime: iso}, time(iso));
}

export function actor(entry) {
  const who = entry.actor;
  if (!who) return el('span', {class: 'none'}, 'unknown');
  return el('span', {class: 'actor', title: who.id}, who.name || who.id);
}

/** The changes of one event as "field: from → to" rows. */
export function changes(entryChanges) {
  const fields = Object.entries(entryChanges || {});
  if (!fields.length) return el('p', {class: 'no-changes'}, 'No field changed.');
  return el('dl', {class: 'changes'}, fields.map(([field, change]) => el('div', {class: 'change'},
    el('dt', {}, fieldLabel(field)),
    el('dd', {}, el('span', {class: 'from'}, value(change.from)),
      el('span', {class: 'arrow'}, el('span', {'aria-hidden': 'true'}, '→'), el('span', {class: 'visually-hidden'}, ' changed to ')),
      el('span', {class: 'to'}, value(change.to))))));
}
