// The search page controller: URL state → API call → rendering, plus the event wiring.
import * as api from './api.js';
import { h, clear, appendSnippet } from './dom.js';
import { formatCount, formatDate, formatTook, formatTotal, quarterLabel, sourceLabel, splitDistrict } from './format.js';
import {
  parseState,
  stateToUrl,
  stateToApiQuery,
  stateToSearchQuery,
  cloneState,
  newState,
  firstPage,
  filterCount,
  filterDims,
  selected,
  effectiveSort,
  isLanding,
  maxPage,
  MAX_DEPTH,
} from './state.js';
import { renderFacets, facetTitle } from './facets.js';
import { renderTimeline } from './timeline.js';
import { renderDocument, renderDocumentMessage, renderDocumentNotFound } from './docview.js';
import { renderCitation, renderPerson, citationUrl, personUrl } from './factview.js';
import { fold } from './highlight.js';
import { attachCompletion } from './suggest.js';

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
  intro: $('intro'),
  suggestion: $('suggestion'),
  summary: $('summary'),
  notes: $('summary-notes'),
  active: $('active-filters'),
  timeline: $('timeline'),
  timelineChart: $('timeline-chart'),
  timelineNote: $('timeline-note'),
  status: $('status'),
  error: $('error'),
  hitsHeading: $('hits-heading'),
  hits: $('hits'),
  pagination: $('pagination'),
  takeAway: $('take-away'),
  feedLink: $('feed-link'),
  health: $('health'),
  header: document.querySelector('.site-header'),
  resultsPane: $('results-pane'),
  skip: $('skip-link'),
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
// Where focus and scroll were when the reader left an entry, restored when Back or Forward returns to it.
let restoring = null;

// The page re-renders after each answer, later than the browser would restore the scroll position.
if ('scrollRestoration' in history) history.scrollRestoration = 'manual';

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

/** The element to give focus back to on return: anything the page marks with data-key. */
function focusKey() {
  const a = document.activeElement;
  if (!a || a === document.body) return null;
  const keyed = a.closest && a.closest('[data-key]');
  return keyed ? keyed.getAttribute('data-key') : a.id ? `#${a.id}` : null;
}

/** Notes in the current history entry where the reader is, before leaving it. */
function rememberPosition() {
  const here = { ...(history.state || {}), vnpress: true, focus: focusKey(), scroll: window.scrollY };
  history.replaceState(here, '', currentUrl());
}

/** Moves to `next`, recording it in history, and shows it. */
function navigate(next, { replace = false, force = false } = {}) {
  const url = stateToUrl(next);
  const changed = url !== currentUrl();
  if (changed) {
    if (replace) history.replaceState({ vnpress: true }, '', url);
    else {
      rememberPosition();
      history.pushState({ vnpress: true, from: currentUrl() }, '', url);
    }
  }
  state = next;
  if (changed || force) route();
}

function route() {
  if (el.q.value.trim() !== state.q.trim() && document.activeElement !== el.q) el.q.value = state.q;
  if (state.doc) showDocument();
  else if (state.cite) showCitation();
  else if (state.who) showPerson();
  else showSearch();
}

window.addEventListener('popstate', (ev) => {
  typingSession = false;
  clearTimeout(typingTimer);
  state = parseState(location.search);
  el.q.value = state.q;
  restoring = ev.state && (ev.state.focus || ev.state.scroll) ? { focus: ev.state.focus, scroll: ev.state.scroll || 0 } : null;
  route();
});

/** Gives focus and scroll back as they were when the reader left this entry (after Back or Forward). */
function restorePosition() {
  const r = restoring;
  restoring = null;
  if (!r) return false;
  let target = null;
  if (r.focus && r.focus.startsWith('#')) target = document.getElementById(r.focus.slice(1));
  else if (r.focus) target = [...document.querySelectorAll('[data-key]')].find((e) => e.getAttribute('data-key') === r.focus);
  if (target && target.matches('[data-key]:not(a, input, button, [tabindex])')) target = target.querySelector('a, input, button') || target;
  window.scrollTo(0, r.scroll);
  if (target) target.focus({ preventScroll: true });
  return Boolean(target);
}

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

