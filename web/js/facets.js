// The facet sidebar: one group of checkboxes per facet the API answers with, in the API's order, with
// counts from its drill-sideways facets. A facet longer than ten values gets a filter box.
import { h, clear } from './dom.js';
import { formatCount, parseQuarter, splitDistrict } from './format.js';
import { FACET_LIMIT, selected } from './state.js';
import { fold } from './highlight.js';

/** Sidebar headings, also used in the active-filter chips; a facet not named here shows its API name. */
export const FACET_TITLES = {
  district: 'Quận/huyện',
  place: 'Phường/xã',
  quarter: 'Quý',
  year: 'Năm',
  doctype: 'Loại văn bản',
  document: 'Văn bản',
  period: 'Kỳ báo cáo',
  issuer: 'Cơ quan ban hành',
  person: 'Người',
  post: 'Chức vụ',
  meetingBody: 'Hội nghị, kỳ họp',
  session: 'Lần thứ',
  term: 'Khóa',
  edition: 'Văn bản theo khóa, năm',
};

/** The heading of a facet. */
export function facetTitle(facet) {
  return FACET_TITLES[facet] || facet;
}

// The API lists these two whole (the timeline needs every quarter), so they are never cut short.
const WHOLE = new Set(['quarter', 'year']);
// A list longer than this gets a box to filter it.
const FILTER_BOX_OVER = 10;

const COLLATOR = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
const SHOW_FIRST = 8;
// Districts come grouped by province, so each group starts shorter.
const SHOW_FIRST_PER_PROVINCE = 5;

/** Sidebar state that survives re-rendering: each facet's filter text and the expanded groups. */
const ui = { filter: {}, expanded: new Set() };

function byCountThenLabel(a, b) {
  return b.count - a.count || COLLATOR.compare(a.label, b.label);
}

function order(facet, entries) {
  const list = [...entries];
  if (facet === 'quarter' || facet === 'period') {
    return list.sort((a, b) => (parseQuarter(b.value) && parseQuarter(a.value) ? b.value.localeCompare(a.value) : byCountThenLabel(a, b)));
  }
  if (facet === 'year') return list.sort((a, b) => b.value.localeCompare(a.value));
  return list.sort(byCountThenLabel);
}

/**
 * Facet entries from the response plus any selected value the response no longer lists (count 0), so a
 * selected box can always be unticked.
 */
function entriesFor(facet, listed, state, labelOf) {
  const entries = listed || [];
  const seen = new Set(entries.map((e) => e.value));
  const extra = selected(state, facet)
    .filter((v) => !seen.has(v))
    .map((v) => ({ value: v, label: labelOf(facet, v), count: 0 }));
  return [...entries.map((e) => ({ value: e.value, label: e.label || e.value, count: e.count })), ...extra];
}

function checkbox(facet, entry, state, onToggle, idSuffix, estimated) {
  const id = `f-${facet}-${idSuffix}`;
  const checked = selected(state, facet).includes(entry.value);
  const input = h('input', {
    type: 'checkbox',
    id,
    checked,
    attrs: { 'data-key': `facet|${facet}|${entry.value}`, 'data-facet': facet, 'data-value': entry.value },
    on: { change: (ev) => onToggle(facet, entry.value, ev.target.checked) },
  });
  const count = `${estimated && entry.count > 0 ? '≈' : ''}${formatCount(entry.count)}`;
  return h(
    'li',
    { class: `facet-item${checked ? ' checked' : ''}${entry.count === 0 ? ' zero' : ''}` },
    input,
    h(
      'label',
      { attrs: { for: id } },
      h('span', { class: 'facet-label', text: entry.label }),
      h('span', { class: 'count', text: count, attrs: { 'aria-label': `${estimated ? 'khoảng ' : ''}${formatCount(entry.count)} kết quả` } }),
    ),
  );
}

