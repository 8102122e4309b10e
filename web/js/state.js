// Search state <-> URL. The URL is the single source of truth so links can be shared and
// back/forward replay any search.
//
// The page keeps no list of facets of its own: every parameter that is not one of the few below is
// a facet filter, handed to the API as it is, and the sidebar shows the facets the API answers with.

/** URL parameters that are not facet filters. */
const RESERVED = new Set(['q', 'from', 'to', 'sort', 'page', 'size', 'doc', 'cursor', 'facetLimit', 'cite', 'ed', 'who']);

export const DEFAULT_SIZE = 10;

/** Values per facet the sidebar asks for; a facet's full list is fetched only when someone filters it. */
export const FACET_LIMIT = 30;

/** The API answers pages up to page × size = 10,000; beyond it only its cursor goes on. */
export const MAX_DEPTH = 10000;

/** The last page a plain page number can reach for a page size. */
export function maxPage(size) {
  return Math.max(1, Math.floor(MAX_DEPTH / size));
}

/** Reads the state from a query string such as location.search. */
export function parseState(search) {
  const p = new URLSearchParams(search);
  const filters = {};
  for (const [k, v] of p) {
    if (RESERVED.has(k) || v === '' || !/^[a-z][a-zA-Z0-9_]{0,30}$/.test(k)) continue;
    if (!filters[k]) filters[k] = [];
    if (!filters[k].includes(v)) filters[k].push(v);
  }
  const page = parseInt(p.get('page') || '1', 10);
  const size = parseInt(p.get('size') || String(DEFAULT_SIZE), 10);
  const sort = p.get('sort');
  return {
    q: p.get('q') || '',
    filters,
    from: p.get('from') || '',
    to: p.get('to') || '',
    // '' is the default: by relevance when there is a query, newest first when there is none
    sort: sort === 'date' || sort === 'relevance' ? sort : '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    size: Number.isFinite(size) && size > 0 && size <= 100 ? size : DEFAULT_SIZE,
    cursor: p.get('cursor') || '',
    doc: p.get('doc') || '',
    // the citation view of a document number (and one of its terms or years), the view of a person
    cite: p.get('cite') || '',
    ed: p.get('ed') || '',
    who: p.get('who') || '',
  };
}

/** The order the results are in: what the sort box shows and what the API is asked for. */
export function effectiveSort(state) {
  if (state.sort) return state.sort;
  return state.q ? 'relevance' : 'date';
}

/** The facet dimensions the state filters on, in the order they were chosen. */
export function filterDims(state) {
  return Object.keys(state.filters).filter((f) => state.filters[f].length > 0);
}

/** Values selected for one facet (an empty list for any other). */
export function selected(state, facet) {
  return state.filters[facet] || [];
}

/** Builds the query parameters shared by the page URL and the API call. */
function searchParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of filterDims(state)) for (const v of state.filters[f]) p.append(f, v);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort) p.set('sort', state.sort);
  return p;
}

/** The page URL for a search state ("/?q=…&district=…"), or for a document view when state.doc is set. */
export function stateToUrl(state) {
  if (state.cite || state.who) {
    const v = new URLSearchParams();
    if (state.cite) v.set('cite', state.cite);
    if (state.cite && state.ed) v.set('ed', state.ed);
    if (state.who && !state.cite) v.set('who', state.who);
    if (state.page > 1) v.set('page', String(state.page));
    return `/?${v.toString()}`;
  }
  const p = state.doc ? new URLSearchParams() : searchParams(state);
  if (state.doc) {
    p.set('doc', state.doc);
    if (state.q) p.set('q', state.q);
  } else {
    if (state.page > 1) p.set('page', String(state.page));
    if (state.size !== DEFAULT_SIZE) p.set('size', String(state.size));
    // a cursor only means something for the page it leads to
    if (state.page > 1 && state.cursor) p.set('cursor', state.cursor);
  }
  const s = p.toString();
  return s ? `/?${s}` : '/';
}

/** The search parameters alone (no page), as the export and the feed take them. */
export function stateToSearchQuery(state) {
  const p = searchParams(state);
  p.set('sort', effectiveSort(state));
  return p.toString();
}

/** The API query string for a search state. */
export function stateToApiQuery(state) {
  const p = searchParams(state);
  p.set('sort', effectiveSort(state));
  p.set('page', String(state.page));
  p.set('size', String(state.size));
  if (state.page > 1 && state.cursor) p.set('cursor', state.cursor);
  p.set('facetLimit', String(FACET_LIMIT));
  return p.toString();
}

/** A fresh search state with only the given query and filters. */
export function newState(q = '', filters = {}) {
  const s = parseState('');
  s.q = q;
  for (const [f, vs] of Object.entries(filters)) s.filters[f] = [...vs];
  return s;
}

/** The citation view of a document number, optionally one term or year of it. */
export function citationState(number, edition = '') {
  const s = parseState('');
  s.cite = number;
  s.ed = edition;
  return s;
}

/** The view of one person. */
export function personState(name) {
  const s = parseState('');
  s.who = name;
  return s;
}

/** A copy of the state, deep enough that the filter lists can be changed. */
export function cloneState(state) {
  const filters = {};
  for (const [f, vs] of Object.entries(state.filters)) filters[f] = [...vs];
  return { ...state, filters };
}

/** The same search from its first page. */
export function firstPage(state) {
  const next = cloneState(state);
  next.page = 1;
  next.cursor = '';
  return next;
}

/** Number of active filter values (for the drawer badge). */
export function filterCount(state) {
  let n = filterDims(state).reduce((acc, f) => acc + state.filters[f].length, 0);
  if (state.from) n++;
  if (state.to) n++;
  return n;
}

/** True for the landing page: no query, no filter, first page. */
export function isLanding(state) {
  return !state.q && filterCount(state) === 0 && state.page === 1 && !state.doc && !state.cite && !state.who;
}
