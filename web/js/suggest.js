// Completion while typing: the search box as an ARIA 1.2 combobox over a listbox of completions from
// GET /api/suggest. Arrow keys move through the list, Enter picks, Escape closes; the mouse works too.
import { h, clear } from './dom.js';

const DELAY_MS = 80;
const MIN_CHARS = 2;

/** What each kind of completion is, said after its text. */
const KIND_LABELS = { district: 'quận/huyện', document: 'văn bản', phrase: 'cụm từ', place: 'phường/xã' };

/**
 * Wires `input` to `listbox` (a <ul>) and `status` (a polite live region). `fetch(prefix, signal)`
 * answers {suggestions: [{text, kind, value, detail}]}; `onPick(completion)` is called with the chosen
 * one. Returns {close}.
 */
export function attachCompletion(input, listbox, status, { fetch, onPick }) {
  let items = [];
  let active = -1;
  let timer = 0;
  let inflight = null;
  let seq = 0;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);

  function close() {
    clearTimeout(timer);
    if (inflight) inflight.abort();
    inflight = null;
    seq++;
    items = [];
    active = -1;
    clear(listbox);
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function setActive(i) {
    active = i;
    listbox.querySelectorAll('[role=option]').forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (i >= 0) {
      const li = listbox.children[i];
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function pick(i) {
    const c = items[i];
    close();
    if (c) onPick(c);
  }

  function show(list) {
    items = list;
    active = -1;
    clear(listbox);
    list.forEach((c, i) => {
      const kind = KIND_LABELS[c.kind] || c.kind;
      listbox.append(
        h(
          'li',
          {
            id: `${listbox.id}-${i}`,
            attrs: { role: 'option', 'aria-selected': 'false', 'data-kind': c.kind },
            // mousedown, not click: the input keeps its focus, so the list is still there to be clicked
            on: {
              mousedown: (ev) => ev.preventDefault(),
              click: () => pick(i),
            },
          },
          h('span', { class: 'completion-text', text: c.text }),
          c.detail ? h('span', { class: 'completion-detail', text: ` ${c.detail}` }) : null,
          h('span', { class: 'completion-kind', text: kind }),
        ),
      );
    });
    const open = list.length > 0;
    listbox.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    input.removeAttribute('aria-activedescendant');
    status.textContent = open ? `${list.length} gợi ý; dùng phím mũi tên để chọn.` : '';
  }

  async function load(prefix) {
    if (inflight) inflight.abort();
    const controller = new AbortController();
    inflight = controller;
    const mine = ++seq;
    try {
      const answer = await fetch(prefix, controller.signal);
      if (mine !== seq || input.value.trim() !== prefix || document.activeElement !== input) return;
      show(Array.isArray(answer.suggestions) ? answer.suggestions : []);
    } catch {
      // Completion is a help, not the search: a failure only means no list.
      if (mine === seq) show([]);
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const prefix = input.value.trim();
    if (prefix.length < MIN_CHARS) {
      close();
      return;
    }
    timer = setTimeout(() => load(prefix), DELAY_MS);
  });

  input.addEventListener('keydown', (ev) => {
    const open = !listbox.hidden && items.length > 0;
    if (ev.key === 'ArrowDown' && open) {
      ev.preventDefault();
      setActive(active + 1 >= items.length ? 0 : active + 1);
    } else if (ev.key === 'ArrowUp' && open) {
      ev.preventDefault();
      setActive(active <= 0 ? items.length - 1 : active - 1);
    } else if (ev.key === 'Enter' && open && active >= 0) {
      // the chosen completion, not the typed text, is what is searched
      ev.preventDefault();
      pick(active);
    } else if (ev.key === 'Escape' && open) {
      ev.preventDefault();
      ev.stopPropagation();
      close();
    } else if (ev.key === 'Tab') {
      close();
    }
  });

  input.addEventListener('blur', () => close());
  return { close };
}
