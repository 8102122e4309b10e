// Search state <-> URL. The URL is the single source of truth so links can be shared and
// back/forward replay any search.

/** Facets the page can filter on, in the order the sidebar shows them. */
export const FACETS = ['district', 'place', 'quarter', 'year', 'doctype', 'document', 'period', 'issuer'];

export const DEFAULT_SIZE = 10;

/** Values per facet the sidebar asks for; the full district list is fetched only when someone looks for one. */
export const FACET_LIMIT = 30;

/** Reads the state from a query string such as location.search. */
export function parseState(search) {
  const p = new URLSearchParams(search);
  const filters = {};
  for (const f of FACETS) filters[f] = unique(p.getAll(f).filter((v) => v !== ''));
  const page = parseInt(p.get('page') || '1', 10);
  const size = parseInt(p.get('size') || String(DEFAULT_SIZE), 10);
  return {
    q: p.get('q') || '',
    filters,
    from: p.get('from') || '',
    to: p.get('to') || '',
    sort: p.get('sort') === 'date' ? 'date' : 'relevance',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    size: Number.isFinite(size) && size > 0 && size <= 100 ? size : DEFAULT_SIZE,
    doc: p.get('doc') || '',
  };
}

function unique(values) {
  return [...new Set(values)];
}

/** Builds the query parameters shared by the page URL and the API call. */
function searchParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of FACETS) for (const v of state.filters[f] || []) p.append(f, v);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort && state.sort !== 'relevance') p.set('sort', state.sort);
  return p;
}

/** The page URL for a search state ("/?q=…&district=…"), or for a document view when state.doc is set. */
export function stateToUrl(state) {
  const p = state.doc ? new URLSearchParams() : searchParams(state);
  if (state.doc) {
    p.set('doc', state.doc);
    if (state.q) p.set('q', state.q);
  } else {
    if (state.page > 1) p.set('page', String(state.page));
    if (state.size !== DEFAULT_SIZE) p.set('size', String(state.size));
  }
  const s = p.toString();
  return s ? `/?${s}` : '/';
}

/** The API query string for a search state. */
export function stateToApiQuery(state) {
  const p = searchParams(state);
  p.set('page', String(state.page));
  p.set('size', String(state.size));
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

/** A copy of the state, deep enough that the filter lists can be changed. */
export function cloneState(state) {
  const filters = {};
  for (const f of FACETS) filters[f] = [...(state.filters[f] || [])];
  return { ...state, filters };
}

/** Number of active filter values (for the drawer badge). */
export function filterCount(state) {
  let n = FACETS.reduce((acc, f) => acc + state.filters[f].length, 0);
  if (state.from) n++;
  if (state.to) n++;
  return n;
}
