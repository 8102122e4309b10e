// Formatting of dates, quarters and counts for a Vietnamese reader.

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "2022-10-19" → "19/10/2022", "2022-10" → "10/2022", "2022" → "2022", null → "". */
export function formatDate(date, precision) {
  if (!date || precision === 'none') return '';
  const [y, m, d] = String(date).split('-');
  if (precision === 'year' || !m) return y;
  if (precision === 'month' || !d) return `${m}/${y}`;
  return `${d}/${m}/${y}`;
}

/** "2022-Q4" → "Quý IV/2022"; anything else is returned unchanged. */
export function quarterLabel(value) {
  const m = /^(\d{4})-Q([1-4])$/.exec(value || '');
  return m ? `Quý ${ROMAN[Number(m[2]) - 1]}/${m[1]}` : value;
}

/** "2022-Q4" → "Q4/22", short enough for a bar label. */
export function quarterShort(value) {
  const m = /^(\d{4})-Q([1-4])$/.exec(value || '');
  return m ? `Q${m[2]}/${m[1].slice(2)}` : value;
}

/** Parses "2022-Q4" into {year, q}; null when it is not a quarter. */
export function parseQuarter(value) {
  const m = /^(\d{4})-Q([1-4])$/.exec(value || '');
  return m ? { year: Number(m[1]), q: Number(m[2]) } : null;
}

/** 12345 → "12.345" (Vietnamese thousands separator). */
export function formatCount(n) {
  return new Intl.NumberFormat('vi-VN').format(n);
}

/** Splits a district facet value "Hà Nội/Hoàng Mai" into province and district parts. */
export function splitDistrict(value) {
  const i = String(value).indexOf('/');
  return i < 0 ? { province: '', district: value } : { province: value.slice(0, i), district: value.slice(i + 1) };
}

/** 415 → "415 ms", 1104 → "1,1 giây" (a Vietnamese "1.104 ms" reads like one millisecond to many). */
export function formatTook(ms) {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1).replace('.', ',')} giây`;
}

/** "Tìm thấy 12 kết quả" or, when the API only knows a lower bound, "Tìm thấy hơn 230.000 kết quả". */
export function formatTotal(total, relation) {
  return relation === 'gte' ? `hơn ${formatCount(total)}` : formatCount(total);
}

// Datasets the bundled and benchmark corpora come from, named as a Vietnamese reader knows them.
const SOURCE_NAMES = [
  [/^vnds$/i, 'VNDS (bộ dữ liệu tin tức)'],
  [/^danes\b.*$/i, 'DANeS (bộ dữ liệu tin tức, CC BY 4.0)'],
  [/^alqac\b.*$/i, 'ALQAC (bộ dữ liệu văn bản pháp luật)'],
  [/^baomoi\b.*$/i, 'Báo Mới'],
];

/**
 * A source as a reader should see it. Records name their source as their producer wrote it, often an
 * English dataset id such as "dvhcvn/20250701 (from thuvienphapluat.vn)": the site comes first, the
 * dataset after it, in Vietnamese.
 */
export function sourceLabel(source) {
  const s = String(source || '').trim();
  if (!s) return '';
  const from = /^(.*?)\s*\(from ([^)]+)\)\s*$/i.exec(s);
  if (from) {
    const dataset = from[1].trim();
    return dataset ? `${from[2].trim()} (bộ dữ liệu ${dataset})` : from[2].trim();
  }
  for (const [re, name] of SOURCE_NAMES) if (re.test(s)) return name;
  return s;
}
