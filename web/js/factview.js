// The two views of facts found in the releases: a document number with its citations (the document
// itself, a timeline by quarter, the districts that cited it), and a person with the posts the
// releases give them over time. Both render the API's answers; nothing is counted here.
import { h, clear } from './dom.js';
import { formatCount, formatDate } from './format.js';
import { renderTimeline } from './timeline.js';
import { citationState, newState, personState, stateToUrl } from './state.js';

function nav(backUrl) {
  return h('nav', { class: 'doc-nav', attrs: { 'aria-label': 'Điều hướng' } }, h('a', { class: 'back', href: backUrl, attrs: { 'data-back': '' } }, '← Quay lại kết quả tìm kiếm'));
}

function link(text, state, attrs = {}) {
  return h('a', { href: stateToUrl(state), text, attrs: { 'data-nav': '', ...attrs } });
}

function docState(id) {
  const s = newState('');
  s.doc = id;
  return s;
}

function docLink(hit) {
  return link(hit.title || 'Không có tiêu đề', docState(hit.id), { 'data-id': hit.id });
}

/** A row of a definition list, or nothing when there is no value. */
function row(term, value) {
  return value ? [h('dt', { text: term }), h('dd', {}, value)] : null;
}

/** "khóa XVII" for a term, "năm 2026" for a year. */
function editionLabel(ed) {
  return /^\d{4}$/.test(ed) ? `năm ${ed}` : `khóa ${ed}`;
}

function dateOf(hit) {
  const d = formatDate(hit.date, hit.datePrecision);
  return d ? h('time', { attrs: { datetime: hit.date }, text: d }) : h('span', { class: 'muted', text: 'Không rõ ngày' });
}

/** "Nghị quyết 15-NQ/TW": the type the number says, then the number. */
function numberTitle(view) {
  const r = view.ref || {};
  return r.typeLabel && r.typeLabel !== r.type ? `${r.typeLabel} ${view.number}` : view.number;
}

/** The releases of a view, each with its date and districts. */
function releaseList(hits, className) {
  return h(
    'ol',
    { class: `fact-releases ${className}` },
    hits.map((hit) =>
      h(
        'li',
        { attrs: { 'data-id': hit.id } },
        h('span', { class: 'fact-date' }, dateOf(hit)),
        ' ',
        docLink(hit),
        (hit.districts || []).length ? h('span', { class: 'muted', text: ` — ${(hit.districts || []).map((d) => d.label || d.value).join(', ')}` }) : null,
      ),
    ),
  );
}

/** Appends the nodes that are there: a view leaves out the parts it has nothing for. */
function appendAll(container, ...nodes) {
  container.append(...nodes.filter(Boolean));
}

function section(id, title, ...content) {
  return h('section', { class: 'fact-section', attrs: { 'aria-labelledby': id } }, h('h2', { class: 'section-title', attrs: { id }, text: title }), ...content);
}

/**
 * Renders a citation view (GET /api/citations) into `container`; `onQuarter(value)` opens the
 * citing releases of a quarter. Returns the heading.
 */
