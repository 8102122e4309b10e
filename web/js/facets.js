// The facet sidebar: one group of checkboxes per facet, with counts from the API's drill-sideways facets.
import { h, clear } from './dom.js';
import { formatCount, parseQuarter, splitDistrict } from './format.js';
import { FACETS, FACET_LIMIT } from './state.js';
import { fold } from './highlight.js';

/** Sidebar headings, also used in the active-filter chips. */
export const FACET_TITLES = {
  district: 'Quận/huyện',
  place: 'Phường/xã',
  quarter: 'Quý',
  year: 'Năm',
  doctype: 'Loại văn bản',
  document: 'Văn bản',
  period: 'Kỳ báo cáo',
  issuer: 'Cơ quan ban hành',
};

const COLLATOR = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
const SHOW_FIRST = 8;
// Districts come grouped by province, so each group starts shorter.
const SHOW_FIRST_PER_PROVINCE = 5;

/** Sidebar state that survives re-rendering: the district filter text and the expanded groups. */
const ui = { districtFilter: '', expanded: new Set() };

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
function entriesFor(facet, response, state, labelOf) {
  const entries = (response.facets && response.facets[facet]) || [];
  const seen = new Set(entries.map((e) => e.value));
  const extra = state.filters[facet].filter((v) => !seen.has(v)).map((v) => ({ value: v, label: labelOf(facet, v), count: 0 }));
  return [...entries.map((e) => ({ value: e.value, label: e.label || e.value, count: e.count })), ...extra];
}

