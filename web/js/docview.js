// The document view: one press release in full, with the query highlighted and its extracted metadata.
import { h, clear } from './dom.js';
import { formatDate, quarterLabel, sourceLabel } from './format.js';
import { highlight } from './highlight.js';
import { citationState, newState, personState, stateToUrl } from './state.js';
import { meetingText } from './factview.js';

function navLink(text, state, title) {
  return h('a', { href: stateToUrl(state), text, attrs: { 'data-nav': '', title } });
}

/** Reads a list field that may sit at the top level or under `extracted`. */
function listField(doc, name) {
  const top = doc[name];
  if (Array.isArray(top) && top.length > 0) return top;
  const ex = doc.extracted && doc.extracted[name];
  return Array.isArray(ex) ? ex : [];
}

function textOf(item) {
  if (item === null || item === undefined) return '';
  if (typeof item === 'string') return item;
  return item.label || item.name || item.value || '';
}

/** "15-NQ/TW — Nghị quyết, Trung ương": the number first, then what the codes in it mean. */
function documentText(d) {
  if (typeof d === 'string') return d;
  const parts = [];
  if (d.typeLabel && d.typeLabel !== d.type) parts.push(d.typeLabel);
  if (d.issuerLabel && d.issuerLabel !== d.issuer) parts.push(d.issuerLabel);
  return parts.length ? `${d.value} — ${parts.join(', ')}` : d.value;
}

/** Each person once with their first post: the view of the person lists the others. */
function people(doc) {
  const seen = new Set();
  const out = [];
  for (const p of Array.isArray(doc.people) ? doc.people : []) {
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    out.push(p);
  }
  return out;
}

/** The search for releases that report the same meeting: its body, session and term. */
function meetingSearch(m) {
  const f = { meetingBody: [m.body] };
  if (m.session) f.session = [String(m.session)];
  if (m.term) f.term = [m.term];
  return newState('', f);
}

function row(term, ...values) {
  const vals = values.flat().filter(Boolean);
  if (vals.length === 0) return null;
  return [h('dt', { text: term }), h('dd', {}, ...vals)];
}

const LIST_FIRST = 12;

/** An inline list; long ones (omnibus resolutions name hundreds of wards) fold the rest into <details>. */
function linkList(items) {
  if (items.length === 0) return null;
  const list = (xs) => h('ul', { class: 'inline-list' }, xs.map((i) => h('li', {}, i)));
  if (items.length <= LIST_FIRST + 3) return list(items);
  return h(
    'div',
    {},
    list(items.slice(0, LIST_FIRST)),
    h('details', { class: 'more-list' }, h('summary', { text: `Xem thêm ${items.length - LIST_FIRST}` }), list(items.slice(LIST_FIRST))),
  );
}