function moreButton(key, hiddenCount, rerender) {
  const open = ui.expanded.has(key);
  return h('button', {
    type: 'button',
    class: 'link-button more',
    text: open ? 'Thu gọn' : `Xem thêm (${hiddenCount})`,
    attrs: { 'aria-expanded': String(open), 'data-key': `more|${key}` },
    on: {
      click: () => {
        if (open) ui.expanded.delete(key);
        else ui.expanded.add(key);
        rerender();
      },
    },
  });
}

/** The box that narrows one facet's list; typing in a list the API cut short asks for all of it. */
function filterBox(facet, more, rerender) {
  const id = `filter-${facet}`;
  const title = facetTitle(facet).toLowerCase();
  return [
    h('label', { class: 'visually-hidden', attrs: { for: id }, text: `Lọc danh sách ${title}` }),
    h('input', {
      type: 'search',
      id,
      class: 'facet-filter',
      value: ui.filter[facet] || '',
      placeholder: `Lọc ${title}…`,
      autocomplete: 'off',
      attrs: { 'data-key': `filter|${facet}`, 'data-facet-filter': facet },
      on: {
        input: (ev) => {
          ui.filter[facet] = ev.target.value;
          if (more.truncated) more.needAll();
          rerender();
        },
      },
    }),
  ];
}

function matcher(facet, state) {
  const needle = fold((ui.filter[facet] || '').trim());
  return (e) => !needle || fold(`${e.label} ${e.value}`).includes(needle) || selected(state, facet).includes(e.value);
}

function noneLeft(more, facet) {
  return h('p', { class: 'facet-none', text: more.loading ? 'Đang tải danh sách…' : `Không có ${facetTitle(facet).toLowerCase()} phù hợp.` });
}

function allButton(facet, more) {
  return h('button', {
    type: 'button',
    class: 'link-button more',
    text: `Xem tất cả ${facetTitle(facet).toLowerCase()}`,
    attrs: { 'data-key': `more|${facet}-all` },
    on: { click: () => more.needAll() },
  });
}

function simpleGroup(facet, entries, state, onToggle, rerender, more, estimated) {
  const list = order(facet, entries);
  const needle = (ui.filter[facet] || '').trim();
  const matching = list.filter(matcher(facet, state));
  const open = ui.expanded.has(facet) || Boolean(needle);
  // Selected entries always stay visible even when the list is collapsed.
  const visible = open ? matching : matching.filter((e, i) => i < SHOW_FIRST || selected(state, facet).includes(e.value));
  const children = [];
  if (more.box) children.push(...filterBox(facet, more, rerender));
  children.push(h('ul', { class: 'facet-list' }, visible.map((e) => checkbox(facet, e, state, onToggle, list.indexOf(e), estimated))));
  if (visible.length === 0) children.push(noneLeft(more, facet));
  if (!needle && (matching.length > visible.length || (open && matching.length > SHOW_FIRST))) children.push(moreButton(facet, matching.length - visible.length, rerender));
  if (more.truncated && !needle) children.push(allButton(facet, more));
  return children;
}

