// Client-side highlighting of the query in a document's text. Matches are found on a folded copy of
// the text and wrapped in <mark> elements; the text itself is only ever inserted as text nodes.

// Very common syllables that would light up half a page; ignored when the query has other terms.
const STOP = new Set(['và', 'của', 'các', 'là', 'có', 'được', 'cho', 'với', 'trong', 'những', 'một', 'đã', 'để', 'này', 'theo', 'về', 'tại', 'từ', 'the']);

const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARKS = /[\u0300-\u036f]/g;

/** Lower-cases and removes Vietnamese diacritics ("Hoàng" → "hoang", "Đống" → "dong"). */
export function fold(s) {
  return s.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/đ/g, 'd');
}

function lower(s) {
  return s.normalize('NFC').toLowerCase();
}

/**
 * Maps `text` through `fn` one UTF-16 unit at a time, remembering for each output unit the input index
 * it came from, so a match in the mapped string can be turned back into a range of the original.
 */
function mapped(text, fn) {
  let out = '';
  const origin = [];
  for (let i = 0; i < text.length; i++) {
    const m = fn(text[i]);
    for (let k = 0; k < m.length; k++) origin.push(i);
    out += m;
  }
  origin.push(text.length);
  return { out, origin };
}

/** Splits a query into highlightable terms: whitespace-separated, trimmed of quotes and punctuation. */
export function queryTerms(query) {
  const terms = String(query || '')
    .split(/\s+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((t) => t.length > 0);
  const useful = terms.filter((t) => !STOP.has(lower(t)));
  return useful.length > 0 ? useful : terms;
}

/**
 * Returns [start, end) ranges of `text` where a query term occurs as a whole word. A query typed without
 * any diacritics matches every tone ("hoang mai" finds "Hoàng Mai"); once the reader types diacritics,
 * the terms match as spelled, so "Hoàng Mai" does not light up "mái" (Mai itself carries no mark).
 */
export function findMatches(text, terms) {
  if (!text || terms.length === 0) return [];
  const folded = mapped(text, fold);
  const lowered = mapped(text, lower);
  const plain = terms.every((t) => fold(t) === lower(t));
  const ranges = [];
  for (const term of terms) {
    const hay = plain ? folded : lowered;
    const needle = plain ? fold(term) : lower(term);
    if (!needle) continue;
    let from = 0;
    for (;;) {
      const at = hay.out.indexOf(needle, from);
      if (at < 0) break;
      const end = at + needle.length;
      const before = at > 0 ? hay.out[at - 1] : '';
      const after = end < hay.out.length ? hay.out[end] : '';
      if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) {
        const s = hay.origin[at];
        // Extend over trailing combining marks of the last character (decomposed text).
        let e = hay.origin[end - 1] + 1;
        while (e < text.length && /[\u0300-\u036f]/.test(text[e])) e++;
        ranges.push([s, e]);
      }
      from = at + 1;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    // Adjacent terms ("Hoàng Mai") become one mark when only spaces separate them.
    if (last && (r[0] <= last[1] || /^\s+$/.test(text.slice(last[1], r[0])))) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Builds a fragment of text nodes and <mark> elements for `text` with the query highlighted. */
export function highlight(text, query) {
  const frag = document.createDocumentFragment();
  const s = String(text ?? '');
  let pos = 0;
  for (const [a, b] of findMatches(s, queryTerms(query))) {
    if (a > pos) frag.append(document.createTextNode(s.slice(pos, a)));
    const mark = document.createElement('mark');
    mark.textContent = s.slice(a, b);
    frag.append(mark);
    pos = b;
  }
  if (pos < s.length) frag.append(document.createTextNode(s.slice(pos)));
  return frag;
}