export function renderCitation(container, view, backUrl, onQuarter) {
  clear(container);
  const title = numberTitle(view);
  const r = view.ref || {};
  const heading = h('h1', { class: 'doc-title', attrs: { tabindex: '-1' }, text: title });
  const citing = view.citing || { hits: [], total: 0, facets: {} };
  const own = view.document;

  // the document's own record: what its number says, and the document itself when it is indexed
  const record = h(
    'dl',
    { class: 'doc-meta fact-document', attrs: { id: 'cite-document' } },
    row('Số hiệu', h('span', { text: view.number })),
    row('Loại văn bản', r.typeLabel || r.type ? h('span', { text: r.typeLabel || r.type }) : null),
    row('Cơ quan ban hành', r.issuerLabel || r.issuer ? h('span', { text: r.issuerLabel || r.issuer }) : null),
    row('Khóa, năm', view.edition ? h('span', { text: editionLabel(view.edition) }) : null),
    row('Ngày', own ? dateOf(own) : null),
    row(
      'Toàn văn',
      own ? link(own.title || 'Không có tiêu đề', docState(own.id), { id: 'cite-document-link', 'data-id': own.id }) : h('span', { class: 'muted', text: 'Văn bản này chưa có trong chỉ mục.' }),
    ),
  );

  const editions = (view.editions || []).length
    ? h(
        'div',
        { class: 'fact-editions', attrs: { id: 'cite-editions' } },
        h('p', { text: 'Số văn bản của Đảng bắt đầu lại mỗi khóa; các thông cáo ghi rõ:' }),
        h(
          'ul',
          { class: 'chips' },
          [h('li', {}, link('Tất cả', citationState(view.number), { class: `chip${view.edition ? '' : ' current'}`, ...(view.edition ? {} : { 'aria-current': 'page' }) }))].concat(
            view.editions.map((e) => {
              const ed = e.value.slice(e.value.indexOf('@') + 1);
              const current = view.edition === ed;
              return h(
                'li',
                {},
                link(`${editionLabel(ed)} (${formatCount(e.count)})`, citationState(view.number, ed), { class: `chip${current ? ' current' : ''}`, 'data-edition': ed, ...(current ? { 'aria-current': 'page' } : {}) }),
              );
            }),
          ),
        ),
      )
    : null;

  const quarters = (citing.facets && citing.facets.quarter) || [];
  const districts = (citing.facets && citing.facets.district) || [];
  let chart = null;
  let cited = [];
  if (citing.total > 0) {
    chart = h('div', { class: 'timeline-chart', attrs: { id: 'cite-timeline' } });
    const districtList = districts.length
      ? h(
          'ul',
          { class: 'fact-districts', attrs: { id: 'cite-districts' } },
          districts.map((d) =>
            h('li', { attrs: { 'data-value': d.value } }, link(d.label || d.value, newState('', { document: [view.number], district: [d.value] })), h('span', { class: 'count', text: ` ${formatCount(d.count)}` })),
          ),
        )
      : h('p', { class: 'muted', attrs: { id: 'cite-districts' }, text: 'Các thông cáo dẫn văn bản này không nêu quận, huyện nào.' });
    cited = [section('cite-timeline-title', 'Số thông cáo dẫn văn bản theo quý', chart), section('cite-districts-title', 'Quận, huyện đã dẫn', districtList)];
  }

  const summary = citing.total > 0
    ? h('p', { class: 'fact-summary', attrs: { id: 'cite-summary' }, text: `${formatCount(citing.total)} thông cáo dẫn văn bản này, mới nhất trước.` })
    : h('p', { class: 'fact-summary', attrs: { id: 'cite-summary' }, text: 'Chưa có thông cáo nào trong chỉ mục dẫn văn bản này.' });

  appendAll(
    container,
    nav(backUrl),
    heading,
    record,
    editions,
    ...cited,
    section(
      'cite-releases-title',
      'Các thông cáo dẫn văn bản',
      summary,
      citing.hits.length ? releaseList(citing.hits, 'cite-releases') : null,
      citing.total > citing.hits.length ? h('p', {}, link('Xem tất cả trong trang tìm kiếm', newState('', { document: [view.number] }))) : null,
    ),
  );
  if (chart && !renderTimeline(chart, quarters, [], onQuarter)) chart.append(h('p', { class: 'muted', text: 'Các thông cáo dẫn văn bản này không rõ ngày đăng.' }));
  document.title = `${title} — vnpress`;
  return heading;
}