// The skip link moves focus to the results without a hash change (which would count as navigation).
el.skip.addEventListener('click', (ev) => {
  ev.preventDefault();
  const inView = state.doc || state.cite || state.who;
  const target = inView ? el.docView.querySelector('h1') || el.docView : el.hits.querySelector('.hit-title a') ? el.hits : el.resultsPane;
  target.focus();
  target.scrollIntoView({ block: 'start' });
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

function typedSearch() {
  const next = firstPage(state);
  next.q = el.q.value.trim();
  next.doc = '';
  return next;
}

el.q.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    const next = typedSearch();
    if (next.q === state.q && !state.doc) return;
    navigate(next, { replace: typingSession });
    typingSession = true;
  }, TYPING_DELAY_MS);
});

el.form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  clearTimeout(typingTimer);
  completion.close();
  // Enter always searches now, and ends the typing session so the next words get their own entry.
  navigate(typedSearch(), { replace: typingSession, force: true });
  typingSession = false;
});

el.q.addEventListener('blur', () => {
  typingSession = false;
});

/** A completion the reader chose: a district or a document becomes a filter, a phrase the query. */
function pickCompletion(c) {
  clearTimeout(typingTimer);
  const next = typedSearch();
  if ((c.kind === 'district' || c.kind === 'document') && c.value) {
    next.q = '';
    if (!selected(next, c.kind).includes(c.value)) next.filters[c.kind] = [...selected(next, c.kind), c.value];
  } else {
    next.q = c.text;
  }
  el.q.value = next.q;
  navigate(next, { replace: typingSession, force: true });
  typingSession = false;
}

const completion = attachCompletion(el.q, $('q-completions'), $('q-completions-status'), {
  fetch: (prefix, signal) => api.suggest(prefix, signal),
  onPick: pickCompletion,
});

el.sort.addEventListener('change', () => {
  const next = firstPage(state);
  next.sort = el.sort.value;
  navigate(next);
});

