// The search page controller: URL state → API call → rendering, plus the event wiring.
import * as api from './api.js';
import { h, clear, appendSnippet } from './dom.js';
import { formatCount, formatDate, formatTook, quarterLabel } from './format.js';
import { FACETS, parseState, stateToUrl, stateToApiQuery, cloneState, newState, filterCount } from './state.js';
import { renderFacets, FACET_TITLES } from './facets.js';
import { renderTimeline } from './timeline.js';
import { renderDocument, renderDocumentMessage } from './docview.js';

const TYPING_DELAY_MS = 250;
const CHIPS_PER_KIND = 4;
const $ = (id) => document.getElementById(id);

const el = {
  form: $('search-form'),
  q: $('q'),
  sort: $('sort'),
  from: $('from'),
  to: $('to'),
  searchView: $('search-view'),
  docView: $('doc-view'),
  facets: $('facets'),
  facetGroups: $('facet-groups'),
  drawerToggle: $('drawer-toggle'),
  drawerClose: $('drawer-close'),
  drawerDone: $('drawer-done'),
  backdrop: $('drawer-backdrop'),
  filterCount: $('filter-count'),
  suggestion: $('suggestion'),
  summary: $('summary'),
  active: $('active-filters'),
  timeline: $('timeline'),
  timelineChart: $('timeline-chart'),
  status: $('status'),
  error: $('error'),
  hits: $('hits'),
  pagination: $('pagination'),
  health: $('health'),
  header: document.querySelector('.site-header'),
  resultsPane: $('results-pane'),
};

let state = parseState(location.search);
let lastResponse = null;
let inflight = null;
let requestSeq = 0;
let typingTimer = 0;
// While the reader keeps typing, each pause replaces the history entry instead of adding one.
let typingSession = false;
// Labels seen in any response, to name selected values that the current response does not list.
const labels = new Map();

/** Marks the page's phase for assistive tech, styling and the browser tests. */
function setPhase(phase) {
  document.body.dataset.phase = phase;
}

function labelOf(facet, value) {
  const known = labels.get(`${facet}|${value}`);
  if (known) return known;
  if (facet === 'quarter' || facet === 'period') return quarterLabel(value);
  return value;
}

function rememberLabels(response) {
  for (const [facet, entries] of Object.entries(response.facets || {})) {
    for (const e of entries || []) if (e.label) labels.set(`${facet}|${e.value}`, e.label);
  }
  for (const hit of response.hits || []) {
    for (const d of hit.districts || []) if (d.label) labels.set(`district|${d.value}`, d.label);
  }
}

// ---------------------------------------------------------------- navigation

function currentUrl() {
  return location.pathname + location.search;
}

/** Moves to `next`, recording it in history, and shows it. */
function navigate(next, { replace = false, force = false } = {}) {
  const url = stateToUrl(next);
  const changed = url !== currentUrl();
  if (changed) {
    if (replace) history.replaceState({ vnpress: true }, '', url);
    else history.pushState({ vnpress: true, from: currentUrl() }, '', url);
  }
  state = next;
  if (changed || force) route();
}

function route() {
  if (el.q.value.trim() !== state.q.trim() && document.activeElement !== el.q) el.q.value = state.q;
  if (state.doc) showDocument();
  else showSearch();
}

window.addEventListener('popstate', () => {
  typingSession = false;
  clearTimeout(typingTimer);
  state = parseState(location.search);
  el.q.value = state.q;
  route();
});

// Internal links carry real URLs (so they open in new tabs and can be copied) but navigate in place.
document.addEventListener('click', (ev) => {
  const a = ev.target.closest && ev.target.closest('a[data-nav], a[data-back]');
  if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  ev.preventDefault();
  typingSession = false;
  if (a.hasAttribute('data-back') && history.state && history.state.from === a.getAttribute('href')) {
    history.back();
    return;
  }
  const url = new URL(a.href);
  navigate(parseState(url.search));
  // A new page of results starts at its top, not where the pager was.
  if (a.closest('#pagination')) el.searchView.scrollIntoView({ block: 'start' });
});

// "/" jumps to the search box from anywhere, as on most search sites.
document.addEventListener('keydown', (ev) => {
  if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const t = ev.target;
  if (t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement || (t && t.isContentEditable)) return;
  ev.preventDefault();
  el.q.focus();
  el.q.select();
});

// ---------------------------------------------------------------- search box and controls