function districtGroup(entries, state, onToggle, rerender, more, estimated) {
  const facet = 'district';
  const needle = (ui.filter[facet] || '').trim();
  const matches = matcher(facet, state);
  const provinces = new Map();
  entries.forEach((e, i) => {
    const { province } = splitDistrict(e.value);
    if (!provinces.has(province)) provinces.set(province, []);
    provinces.get(province).push({ ...e, index: i });
  });
  // A district the query names ("Hoàng Mai") leads its province, and its province leads the list.
  const q = fold(state.q || '').trim();
  const named = (e) => (q.length > 1 && fold(e.label || '').includes(q) ? 1 : 0);
  const groups = [...provinces.entries()]
    .map(([province, list]) => ({
      province,
      list: order(facet, list).sort((a, b) => named(b) - named(a)),
      total: list.reduce((n, e) => n + e.count, 0),
      named: Math.max(...list.map(named)),
    }))
    .sort((a, b) => b.named - a.named || b.total - a.total || COLLATOR.compare(a.province, b.province));
  const children = more.box ? filterBox(facet, more, rerender) : [];
  let shown = 0;
  for (const g of groups) {
    const visible = g.list.filter(matches);
    if (visible.length === 0) continue;
    shown += visible.length;
    const key = `district:${g.province}`;
    const open = ui.expanded.has(key) || needle;
    const cut = open ? visible : visible.filter((e, i) => i < SHOW_FIRST_PER_PROVINCE || selected(state, facet).includes(e.value));
    const headingId = `prov-${g.list[0].index}`;
    children.push(
      h(
        'div',
        { class: 'province' },
        h('h4', { class: 'province-name', id: headingId, text: g.province || 'Khác' }),
        h('ul', { class: 'facet-list', attrs: { 'aria-labelledby': headingId } }, cut.map((e) => checkbox(facet, e, state, onToggle, e.index, estimated))),
        visible.length > cut.length || (open && !needle && visible.length > SHOW_FIRST_PER_PROVINCE) ? moreButton(key, visible.length - cut.length, rerender) : null,
      ),
    );
  }
  if (shown === 0) children.push(noneLeft(more, facet));
  if (more.truncated && !needle) children.push(allButton(facet, more));
  return children;
}

/**
 * Renders all facet groups into `container`. `labelOf(facet, value)` names values the response lacks;
 * `onToggle(facet, value, checked)` is called when a box changes; `full` holds every value of each
 * facet once asked for (`full.load()`), for the filter boxes.
 */
export function renderFacets(container, response, state, labelOf, onToggle, full = null) {
  const rerender = () => renderFacets(container, response, state, labelOf, onToggle, full);
  const active = document.activeElement;
  const focusKey = active && container.contains(active) ? active.getAttribute('data-key') : null;
  const selStart = focusKey && focusKey.startsWith('filter|') ? active.selectionStart : null;
  clear(container);
  const listed = response.facets || {};
  // The API's facets in its order, then any facet filtered on that the answer does not list.
  const dims = [...Object.keys(listed), ...Object.keys(state.filters).filter((f) => !(f in listed) && selected(state, f).length)];
  const estimated = response.totalRelation === 'gte';
  let any = false;
  for (const facet of dims) {
    const all = full && full.entries ? full.entries[facet] : null;
    const entries = entriesFor(facet, all || listed[facet], state, labelOf);
    // Facets without values (period, issuer on some indexes) are left out.
    if (entries.length === 0) continue;
    any = true;
    const truncated = !all && !WHOLE.has(facet) && (listed[facet] || []).length >= FACET_LIMIT;
    const more = {
      truncated,
      box: truncated || entries.length > FILTER_BOX_OVER,
      loading: Boolean(full && full.loading),
      needAll: () => full && full.load(),
    };
    const body =
      facet === 'district'
        ? districtGroup(entries, state, onToggle, rerender, more, estimated)
        : simpleGroup(facet, entries, state, onToggle, rerender, more, estimated);
    container.append(
      h('fieldset', { class: `facet facet-${facet}`, attrs: { 'data-facet': facet } }, h('legend', { id: `facet-${facet}-title`, text: facetTitle(facet) }), body),
    );
  }
  if (estimated && any) container.prepend(h('p', { class: 'facet-note', text: 'Số đếm là ước tính từ một phần kết quả.' }));
  if (!any) container.append(h('p', { class: 'facet-none', text: 'Không có bộ lọc cho kết quả này.' }));
  if (focusKey) {
    const el = [...container.querySelectorAll('[data-key]')].find((e) => e.getAttribute('data-key') === focusKey);
    if (el) {
      el.focus();
      if (selStart !== null) el.setSelectionRange(selStart, selStart);
    }
  }
}