function checkbox(facet, entry, state, onToggle, idSuffix) {
  const id = `f-${facet}-${idSuffix}`;
  const checked = state.filters[facet].includes(entry.value);
  const input = h('input', {
    type: 'checkbox',
    id,
    checked,
    attrs: { 'data-key': `facet|${facet}|${entry.value}`, 'data-facet': facet, 'data-value': entry.value },
    on: { change: (ev) => onToggle(facet, entry.value, ev.target.checked) },
  });
  return h(
    'li',
    { class: `facet-item${checked ? ' checked' : ''}${entry.count === 0 ? ' zero' : ''}` },
    input,
    h('label', { attrs: { for: id } }, h('span', { class: 'facet-label', text: entry.label }), h('span', { class: 'count', text: formatCount(entry.count), attrs: { 'aria-label': `${formatCount(entry.count)} kết quả` } })),
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

function simpleGroup(facet, entries, state, onToggle, rerender) {
  const list = order(facet, entries);
  const open = ui.expanded.has(facet);
  // Selected entries always stay visible even when the list is collapsed.
  const visible = open ? list : list.filter((e, i) => i < SHOW_FIRST || state.filters[facet].includes(e.value));
  const ul = h('ul', { class: 'facet-list' }, visible.map((e, i) => checkbox(facet, e, state, onToggle, i)));
  return [ul, list.length > visible.length || open && list.length > SHOW_FIRST ? moreButton(facet, list.length - visible.length, rerender) : null];
}

function districtGroup(entries, state, onToggle, rerender, more) {
  const filterId = 'district-filter';
  const needle = ui.districtFilter.trim();
  const matches = (e) => !needle || fold(`${e.label} ${e.value}`).includes(fold(needle)) || state.filters.district.includes(e.value);
  const provinces = new Map();
  entries.forEach((e, i) => {
    const { province } = splitDistrict(e.value);
    if (!provinces.has(province)) provinces.set(province, []);
    provinces.get(province).push({ ...e, index: i });
  });
  // A district the query names ("Hoàng Mai") leads its province, and its province leads the list.
  const q = fold(state.q || '').trim();
  const named = (e) => q.length > 1 && fold(e.label || '').includes(q) ? 1 : 0;
  const groups = [...provinces.entries()]
    .map(([province, list]) => ({
      province,
      list: order('district', list).sort((a, b) => named(b) - named(a)),
      total: list.reduce((n, e) => n + e.count, 0),
      named: Math.max(...list.map(named)),
    }))
    .sort((a, b) => b.named - a.named || b.total - a.total || COLLATOR.compare(a.province, b.province));
  const input = h('input', {
    type: 'search',
    id: filterId,
    class: 'facet-filter',
    value: ui.districtFilter,
    placeholder: 'Lọc quận/huyện…',
    autocomplete: 'off',
    attrs: { 'data-key': 'district-filter' },
    on: {
      input: (ev) => {
        ui.districtFilter = ev.target.value;
        // The response holds only the top districts; searching the list needs all of them.
        if (more.truncated) more.needAll();
        rerender();
      },
    },
  });
  const children = [h('label', { class: 'visually-hidden', attrs: { for: filterId }, text: 'Lọc danh sách quận/huyện' }), input];
  let shown = 0;
  for (const g of groups) {
    const visible = g.list.filter(matches);
    if (visible.length === 0) continue;
    shown += visible.length;
    const key = `district:${g.province}`;
    const open = ui.expanded.has(key) || needle;
    const cut = open ? visible : visible.filter((e, i) => i < SHOW_FIRST_PER_PROVINCE || state.filters.district.includes(e.value));
    const headingId = `prov-${g.list[0].index}`;
    children.push(
      h(
        'div',
        { class: 'province' },
        h('h4', { class: 'province-name', id: headingId, text: g.province || 'Khác' }),
        h('ul', { class: 'facet-list', attrs: { 'aria-labelledby': headingId } }, cut.map((e) => checkbox('district', e, state, onToggle, e.index))),
        visible.length > cut.length || (open && !needle && visible.length > SHOW_FIRST_PER_PROVINCE) ? moreButton(key, visible.length - cut.length, rerender) : null,
      ),
    );
  }
  if (shown === 0) children.push(h('p', { class: 'facet-none', text: more.loading ? 'Đang tải danh sách…' : 'Không có quận/huyện phù hợp.' }));
  if (more.truncated && !needle) {
    children.push(
      h('button', {
        type: 'button',
        class: 'link-button more',
        text: 'Xem tất cả quận/huyện',
        attrs: { 'data-key': 'more|district-all' },
        on: { click: () => more.needAll() },
      }),
    );
  }
  return children;
}

/**
 * Renders all facet groups into `container`. `labelOf(facet, value)` names values the response lacks;
 * `onToggle(facet, value, checked)` is called when a box changes.
 */
export function renderFacets(container, response, state, labelOf, onToggle, allDistricts = null) {
  const rerender = () => renderFacets(container, response, state, labelOf, onToggle, allDistricts);
  const focusKey = document.activeElement && container.contains(document.activeElement) ? document.activeElement.getAttribute('data-key') : null;
  const selStart = focusKey === 'district-filter' ? document.activeElement.selectionStart : null;
  clear(container);
  let any = false;
  for (const facet of FACETS) {
    const source = facet === 'district' && allDistricts && allDistricts.entries ? { facets: { district: allDistricts.entries } } : response;
    const entries = entriesFor(facet, source, state, labelOf);
    // period and issuer are optional in the API: show them only when the response has them.
    if (entries.length === 0) continue;
    any = true;
    const legendId = `facet-${facet}-title`;
    const more = {
      truncated: !(allDistricts && allDistricts.entries) && ((response.facets && response.facets.district) || []).length >= FACET_LIMIT,
      loading: Boolean(allDistricts && allDistricts.loading),
      needAll: () => allDistricts && allDistricts.load(),
    };
    const body = facet === 'district' ? districtGroup(entries, state, onToggle, rerender, more) : simpleGroup(facet, entries, state, onToggle, rerender);
    container.append(
      h('fieldset', { class: `facet facet-${facet}`, attrs: { 'data-facet': facet } }, h('legend', { id: legendId, text: FACET_TITLES[facet] }), body),
    );
  }
  if (!any) container.append(h('p', { class: 'facet-none', text: 'Không có bộ lọc cho kết quả này.' }));
  if (focusKey) {
    const el = [...container.querySelectorAll('[data-key]')].find((e) => e.getAttribute('data-key') === focusKey);
    if (el) {
      el.focus();
      if (selStart !== null) el.setSelectionRange(selStart, selStart);
    }
  }
}