el.q.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    const next = cloneState(state);
    next.q = el.q.value.trim();
    next.page = 1;
    next.doc = '';
    if (next.q === state.q && !state.doc) return;
    navigate(next, { replace: typingSession });
    typingSession = true;
  }, TYPING_DELAY_MS);
});

el.form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  clearTimeout(typingTimer);
  const next = cloneState(state);
  next.q = el.q.value.trim();
  next.page = 1;
  next.doc = '';
  // Enter always searches now, and ends the typing session so the next words get their own entry.
  navigate(next, { replace: typingSession, force: true });
  typingSession = false;
});

el.q.addEventListener('blur', () => {
  typingSession = false;
});

el.sort.addEventListener('change', () => {
  const next = cloneState(state);
  next.sort = el.sort.value;
  next.page = 1;
  navigate(next);
});

// Dates apply on change (picker closed or field left), not on every keystroke inside the field.
for (const key of ['from', 'to']) {
  el[key].addEventListener('change', () => {
    const value = el[key].value;
    if (value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    const next = cloneState(state);
    next[key] = value;
    next.page = 1;
    navigate(next);
  });
}

function toggleFilter(facet, value, checked) {
  const next = cloneState(state);
  const list = next.filters[facet].filter((v) => v !== value);
  if (checked) list.push(value);
  next.filters[facet] = list;
  next.page = 1;
  typingSession = false;
  navigate(next);
}

function pickQuarter(value) {
  const next = cloneState(state);
  const only = next.filters.quarter.length === 1 && next.filters.quarter[0] === value;
  next.filters.quarter = only ? [] : [value];
  next.page = 1;
  typingSession = false;
  navigate(next);
}

function clearFilters() {
  const next = cloneState(state);
  for (const f of FACETS) next.filters[f] = [];
  next.from = '';
  next.to = '';
  next.page = 1;
  navigate(next);
}

// ---------------------------------------------------------------- drawer (narrow screens)

const narrow = window.matchMedia('(max-width: 899px)');

function setDrawer(open) {
  el.facets.classList.toggle('open', open);
  el.backdrop.hidden = !open;
  el.drawerToggle.setAttribute('aria-expanded', String(open));
  document.body.classList.toggle('drawer-open', open);
  // Everything behind the open drawer is out of reach for keyboard and screen readers.
  el.resultsPane.inert = open;
  el.header.inert = open;
  if (open) el.drawerClose.focus();
}

el.drawerToggle.addEventListener('click', () => setDrawer(true));
el.drawerClose.addEventListener('click', () => {
  setDrawer(false);
  el.drawerToggle.focus();
});
el.drawerDone.addEventListener('click', () => {
  setDrawer(false);
  el.drawerToggle.focus();
});
el.backdrop.addEventListener('click', () => setDrawer(false));
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && el.facets.classList.contains('open')) {
    setDrawer(false);
    el.drawerToggle.focus();
  }
});
narrow.addEventListener('change', () => {
  if (!narrow.matches) setDrawer(false);
});

// The chart is laid out in pixels for its container's width, so it is redrawn when that width changes.
let chartWidth = 0;
new ResizeObserver((entries) => {
  const width = Math.round(entries[0].contentRect.width);
  if (width === chartWidth || width === 0) return;
  chartWidth = width;
  if (lastResponse && !state.doc) drawTimeline(lastResponse);
}).observe(el.timelineChart);

// ---------------------------------------------------------------- search view

function abortInflight() {
  if (inflight) inflight.abort();
  inflight = null;
}

async function showSearch() {
  el.docView.hidden = true;
  el.searchView.hidden = false;
  document.title = state.q ? `${state.q} — Tìm kiếm vnpress` : 'vnpress — Tìm kiếm thông cáo báo chí';
  el.sort.value = state.sort;
  el.from.value = state.from;
  el.to.value = state.to;
  renderActiveFilters();
  abortInflight();
  const seq = ++requestSeq;
  const controller = new AbortController();
  inflight = controller;
  setPhase('loading');
  el.resultsPane.setAttribute('aria-busy', 'true');
  el.status.className = 'status loading';
  el.status.textContent = 'Đang tìm kiếm…';
  el.error.hidden = true;
  try {
    const response = await api.search(stateToApiQuery(state), controller.signal);
    if (seq !== requestSeq) return;
    rememberLabels(response);
    lastResponse = response;
    renderResponse(response);
  } catch (e) {
    if (e.name === 'AbortError' || seq !== requestSeq) return;
    renderError(e);
  } finally {
    if (seq === requestSeq) {
      inflight = null;
      el.resultsPane.removeAttribute('aria-busy');
    }
  }
}