function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Splits the body into paragraphs at blank lines; single line breaks stay inside their paragraph. */
function paragraphs(body) {
  return String(body || '')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** A paragraph with the query highlighted and its inner line breaks kept. */
function paragraph(text, query) {
  const p = h('p');
  text.split('\n').forEach((line, i) => {
    if (i > 0) p.append(h('br'));
    p.append(highlight(line, query));
  });
  return p;
}

/**
 * Renders `doc` (GET /api/documents/{id}) into `container`. `query` is highlighted; `backUrl` is the
 * search the reader came from.
 */
export function renderDocument(container, doc, query, backUrl) {
  clear(container);
  const title = doc.title || doc.displayTitle || 'Không có tiêu đề';
  const districts = listField(doc, 'districts');
  const documents = listField(doc, 'documents');
  const periods = listField(doc, 'periods');
  const places = listField(doc, 'places');
  const date = formatDate(doc.date, doc.datePrecision);
  const url = doc.url ? safeUrl(doc.url) : null;
  const author = doc.author || (doc.extracted && doc.extracted.author) || '';
  const notes = listField(doc, 'notes');

  const meta = h(
    'dl',
    { class: 'doc-meta' },
    row('Ngày đăng', date ? h('time', { attrs: { datetime: doc.date }, text: date }) : h('span', { class: 'muted', text: 'Không rõ' })),
    row('Quý', doc.quarter ? navLink(quarterLabel(doc.quarter), newState('', { quarter: [doc.quarter] }), 'Tìm các thông cáo trong quý này') : null),
    row(
      'Quận/huyện',
      linkList(districts.map((d) => (typeof d === 'string' ? navLink(d, newState('', { district: [d] })) : navLink(d.label || d.value, newState('', { district: [d.value] }), `Tìm các thông cáo về ${d.label || d.value}`)))),
    ),
    row('Phường/xã', linkList(places.map((p) => (p && p.value ? navLink(textOf(p), newState('', { place: [p.value] }), 'Tìm các thông cáo về đơn vị này') : h('span', { text: textOf(p) }))))),
    // a document that is itself a numbered document (a resolution): who cited it, when, where
    row('Số hiệu', doc.number && doc.number.value ? navLink(doc.number.value, citationState(doc.number.value), 'Xem các thông cáo dẫn văn bản này') : null),
    row(
      'Văn bản',
      linkList(documents.map((d) => navLink(documentText(d), citationState(typeof d === 'string' ? d : d.value), 'Xem văn bản và các thông cáo dẫn nó'))),
    ),
    row('Người được nêu', linkList(people(doc).map((p) => navLink(p.post ? `${p.name} — ${p.unit ? `${p.post} ${p.unit}` : p.post}` : p.name, personState(p.name), 'Xem các chức vụ của người này')))),
    row('Hội nghị', doc.meeting ? navLink(meetingText(doc.meeting), meetingSearch(doc.meeting), 'Tìm các thông cáo về hội nghị này') : null),
    row('Kỳ báo cáo', linkList(periods.map((p) => (typeof p === 'string' ? navLink(quarterLabel(p), newState('', { period: [p] })) : h('span', { text: textOf(p) }))))),
    row('Tác giả', author ? h('span', { text: author }) : null),
    row('Ghi chú', notes.length ? h('ul', { class: 'notes' }, notes.map((n) => h('li', { text: textOf(n) }))) : null),
    row('Nguồn', doc.source ? h('span', { text: sourceLabel(doc.source) }) : null, url ? h('a', { href: url, text: 'Xem bài gốc', class: 'external', attrs: { rel: 'noopener noreferrer external', target: '_blank' } }) : null),
  );

  const back = h('a', { class: 'back', href: backUrl, attrs: { 'data-back': '' } }, '← Quay lại kết quả tìm kiếm');
  const heading = h('h1', { class: 'doc-title', attrs: { tabindex: '-1' } }, highlight(title, query));
  const body = h('div', { class: 'doc-body' }, paragraphs(doc.body).map((p) => paragraph(p, query)));
  container.append(h('nav', { class: 'doc-nav', attrs: { 'aria-label': 'Điều hướng' } }, back), heading, meta, body);
  document.title = `${title} — vnpress`;
  return heading;
}

/** Shows a message (loading or error) in place of the document. */
export function renderDocumentMessage(container, message, backUrl, isError) {
  clear(container);
  container.append(
    h('nav', { class: 'doc-nav', attrs: { 'aria-label': 'Điều hướng' } }, h('a', { class: 'back', href: backUrl, attrs: { 'data-back': '' } }, '← Quay lại kết quả tìm kiếm')),
    h('p', { class: isError ? 'error-box' : 'loading', attrs: { role: isError ? 'alert' : 'status' }, text: message }),
  );
}

/** The page's own "not found": the document id is unknown (a wrong link, or a release since removed). */
export function renderDocumentNotFound(container, id, message, backUrl) {
  clear(container);
  const heading = h('h1', { class: 'doc-title', attrs: { tabindex: '-1' }, text: 'Không tìm thấy văn bản' });
  container.append(
    h('nav', { class: 'doc-nav', attrs: { 'aria-label': 'Điều hướng' } }, h('a', { class: 'back', href: backUrl, attrs: { 'data-back': '' } }, '← Quay lại kết quả tìm kiếm')),
    heading,
    h('div', { class: 'not-found', attrs: { role: 'alert' } }, h('p', { text: message }), h('p', {}, 'Mã văn bản: ', h('code', { class: 'typed', text: id }))),
    h('p', {}, 'Hãy thử ', h('a', { href: '/', attrs: { 'data-nav': '' }, text: 'tìm kiếm lại từ trang chủ' }), ', hoặc gõ tiêu đề, số văn bản vào ô tìm kiếm.'),
  );
  document.title = 'Không tìm thấy văn bản — vnpress';
  heading.focus();
}