/** Renders a person view (GET /api/people) into `container`. Returns the heading. */
export function renderPerson(container, view, backUrl) {
  clear(container);
  const heading = h('h1', { class: 'doc-title', attrs: { tabindex: '-1' }, text: view.name });
  const releases = view.releases || { hits: [], total: 0 };
  const period = (p) => {
    // the API gives dates as precise as the releases do: "2022-10-19", "2022-10" or "2022"
    const a = formatDate(p.first);
    const b = formatDate(p.last);
    if (!a && !b) return 'không rõ ngày';
    return a === b ? a : `${a} – ${b}`;
  };
  const posts = (view.posts || []).length
    ? h(
        'table',
        { class: 'fact-posts', attrs: { id: 'person-posts' } },
        h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' }, text: 'Chức vụ' }), h('th', { attrs: { scope: 'col' }, text: 'Thời gian được nêu' }), h('th', { attrs: { scope: 'col' }, text: 'Số thông cáo' }))),
        h(
          'tbody',
          {},
          view.posts.map((p) =>
            h('tr', { attrs: { 'data-post': p.label } }, h('td', {}, link(p.label, newState('', { post: [p.label] }))), h('td', { text: period(p) }), h('td', { text: formatCount(p.releases) })),
          ),
        ),
      )
    : h('p', { class: 'muted', attrs: { id: 'person-posts' }, text: releases.total > 0 ? 'Các thông cáo nêu tên nhưng không nêu chức vụ.' : 'Chưa có thông cáo nào nêu chức vụ của người này.' });
  const mentions = (view.mentions || []).length
    ? h(
        'ol',
        { class: 'fact-releases person-mentions' },
        view.mentions.map((m) =>
          h(
            'li',
            { attrs: { 'data-id': m.id } },
            h('span', { class: 'fact-date' }, m.date ? h('time', { attrs: { datetime: m.date }, text: formatDate(m.date) }) : h('span', { class: 'muted', text: 'Không rõ ngày' })),
            ' ',
            h('strong', { text: m.unit ? `${m.post} ${m.unit}` : m.post }),
            ' — ',
            docLink({ id: m.id, title: m.title }),
          ),
        ),
      )
    : null;
  appendAll(
    container,
    nav(backUrl),
    heading,
    h('p', { class: 'fact-summary', attrs: { id: 'person-summary' }, text: releases.total > 0 ? `${formatCount(releases.total)} thông cáo nêu tên người này, mới nhất trước.` : 'Chưa có thông cáo nào trong chỉ mục nêu tên người này.' }),
    section('person-posts-title', 'Chức vụ theo các thông cáo', posts),
    mentions ? section('person-mentions-title', 'Từng lần được nêu', mentions) : null,
    releases.total > 0
      ? section(
          'person-releases-title',
          'Các thông cáo',
          releases.hits.length ? releaseList(releases.hits, 'person-releases') : null,
          h('p', {}, link(releases.total > releases.hits.length ? 'Xem tất cả trong trang tìm kiếm' : 'Tìm trong các thông cáo này', newState('', { person: [view.name] }))),
        )
      : null,
  );
  document.title = `${view.name} — vnpress`;
  return heading;
}

/** The person view's URL: used by the people chips of results and documents. */
export function personUrl(name) {
  return stateToUrl(personState(name));
}

/** The citation view's URL: used by the document-number chips. */
export function citationUrl(number) {
  return stateToUrl(citationState(number));
}

/** "Hội nghị lần thứ 16 Ban Chấp hành khóa XXVI": a meeting as one phrase. */
export function meetingText(m) {
  if (!m) return '';
  const kind = m.body === 'Quốc hội' || m.body === 'Hội đồng nhân dân' ? 'Kỳ họp' : m.body === 'Đại hội đại biểu' ? '' : 'Hội nghị';
  const parts = [];
  if (kind) parts.push(kind);
  if (m.session) parts.push(`lần thứ ${m.session}`);
  parts.push(m.body);
  if (m.organ) parts.push(m.organ);
  if (m.term) parts.push(`khóa ${m.term}`);
  if (m.years) parts.push(`nhiệm kỳ ${m.years}`);
  return parts.join(' ');
}