function renderResponse(r) {
  const total = Number(r.total) || 0;
  el.status.className = 'status';
  el.status.textContent = '';
  el.summary.textContent =
    total === 0
      ? ''
      : `${state.q ? `Tìm thấy ${formatCount(total)} kết quả` : `Có ${formatCount(total)} thông cáo, mới nhất trước`}${Number.isFinite(r.tookMs) ? ` (${formatTook(r.tookMs)})` : ''}`;
  renderSuggestion(r.suggestion);
  renderActiveFilters();
  el.drawerDone.textContent = total === 0 ? 'Không có kết quả' : `Xem ${formatCount(total)} kết quả`;
  renderFacets(el.facetGroups, r, state, labelOf, toggleFilter, allDistrictsFor(r));
  drawTimeline(r);
  renderHits(r.hits || []);
  renderPagination(total);
  if (total === 0) renderEmpty(r);
  setPhase(total === 0 ? 'empty' : 'ready');
}

// The full district list for the current search, fetched on demand (filter box, "see all").
let allDistricts = { key: '', entries: null, loading: false };

function allDistrictsFor(r) {
  const key = stateToApiQuery(state);
  if (allDistricts.key !== key) allDistricts = { key, entries: null, loading: false };
  const holder = allDistricts;
  holder.load = () => {
    if (holder.entries || holder.loading) return;
    holder.loading = true;
    const p = new URLSearchParams(key);
    p.set('size', '1');
    p.set('page', '1');
    p.set('facetLimit', '1000');
    api
      .search(p.toString())
      .then((full) => {
        holder.entries = (full.facets && full.facets.district) || [];
        rememberLabels(full);
      })
      .catch(() => {
        // Keep the top districts; the search itself reports real errors.
        holder.entries = (r.facets && r.facets.district) || [];
      })
      .finally(() => {
        holder.loading = false;
        if (allDistricts === holder && lastResponse === r && !state.doc) {
          renderFacets(el.facetGroups, r, state, labelOf, toggleFilter, holder);
        }
      });
  };
  return holder;
}

function drawTimeline(r) {
  const focused = document.activeElement && el.timelineChart.contains(document.activeElement) ? document.activeElement.getAttribute('data-key') : null;
  el.timeline.hidden = false;
  const drawn = renderTimeline(el.timelineChart, (r.facets && r.facets.quarter) || [], state.filters.quarter, pickQuarter);
  el.timeline.hidden = !drawn;
  if (focused) {
    const bar = [...el.timelineChart.querySelectorAll('[data-key]')].find((b) => b.getAttribute('data-key') === focused);
    if (bar) bar.focus();
  }
}

function renderSuggestion(suggestion) {
  clear(el.suggestion);
  if (!suggestion || suggestion === state.q) {
    el.suggestion.hidden = true;
    return;
  }
  const next = cloneState(state);
  next.q = suggestion;
  next.page = 1;
  el.suggestion.append('Có phải bạn muốn tìm: ', h('a', { href: stateToUrl(next), attrs: { 'data-nav': '', lang: 'vi' } }, h('strong', { text: suggestion })), '?');
  el.suggestion.hidden = false;
}

