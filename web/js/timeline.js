// The timeline: an inline SVG bar chart of result counts per quarter, built from the `quarter` facet.
import { svg, clear } from './dom.js';
import { parseQuarter, quarterLabel, quarterShort, formatCount } from './format.js';

// A phone shows the chart lower, so that the first results still fit in the first screen.
const FULL_HEIGHT = 150;
const HEIGHT_NARROW = 96;
const TOP = 18; // room for the count above the tallest bar
const AXIS = 24; // room for the quarter labels under the bars
// Gaps between quarters are filled with empty bars so time reads evenly, unless the span is very long.
const MAX_FILLED = 120;

/** Orders quarter facet entries in time and fills the quarters in between with zero counts. */
export function quarterSeries(entries) {
  const known = new Map();
  for (const e of entries || []) if (parseQuarter(e.value)) known.set(e.value, e.count);
  if (known.size === 0) return [];
  const keys = [...known.keys()].sort();
  const first = parseQuarter(keys[0]);
  const last = parseQuarter(keys[keys.length - 1]);
  const span = (last.year - first.year) * 4 + (last.q - first.q) + 1;
  if (span > MAX_FILLED) return keys.map((value) => ({ value, count: known.get(value) }));
  const series = [];
  for (let i = 0; i < span; i++) {
    const n = (first.q - 1) + i;
    const value = `${first.year + Math.floor(n / 4)}-Q${(n % 4) + 1}`;
    series.push({ value, count: known.get(value) || 0 });
  }
  return series;
}

/**
 * Draws the chart into `container`. `selected` is the list of selected quarter values; `onPick(value)`
 * is called when a bar is clicked or activated with Enter/Space.
 */
export function renderTimeline(container, entries, selected, onPick) {
  clear(container);
  const series = quarterSeries(entries);
  if (series.length === 0) return false;
  const width = Math.max(container.clientWidth || 600, 200);
  const slot = Math.min(56, width / series.length);
  const barWidth = Math.max(2, slot * 0.7);
  const max = Math.max(1, ...series.map((s) => s.count));
  const chartHeight = width < 600 ? HEIGHT_NARROW : FULL_HEIGHT;
  const plot = chartHeight - TOP - AXIS;
  // Label every bar when there is room, otherwise only the first quarter of each year.
  const labelEvery = slot >= 38;
  const chart = svg('svg', {
    width,
    height: chartHeight,
    viewBox: `0 0 ${width} ${chartHeight}`,
    role: 'group',
    'aria-label': 'Biểu đồ số kết quả theo quý; chọn một cột để lọc theo quý đó',
    class: 'timeline-svg',
  });
  chart.append(svg('line', { x1: 0, x2: width, y1: TOP + plot + 0.5, y2: TOP + plot + 0.5, class: 'axis' }));
  series.forEach((s, i) => {
    const x = i * slot + (slot - barWidth) / 2;
    const h = s.count > 0 ? Math.max(2, Math.round((s.count / max) * plot)) : 0;
    const isSelected = selected.includes(s.value);
    const label = `${quarterLabel(s.value)}: ${formatCount(s.count)} kết quả`;
    const g = svg('g', {
      class: `bar${isSelected ? ' selected' : ''}${s.count === 0 ? ' empty' : ''}`,
      'data-quarter': s.value,
      'data-count': s.count,
      'data-key': `timeline|${s.value}`,
    });
    g.append(svg('title', {}, label));
    // A full-height transparent target makes short bars easy to hit.
    g.append(svg('rect', { class: 'target', x: i * slot, y: 0, width: slot, height: TOP + plot }));
    g.append(svg('rect', { class: 'fill', x, y: TOP + plot - h, width: barWidth, height: h, rx: 2 }));
    if (s.count > 0 && slot >= 18) {
      g.append(svg('text', { class: 'count', x: x + barWidth / 2, y: TOP + plot - h - 4, 'text-anchor': 'middle' }, formatCount(s.count)));
    }
    const p = parseQuarter(s.value);
    if (labelEvery || (p && p.q === 1) || series.length === 1) {
      const text = labelEvery ? quarterShort(s.value) : String(p ? p.year : s.value);
      let lx = labelEvery ? x + barWidth / 2 : x;
      let anchor = labelEvery ? 'middle' : 'start';
      // A label that would run off the right edge is pulled back inside it.
      if (lx + (anchor === 'middle' ? 18 : 32) > width) {
        lx = width - 1;
        anchor = 'end';
      }
      g.append(svg('text', { class: 'label', x: lx, y: chartHeight - 6, 'text-anchor': anchor }, text));
    }
    if (s.count > 0) {
      g.setAttribute('role', 'button');
      g.setAttribute('tabindex', '0');
      g.setAttribute('aria-label', label);
      g.setAttribute('aria-pressed', String(isSelected));
      g.addEventListener('click', () => onPick(s.value));
      g.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          onPick(s.value);
        }
      });
    }
    chart.append(g);
  });
  container.append(chart);
  return true;
}