// Dates apply on change (picker closed or field left), not on every keystroke inside the field.
for (const key of ['from', 'to']) {
  el[key].addEventListener('change', () => {
    const value = el[key].value;
    if (value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    const next = firstPage(state);
    next[key] = value;
    navigate(next);
  });
}

function toggleFilter(facet, value, checked) {
  const next = firstPage(state);
  const list = selected(next, facet).filter((v) => v !== value);
  if (checked) list.push(value);
  next.filters[facet] = list;
  typingSession = false;
  navigate(next);
}

function pickQuarter(value) {
  const next = firstPage(state);
  const only = selected(next, 'quarter').length === 1 && next.filters.quarter[0] === value;
  next.filters.quarter = only ? [] : [value];
  typingSession = false;
  navigate(next);
}

function clearFilters() {
  const next = firstPage(state);
  next.filters = {};
  next.from = '';
  next.to = '';
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
  // A page number beyond the API's depth cannot be answered without a cursor: show the last one that can.
  if (state.page > maxPage(state.size) && !state.cursor) {
    const last = cloneState(state);
    last.page = maxPage(state.size);
    history.replaceState({ vnpress: true }, '', stateToUrl(last));
    state = last;
  }
  el.sort.value = effectiveSort(state);
  // "Most relevant" needs words to be relevant to.
  el.sort.querySelector('option[value=relevance]').disabled = !state.q;
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

/** How many of the results have no date: the API says so; an older one is read from the year facet. */
function undatedOf(r) {
  if (Number.isFinite(r.undated)) return r.undated;
  const years = (r.facets && r.facets.year) || null;
  if (!years || selected(state, 'year').length || r.totalRelation === 'gte') return null;
  return Math.max(0, (Number(r.total) || 0) - years.reduce((n, y) => n + y.count, 0));
}

function renderResponse(r) {
  const total = Number(r.total) || 0;
  const undated = undatedOf(r);
  el.status.className = 'status';
  el.status.textContent = '';
  renderSummary(r, total, undated);
  renderSuggestion(r.suggestion);
  renderActiveFilters();
  el.drawerDone.textContent = total === 0 ? 'Không có kết quả' : `Xem ${formatTotal(total, r.totalRelation)} kết quả`;
  renderFacets(el.facetGroups, r, state, labelOf, toggleFilter, fullValuesFor(r));
  drawTimeline(r);
  renderTimelineNote(undated, r.totalRelation);
  renderIntro(r);
  el.hitsHeading.textContent = isLanding(state) ? 'Thông cáo mới nhất' : 'Kết quả tìm kiếm';
  renderHits(r.hits || []);
  renderPagination(r, total);
  renderTakeAway(total);
  if (total === 0) renderEmpty(r);
  else if ((r.hits || []).length === 0) renderPastTheEnd();
  setPhase(total === 0 ? 'empty' : 'ready');
  restorePosition();
}

function renderSummary(r, total, undated) {
  if (total === 0) {
    el.summary.textContent = '';
  } else {
    const count = formatTotal(total, r.totalRelation);
    const about = r.totalRelation === 'gte' ? 'khoảng ' : '';
    const dates = undated ? `, trong đó ${about}${formatCount(undated)} không rõ ngày${effectiveSort(state) === 'date' ? ' (xếp cuối)' : ''}` : '';
    const took = Number.isFinite(r.tookMs) ? ` (${formatTook(r.tookMs)})` : '';
    el.summary.textContent = `${state.q ? `Tìm thấy ${count} kết quả` : `Có ${count} thông cáo`}${dates}${took}`;
  }
  clear(el.notes);
  const notes = [];
  if (r.relaxed) notes.push(h('p', { class: 'note relaxed', text: 'Không có kết quả chứa tất cả các từ; đang hiện kết quả chứa phần lớn các từ.' }));
  if (r.partial) notes.push(h('p', { class: 'note partial', text: 'Tìm kiếm dừng lại vì hết thời gian cho phép: kết quả và số đếm dưới đây có thể chưa đầy đủ.' }));
  if (r.totalRelation === 'gte' && total > 0) notes.push(h('p', { class: 'note estimate', text: 'Số kết quả và số đếm ở bộ lọc là ước tính.' }));
  el.notes.append(...notes);
  el.notes.hidden = notes.length === 0;
}

function renderTimelineNote(undated, relation) {
  el.timelineNote.textContent = undated ? `Biểu đồ không tính ${relation === 'gte' ? 'khoảng ' : ''}${formatCount(undated)} kết quả không rõ ngày.` : '';
  el.timelineNote.hidden = !undated;
}

// ---------------------------------------------------------------- every value of each facet, on demand

function lastSearchKey() {
  return stateToSearchQuery(state);
}

// Every value of each facet for the current search, fetched when a filter box or the landing needs them.
let fullValues = { key: '', entries: null, loading: false };

function fullValuesFor(r) {
  const key = lastSearchKey();
  if (fullValues.key !== key) fullValues = { key, entries: null, loading: false };
  const holder = fullValues;
  holder.load = () => {
    if (holder.entries || holder.loading) return;
    holder.loading = true;
    const p = new URLSearchParams(stateToApiQuery(state));
    p.set('size', '1');
    p.set('page', '1');
    p.delete('cursor');
    p.set('facetLimit', '1000');
    api
      .search(p.toString())
      .then((full) => {
        holder.entries = full.facets || {};
        rememberLabels(full);
      })
      .catch(() => {
        // Keep the listed values; the search itself reports real errors.
        holder.entries = r.facets || {};
      })
      .finally(() => {
        holder.loading = false;
        if (fullValues === holder && lastResponse === r && !state.doc) {
          renderFacets(el.facetGroups, r, state, labelOf, toggleFilter, holder);
          renderIntro(r);
        }
      });
  };
  return holder;
}

function drawTimeline(r) {
  const focused = document.activeElement && el.timelineChart.contains(document.activeElement) ? document.activeElement.getAttribute('data-key') : null;
  el.timeline.hidden = false;
  const drawn = renderTimeline(el.timelineChart, (r.facets && r.facets.quarter) || [], selected(state, 'quarter'), pickQuarter);
  el.timeline.hidden = !drawn;
  if (focused) {
    const bar = [...el.timelineChart.querySelectorAll('[data-key]')].find((b) => b.getAttribute('data-key') === focused);
    if (bar) bar.focus();
  }
}

// ---------------------------------------------------------------- landing

function exampleLink(text, next, hint) {
  return h('li', {}, h('a', { href: stateToUrl(next), attrs: { 'data-nav': '' } }, text), h('span', { class: 'example-hint', text: ` — ${hint}` }));
}

/** A few searches drawn from this index that show what it does well: all of them have results. */
function examples(r) {
  const out = [];
  const docs = (r.facets && r.facets.document) || [];
  if (docs.length) out.push(exampleLink(docs[0].value, newState(docs[0].value), 'tìm theo số văn bản'));
  const districts = (r.facets && r.facets.district) || [];
  if (districts.length) {
    const bare = splitDistrict(districts[0].value).district;
    const plain = fold(bare);
    if (plain !== bare.toLowerCase()) out.push(exampleLink(plain, newState(plain), 'gõ không dấu vẫn tìm được'));
  }
  const hit = (r.hits || []).find((x) => x.quarter && (x.districts || []).length);
  if (hit) {
    const d = hit.districts[0];
    out.push(exampleLink(`${d.label || d.value}, ${quarterLabel(hit.quarter)}`, newState('', { district: [d.value], quarter: [hit.quarter] }), 'một quận, huyện trong một quý'));
  }
  return out;
}

/** One sentence on what the index holds, from the answer's own facets. */
function aboutSentence(r) {
  const total = Number(r.total) || 0;
  const years = ((r.facets && r.facets.year) || []).map((y) => Number(y.value)).filter(Number.isFinite);
  const all = fullValues.entries && fullValues.key === lastSearchKey() ? fullValues.entries : null;
  const districts = (all && all.district) || (r.facets && r.facets.district) || [];
  const byProvince = new Map();
  for (const d of districts) {
    const p = splitDistrict(d.value).province;
    if (p) byProvince.set(p, (byProvince.get(p) || 0) + d.count);
  }
  const top = [...byProvince.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([p]) => p);
  let s = `vnpress tìm trong ${formatTotal(total, r.totalRelation)} thông cáo và văn bản của Đảng và chính quyền`;
  if (years.length) {
    const lo = Math.min(...years);
    const hi = Math.max(...years);
    s += lo === hi ? ` năm ${lo}` : ` từ năm ${lo} đến ${hi}`;
  }
  if (districts.length) {
    // Until every district has arrived, the figures are those of the listed ones: at least that many.
    s += `, nhắc đến ${all ? '' : 'ít nhất '}${formatCount(districts.length)} quận, huyện của ${formatCount(byProvince.size)} tỉnh, thành phố`;
    if (top.length) s += ` (nhiều nhất: ${top.join(', ')})`;
  }
  return `${s}.`;
}

function renderIntro(r) {
  clear(el.intro);
  const show = isLanding(state) && (Number(r.total) || 0) > 0;
  el.intro.hidden = !show;
  if (!show) return;
  const all = fullValues.entries && fullValues.key === lastSearchKey();
  if (!all && ((r.facets && r.facets.district) || []).length > 0 && fullValues.load) fullValues.load();
  const list = examples(r);
  el.intro.append(
    h('p', { class: 'intro-about', id: 'intro-about', text: aboutSentence(r) }),
    list.length ? h('div', { class: 'intro-examples' }, h('h2', { class: 'section-title', id: 'examples-title', text: 'Thử tìm:' }), h('ul', { attrs: { 'aria-labelledby': 'examples-title' } }, list)) : null,
  );
}

// ---------------------------------------------------------------- results

function renderSuggestion(suggestion) {
  clear(el.suggestion);
  if (!suggestion || suggestion === state.q) {
    el.suggestion.hidden = true;
    return;
  }
  const next = firstPage(state);
  next.q = suggestion;
  el.suggestion.append('Có phải bạn muốn tìm: ', h('a', { href: stateToUrl(next), attrs: { 'data-nav': '', lang: 'vi' } }, h('strong', { text: suggestion })), '?');
  el.suggestion.hidden = false;
}

function chip(label, title, onRemove, attrs = {}) {
  return h(
    'li',
    {},
    h(
      'button',
      { type: 'button', class: 'chip removable', attrs: { 'aria-label': `Bỏ lọc ${title}: ${label}`, ...attrs }, on: { click: onRemove } },
      h('span', { class: 'chip-facet', text: `${title}: ` }),
      label,
      h('span', { class: 'chip-x', attrs: { 'aria-hidden': 'true' }, text: '×' }),
    ),
  );
}

function renderActiveFilters() {
  clear(el.active);
  const chips = [];
  for (const f of filterDims(state)) {
    for (const v of state.filters[f]) {
      chips.push(chip(labelOf(f, v), facetTitle(f), () => toggleFilter(f, v, false), { 'data-facet': f, 'data-value': v }));
    }
  }
  for (const [key, title] of [['from', 'Từ ngày'], ['to', 'Đến ngày']]) {
    if (!state[key]) continue;
    chips.push(
      chip(formatDate(state[key], 'day'), title, () => {
        const next = firstPage(state);
        next[key] = '';
        navigate(next);
      }),
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
  // a person or a document number filtered on has a view of its own: posts over time, citations
  const views = [
    ...selected(state, 'person').map((v) => h('a', { href: personUrl(v), text: `Các chức vụ của ${labelOf('person', v)}`, attrs: { 'data-nav': '', 'data-view': 'person' } })),
    ...selected(state, 'document').map((v) => h('a', { href: citationUrl(v), text: `Văn bản ${v}: khi nào, ở đâu được dẫn`, attrs: { 'data-nav': '', 'data-view': 'cite' } })),
  ];
  if (views.length) el.active.append(h('p', { class: 'filter-views', attrs: { id: 'filter-views' } }, views.flatMap((a, k) => (k ? [' · ', a] : [a]))));
  el.active.hidden = false;
}

function docUrl(id) {
  const s = newState(state.q);
  s.doc = id;
  return stateToUrl(s);
}

function filterLink(facet, value, text, extraClass) {
  const next = firstPage(state);
  if (!selected(next, facet).includes(value)) next.filters[facet] = [...selected(next, facet), value];
  return h('a', { class: `chip ${extraClass}`, href: stateToUrl(next), text, attrs: { 'data-nav': '', title: `Lọc theo ${facetTitle(facet).toLowerCase()} này` } });
}

/** The result's title as a link; `titleHtml` carries the query's <mark>s in the same escaped form as snippets. */
function hitTitleLink(hit) {
  const a = h('a', { href: docUrl(hit.id), attrs: { 'data-nav': '' } });
  if (hit.titleHtml) appendSnippet(a, hit.titleHtml);
  else a.textContent = hit.title || 'Không có tiêu đề';
  return a;
}

/** Each person of a hit once (a person with two posts is listed twice by the API). */
function uniquePeople(people) {
  const seen = new Set();
  return (people || []).filter((p) => !seen.has(p.name) && seen.add(p.name));
}

function renderHits(hits) {
  clear(el.hits);
  el.hits.setAttribute('start', String((state.page - 1) * state.size + 1));
  for (const hit of hits) {
    const date = formatDate(hit.date, hit.datePrecision);
    // Omnibus resolutions name dozens of units and documents; a few chips say enough in a list.
    const capped = (list, make) => {
      const shown = list.slice(0, CHIPS_PER_KIND).map(make);
      if (list.length > CHIPS_PER_KIND) shown.push(h('span', { class: 'chip chip-more', text: `+${list.length - CHIPS_PER_KIND}`, attrs: { title: 'Xem đầy đủ trong văn bản' } }));
      return shown;
    };
    const chips = [
      ...capped(hit.districts || [], (d) => filterLink('district', d.value, d.label || d.value, 'chip-district')),
      // a document number opens its citation view: the document, when and where it was cited
      ...capped(hit.documents || [], (d) => h('a', { class: 'chip chip-document', href: citationUrl(d.value), text: d.value, attrs: { 'data-nav': '', title: 'Xem văn bản và các thông cáo dẫn nó' } })),
      ...capped(uniquePeople(hit.people), (p) => h('a', { class: 'chip chip-person', href: personUrl(p.name), text: p.name, attrs: { 'data-nav': '', title: p.post ? `${p.post}${p.unit ? ` ${p.unit}` : ''}` : 'Xem các chức vụ của người này' } })),
    ];
    // The date always has its place, so a source never reads as one.
    const meta = [
      date ? h('time', { attrs: { datetime: hit.date }, text: date }) : h('span', { class: 'no-date', text: 'Không rõ ngày' }),
      hit.source ? h('span', { class: 'source', text: `Nguồn: ${sourceLabel(hit.source)}` }) : null,
    ].filter(Boolean);
    el.hits.append(
      h(
        'li',
        { class: 'hit', attrs: { 'data-id': hit.id, 'data-key': `hit|${hit.id}` } },
        h('h3', { class: 'hit-title' }, hitTitleLink(hit)),
        h('p', { class: 'hit-meta' }, meta.flatMap((m, k) => (k ? [h('span', { class: 'sep', attrs: { 'aria-hidden': 'true' }, text: ' · ' }), m] : [m]))),
        hit.snippet ? appendSnippet(h('p', { class: 'snippet' }), hit.snippet) : null,
        chips.length ? h('ul', { class: 'chips', attrs: { 'aria-label': 'Quận/huyện, văn bản và người được nêu' } }, chips.map((c) => h('li', {}, c))) : null,
      ),
    );
  }
}

function renderEmpty(r) {
  el.status.className = 'status empty';
  clear(el.status);
  const tips = [];
  if (r.suggestion && r.suggestion !== state.q) {
    const next = firstPage(state);
    next.q = r.suggestion;
    tips.push(h('li', {}, 'Có phải bạn muốn tìm: ', h('a', { href: stateToUrl(next), attrs: { 'data-nav': '' }, text: r.suggestion }), '?'));
  }
  if (filterCount(state) > 0) {
    tips.push(h('li', {}, 'Bỏ bớt bộ lọc hoặc ', h('button', { type: 'button', class: 'link-button', text: 'xóa tất cả bộ lọc', on: { click: clearFilters } }), '.'));
  }
  tips.push(h('li', { text: 'Kiểm tra lại chính tả, hoặc gõ không dấu để tìm cả các cách viết khác.' }));
  tips.push(h('li', { text: 'Dùng ít từ hơn, hoặc tìm theo số văn bản, ví dụ 15-NQ/TW.' }));
  el.status.append(
    h('h2', { class: 'empty-title', text: 'Không tìm thấy kết quả' }),
    state.q ? h('p', {}, 'Không có thông cáo nào khớp với “', h('strong', { class: 'typed', text: state.q }), '”.') : null,
    h('ul', { class: 'tips' }, tips),
  );
}

/** A page number past the last result (an old link, a shrunken index). */
function renderPastTheEnd() {
  el.status.className = 'status empty';
  clear(el.status);
  el.status.append(h('p', {}, 'Trang này không còn kết quả. ', h('a', { href: stateToUrl(firstPage(state)), attrs: { 'data-nav': '' }, text: 'Về trang đầu' }), '.'));
}

function renderError(e) {
  setPhase('error');
  el.status.className = 'status';
  el.status.textContent = '';
  clear(el.error);
  el.error.append(
    h('h2', { text: 'Không thể tải kết quả' }),
    h('p', { text: e.message || 'Đã xảy ra lỗi không xác định.' }),
    // A refused request (400) would be refused again: only other failures get a retry.
    e.status === 400 ? null : h('button', { type: 'button', class: 'button', text: 'Thử lại', on: { click: () => showSearch() } }),
  );
  el.error.hidden = false;
  // Nothing of the previous answer may stay on screen as if it belonged to this search.
  lastResponse = null;
  clear(el.hits);
  clear(el.facetGroups);
  el.facetGroups.append(h('p', { class: 'facet-none', text: 'Bộ lọc sẽ hiện khi có kết quả.' }));
  el.suggestion.hidden = true;
  clear(el.suggestion);
  el.timeline.hidden = true;
  el.timelineNote.hidden = true;
  el.intro.hidden = true;
  el.notes.hidden = true;
  el.takeAway.hidden = true;
  el.pagination.hidden = true;
  el.summary.textContent = '';
  el.hitsHeading.textContent = 'Kết quả tìm kiếm';
}

// ---------------------------------------------------------------- pager

function pageLink(page, text, label, { current = false, cursor = '' } = {}) {
  if (current) return h('span', { class: 'page current', attrs: { 'aria-current': 'page', 'aria-label': `Trang ${page}` }, text });
  const next = cloneState(state);
  next.page = page;
  next.cursor = cursor;
  return h('a', { class: 'page', href: stateToUrl(next), text, attrs: { 'data-nav': '', 'aria-label': label } });
}

/**
 * Page links that can all be answered: numbers up to page × size = 10,000, then, when the API gives a
 * cursor, "Sau" from page to page; a line says how to reach the rest by narrowing the search.
 */
function renderPagination(r, total) {
  clear(el.pagination);
  const estimated = r.totalRelation === 'gte';
  const pages = Math.ceil(total / state.size);
  const reachable = maxPage(state.size);
  const p = state.page;
  const lastNumbered = Math.min(pages, reachable);
  const more = estimated || p < pages;
  const cursorNext = p >= lastNumbered && more && r.nextCursor ? r.nextCursor : '';
  if (pages <= 1 && !estimated) {
    el.pagination.hidden = true;
    return;
  }
  const items = [];
  if (p > 1 && p <= reachable) items.push(pageLink(p - 1, '‹ Trước', 'Trang trước'));
  const wanted = new Set([1, p - 1, p, p + 1, lastNumbered].filter((n) => n >= 1 && (n <= lastNumbered || n === p)));
  let prev = 0;
  for (const n of [...wanted].sort((a, b) => a - b)) {
    if (n - prev > 1) items.push(h('span', { class: 'gap', attrs: { 'aria-hidden': 'true' }, text: '…' }));
    items.push(pageLink(n, formatCount(n), `Trang ${n}`, { current: n === p }));
    prev = n;
  }
  if (p < lastNumbered) items.push(pageLink(p + 1, 'Sau ›', 'Trang sau'));
  else if (cursorNext) items.push(pageLink(p + 1, 'Sau ›', 'Trang sau', { cursor: cursorNext }));
  el.pagination.append(h('ul', {}, items.map((i) => h('li', {}, i))));
  if (pages > reachable || estimated) {
    const depth = formatCount(MAX_DEPTH);
    el.pagination.append(
      h('p', {
        class: 'pager-note',
        text: `Số trang chỉ đánh đến kết quả thứ ${depth}${r.nextCursor !== undefined ? '; sau đó bấm “Sau” để xem tiếp từng trang' : ''}. Để đến nhanh kết quả cần tìm, hãy thêm từ khóa hoặc chọn bộ lọc (quận/huyện, quý, năm…).`,
      }),
    );
  }
  el.pagination.hidden = false;
}

// ---------------------------------------------------------------- export and feed

function renderTakeAway(total) {
  clear(el.takeAway);
  const query = stateToSearchQuery(state);
  const feed = `/feed?${query.replace(/(^|&)sort=[^&]*/, '').replace(/^&/, '')}`;
  el.feedLink.href = feed;
  el.takeAway.hidden = total === 0;
  if (total === 0) return;
  const limit = formatCount(MAX_DEPTH);
  el.takeAway.append(
    h('span', { class: 'take-title', text: 'Lấy kết quả:' }),
    h('a', { href: `/api/export?format=csv&${query}`, attrs: { download: 'vnpress.csv', title: `Bảng tính CSV (UTF-8), tối đa ${limit} dòng` }, text: 'Tải CSV' }),
    h('a', { href: `/api/export?format=json&${query}`, attrs: { download: 'vnpress.json', title: `JSON, tối đa ${limit} kết quả` }, text: 'Tải JSON' }),
    h('a', { href: feed, class: 'feed', attrs: { type: 'application/atom+xml', title: 'Nguồn tin Atom: thông cáo mới nhất của tìm kiếm này, cho trình đọc tin' }, text: 'Theo dõi (Atom)' }),
  );
}

// ---------------------------------------------------------------- document view

function showDocument() {
  // Back goes to the exact search the reader came from when there is one, else to a search for the query.
  const from = history.state && history.state.from;
  const backUrl = from && !from.includes('doc=') ? from : stateToUrl(newState(state.q));
  const id = state.doc;
  return showView(
    (signal) => api.getDocument(id, signal),
    (doc, back) => renderDocument(el.docView, doc, state.q, back),
    'Đang tải văn bản…',
    backUrl,
    (e, back) => (e.status === 404 ? renderDocumentNotFound(el.docView, id, e.message, back) : renderDocumentMessage(el.docView, e.message, back, true)),
  );
}

// ---------------------------------------------------------------- citation and person views

/** Where the view's back link goes: the search the reader came from, else the landing page. */
function viewBackUrl() {
  const from = history.state && history.state.from;
  return from && !/[?&](doc|cite|who)=/.test(from) ? from : '/';
}

/**
 * Shows what the API answers (a document, its citations, a person) in the document pane: a loading
 * line first, then the view with the focus on its heading, or what went wrong.
 */
async function showView(load, render, loadingText, backUrl = viewBackUrl(), failed = (e, back) => renderDocumentMessage(el.docView, e.message, back, true)) {
  el.searchView.hidden = true;
  el.docView.hidden = false;
  setDrawer(false);
  abortInflight();
  const seq = ++requestSeq;
  const controller = new AbortController();
  inflight = controller;
  setPhase('loading');
  renderDocumentMessage(el.docView, loadingText, backUrl, false);
  try {
    const view = await load(controller.signal);
    if (seq !== requestSeq) return;
    const heading = render(view, backUrl);
    heading.focus();
    window.scrollTo(0, 0);
    setPhase('ready');
    restorePosition();
  } catch (e) {
    if (e.name === 'AbortError' || seq !== requestSeq) return;
    failed(e, backUrl);
    setPhase('error');
  }
}

function showCitation() {
  const number = state.cite;
  return showView(
    (signal) => api.citations(number, state.ed, state.page, signal),
    // a bar of the timeline opens the citing releases of that quarter in the search
    (view, backUrl) => renderCitation(el.docView, view, backUrl, (quarter) => navigate(newState('', { document: [view.number], quarter: [quarter] }))),
    'Đang tải văn bản và các thông cáo dẫn nó…',
  );
}

function showPerson() {
  const name = state.who;
  return showView((signal) => api.person(name, state.page, signal), (view, backUrl) => renderPerson(el.docView, view, backUrl), 'Đang tải các chức vụ và thông cáo…');
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
history.replaceState({ ...(history.state || {}), vnpress: true }, '', currentUrl());
if (history.state && (history.state.focus || history.state.scroll)) restoring = { focus: history.state.focus, scroll: history.state.scroll || 0 };
route();
showHealth();