function renderActiveFilters() {
  clear(el.active);
  const chips = [];
  for (const f of FACETS) {
    for (const v of state.filters[f]) {
      const label = labelOf(f, v);
      chips.push(
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'chip removable',
              attrs: { 'aria-label': `Bỏ lọc ${FACET_TITLES[f]}: ${label}`, 'data-facet': f, 'data-value': v },
              on: { click: () => toggleFilter(f, v, false) },
            },
            h('span', { class: 'chip-facet', text: `${FACET_TITLES[f]}: ` }),
            label,
            h('span', { class: 'chip-x', attrs: { 'aria-hidden': 'true' }, text: '×' }),
          ),
        ),
      );
    }
  }
  for (const [key, title] of [['from', 'Từ ngày'], ['to', 'Đến ngày']]) {
    if (!state[key]) continue;
    chips.push(
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'chip removable',
            attrs: { 'aria-label': `Bỏ lọc ${title}: ${state[key]}` },
            on: {
              click: () => {
                const next = cloneState(state);
                next[key] = '';
                next.page = 1;
                navigate(next);
              },
            },
          },
          h('span', { class: 'chip-facet', text: `${title}: ` }),
          formatDate(state[key], 'day'),
          h('span', { class: 'chip-x', attrs: { 'aria-hidden': 'true' }, text: '×' }),
        ),
      ),
    );
  }
  const n = filterCount(state);
  el.filterCount.hidden = n === 0;
  el.filterCount.textContent = n ? String(n) : '';
  el.drawerToggle.setAttribute('aria-label', n ? `Bộ lọc, đang chọn ${n}` : 'Bộ lọc');
  if (chips.length === 0) {
    el.active.hidden = true;
    return;
  }
  el.active.append(
    h('span', { class: 'active-title', id: 'active-title', text: 'Đang lọc:' }),
    h('ul', { class: 'chip-list', attrs: { 'aria-labelledby': 'active-title' } }, chips),
    h('button', { type: 'button', class: 'link-button clear-all', text: 'Xóa tất cả', on: { click: clearFilters } }),
  );
  el.active.hidden = false;
}

function docUrl(id) {
  const s = newState(state.q);
  s.doc = id;
  return stateToUrl(s);
}

function filterLink(facet, value, text, extraClass) {
  const next = cloneState(state);
  if (!next.filters[facet].includes(value)) next.filters[facet].push(value);
  next.page = 1;
  return h('a', { class: `chip ${extraClass}`, href: stateToUrl(next), text, attrs: { 'data-nav': '', title: `Lọc theo ${FACET_TITLES[facet].toLowerCase()} này` } });
}

/** The result's title as a link; `titleHtml` carries the query's <mark>s in the same escaped form as snippets. */
function hitTitleLink(hit) {
  const a = h('a', { href: docUrl(hit.id), attrs: { 'data-nav': '' } });
  if (hit.titleHtml) appendSnippet(a, hit.titleHtml);
  else a.textContent = hit.title || 'Không có tiêu đề';
  return a;
}

function renderHits(hits) {
  clear(el.hits);
  hits.forEach((hit, i) => {
    const date = formatDate(hit.date, hit.datePrecision);
    // Omnibus resolutions name dozens of units and documents; a few chips say enough in a list.
    const capped = (list, make) => {
      const shown = list.slice(0, CHIPS_PER_KIND).map(make);
      if (list.length > CHIPS_PER_KIND) shown.push(h('span', { class: 'chip chip-more', text: `+${list.length - CHIPS_PER_KIND}`, attrs: { title: 'Xem đầy đủ trong văn bản' } }));
      return shown;
    };
    const chips = [
      ...capped(hit.districts || [], (d) => filterLink('district', d.value, d.label || d.value, 'chip-district')),
      ...capped(hit.documents || [], (d) => filterLink('document', d.value, d.value, 'chip-document')),
    ];
    const meta = [
      date ? h('time', { attrs: { datetime: hit.date }, text: date }) : null,
      hit.source ? h('span', { class: 'source', text: hit.source }) : null,
    ].filter(Boolean);
    el.hits.append(
      h(
        'li',
        { class: 'hit', attrs: { 'data-id': hit.id } },
        h('h3', { class: 'hit-title' }, hitTitleLink(hit)),
        meta.length ? h('p', { class: 'hit-meta' }, meta.flatMap((m, k) => (k ? [h('span', { class: 'sep', attrs: { 'aria-hidden': 'true' }, text: ' · ' }), m] : [m]))) : null,
        hit.snippet ? appendSnippet(h('p', { class: 'snippet' }), hit.snippet) : null,
        chips.length ? h('ul', { class: 'chips', attrs: { 'aria-label': 'Quận/huyện và văn bản' } }, chips.map((c) => h('li', {}, c))) : null,
      ),
    );
    if (i === 0) el.hits.setAttribute('start', String((state.page - 1) * state.size + 1));
  });
}

