// DOM helpers. Every piece of user or document data enters the page through text nodes;
// the only markup ever derived from data is the <mark> element, built here by hand.

/**
 * Creates an element. `props` keys: class, text, attrs (object), on (object of listeners), hidden.
 * Children may be nodes, strings (inserted as text) or null (skipped).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  applyProps(el, props);
  appendAll(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element; attributes go through setAttribute, never through markup. */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  }
  appendAll(el, children);
  return el;
}

function applyProps(el, props) {
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'hidden') el.hidden = Boolean(v);
    else if (k === 'attrs') {
      for (const [a, av] of Object.entries(v)) {
        if (av !== null && av !== undefined && av !== false) el.setAttribute(a, String(av));
      }
    } else if (k === 'on') {
      for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    } else {
      el[k] = v;
    }
  }
}

function appendAll(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Removes all children of `el`. */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'", '#34': '"', nbsp: '\u00a0' };

/** Decodes the entities an HTML escaper produces (named, decimal, hex); unknown ones stay as typed. */
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+|#39|#x27);/g, (m, name) => {
    if (name in ENTITIES) return ENTITIES[name];
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (Number.isFinite(code) && code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    }
    return m;
  });
}

/**
 * Appends the API's snippet to `el`. The snippet is HTML-escaped text where only <mark> and </mark> are
 * markup, so it is split on those two tags and every other part is decoded and inserted as text.
 */
export function appendSnippet(el, snippet) {
  if (!snippet) return el;
  const parts = String(snippet).split(/(<mark>|<\/mark>)/);
  let mark = null;
  for (const part of parts) {
    if (part === '<mark>') {
      mark = document.createElement('mark');
    } else if (part === '</mark>') {
      if (mark) el.append(mark);
      mark = null;
    } else if (part) {
      (mark || el).append(document.createTextNode(decodeEntities(part)));
    }
  }
  if (mark) el.append(mark);
  return el;
}