function renderEmpty(r) {
  el.status.className = 'status empty';
  clear(el.status);
  const tips = [];
  if (r.suggestion && r.suggestion !== state.q) {
    const next = cloneState(state);
    next.q = r.suggestion;
    next.page = 1;
    tips.push(h('li', {}, 'Có phải bạn muốn tìm: ', h('a', { href: stateToUrl(next), attrs: { 'data-nav': '' }, text: r.suggestion }), '?'));
  }
  if (filterCount(state) > 0) {
    tips.push(h('li', {}, 'Bỏ bớt bộ lọc hoặc ', h('button', { type: 'button', class: 'link-button', text: 'xóa tất cả bộ lọc', on: { click: clearFilters } }), '.'));
  }
  tips.push(h('li', { text: 'Kiểm tra lại chính tả, hoặc gõ không dấu để tìm cả các cách viết khác.' }));
  tips.push(h('li', { text: 'Dùng ít từ hơn, hoặc tìm theo số văn bản, ví dụ 15-NQ/TW.' }));
  el.status.append(
    h('h2', { class: 'empty-title', text: 'Không tìm thấy kết quả' }),
    state.q ? h('p', {}, 'Không có thông cáo nào khớp với “', h('strong', { text: state.q }), '”.') : null,
    h('ul', { class: 'tips' }, tips),
  );
}

function renderError(e) {
  setPhase('error');
  el.status.className = 'status';
  el.status.textContent = '';
  clear(el.error);
  el.error.append(
    h('h2', { text: 'Không thể tải kết quả' }),
    h('p', { text: e.message || 'Đã xảy ra lỗi không xác định.' }),
    h('button', { type: 'button', class: 'button', text: 'Thử lại', on: { click: () => showSearch() } }),
  );
  el.error.hidden = false;
  clear(el.hits);
  el.pagination.hidden = true;
  el.summary.textContent = '';
}

function pageLink(page, text, label, current) {
  const next = cloneState(state);
  next.page = page;
  if (current) return h('span', { class: 'page current', attrs: { 'aria-current': 'page', 'aria-label': `Trang ${page}` }, text });
  return h('a', { class: 'page', href: stateToUrl(next), text, attrs: { 'data-nav': '', 'aria-label': label } });
}

function renderPagination(total) {
  clear(el.pagination);
  const pages = Math.ceil(total / state.size);
  if (pages <= 1) {
    el.pagination.hidden = true;
    return;
  }
  const p = Math.min(state.page, pages);
  const wanted = new Set([1, pages, p - 1, p, p + 1].filter((n) => n >= 1 && n <= pages));
  const items = [];
  if (p > 1) items.push(pageLink(p - 1, '‹ Trước', 'Trang trước'));
  let prev = 0;
  for (const n of [...wanted].sort((a, b) => a - b)) {
    if (n - prev > 1) items.push(h('span', { class: 'gap', attrs: { 'aria-hidden': 'true' }, text: '…' }));
    items.push(pageLink(n, String(n), `Trang ${n}`, n === p));
    prev = n;
  }
  if (p < pages) items.push(pageLink(p + 1, 'Sau ›', 'Trang sau'));
  el.pagination.append(h('ul', {}, items.map((i) => h('li', {}, i))));
  el.pagination.hidden = false;
}

// ---------------------------------------------------------------- document view

async function showDocument() {
  el.searchView.hidden = true;
  el.docView.hidden = false;
  setDrawer(false);
  abortInflight();
  const seq = ++requestSeq;
  const controller = new AbortController();
  inflight = controller;
  // Back goes to the exact search the reader came from when there is one, else to a search for the query.
  const from = history.state && history.state.from;
  const backUrl = from && !from.includes('doc=') ? from : stateToUrl(newState(state.q));
  setPhase('loading');
  renderDocumentMessage(el.docView, 'Đang tải văn bản…', backUrl, false);
  try {
    const doc = await api.getDocument(state.doc, controller.signal);
    if (seq !== requestSeq) return;
    const heading = renderDocument(el.docView, doc, state.q, backUrl);
    heading.focus();
    window.scrollTo(0, 0);
    setPhase('ready');
  } catch (e) {
    if (e.name === 'AbortError' || seq !== requestSeq) return;
    renderDocumentMessage(el.docView, e.message, backUrl, true);
    setPhase('error');
  }
}

// ---------------------------------------------------------------- start

async function showHealth() {
  try {
    const hlt = await api.health();
    if (Number.isFinite(hlt.documents)) el.health.textContent = `Chỉ mục có ${formatCount(hlt.documents)} thông cáo.`;
  } catch {
    // The footer figure is a courtesy; the search itself reports errors.
  }
}

el.q.value = state.q;
history.replaceState({ vnpress: true }, '', currentUrl());
route();
showHealth();
