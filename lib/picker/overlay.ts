import { readRecord } from './lines';
import { candidateCards, findRecords, type Match } from './match';
import type { PageRecords } from './types';

/**
 * The in-page picker. It draws only inside a closed shadow root on a host
 * element it adds to <html> and removes when done, so the page's own nodes never change
 * (the e2e test compares outerHTML). Host styles are !important :host rules, which beat a
 * page's resets; boxes are placed from getBoundingClientRect minus the host's own offset,
 * so transforms and fixed headers do not shift them. Keys: Tab / Shift+Tab move between
 * candidate cards, ↑ widens, ↓ narrows, Enter takes the records, Esc cancels.
 *
 * Frames: only the top frame is picked. Same-origin iframes would need a picker per frame,
 * a frame path in each recipe and the top-frame-only message policy relaxed; team pages in
 * iframes are rare, so they are left out (the iframe itself can be picked as one element).
 * Shadow roots: cards inside open shadow roots are picked (a lone match inside one climbs
 * to its host); closed shadow roots cannot be read, and the bar says so.
 */

export interface PickerOptions {
  onConfirm(records: PageRecords): void;
  onCancel?(): void;
}

const STYLE = `
:host{all:initial!important;position:fixed!important;inset:0!important;z-index:2147483647!important;pointer-events:none!important;display:block!important;visibility:visible!important;opacity:1!important;transform:none!important;}
.box{position:absolute;box-sizing:border-box;border:2px solid #0f766e;background:rgba(15,118,110,.12);border-radius:3px}
.box.chosen{border-width:3px;border-color:#b45309;background:rgba(180,83,9,.12)}
.hover{position:absolute;box-sizing:border-box;border:2px dashed #1d4ed8;background:rgba(29,78,216,.08)}
.bar{position:absolute;left:50%;bottom:16px;transform:translateX(-50%);pointer-events:auto;display:flex;gap:8px;align-items:center;flex-wrap:wrap;max-width:calc(100vw - 32px);box-sizing:border-box;padding:10px 14px;border-radius:8px;background:#111827;color:#f9fafb;font:14px/1.4 system-ui,sans-serif;box-shadow:0 4px 20px rgba(0,0,0,.35)}
.bar button{font:inherit;padding:4px 10px;border-radius:6px;border:1px solid #9ca3af;background:#1f2937;color:#f9fafb;cursor:pointer}
.bar button.take{background:#0f766e;border-color:#0f766e}
.bar button:disabled{opacity:.5;cursor:default}
.keys{color:#d1d5db;font-size:12px}
`;
const MAX_REATTACH = 20;
const MAX_REFRESH = 200;

/** Starts the picker on a page; returns a function that removes it (and every listener) at once. */
export function startPicker(doc: Document, options: PickerOptions): () => void {
  const win = doc.defaultView as Window;
  const host = doc.createElement('prospector-picker');
  const shadow = host.attachShadow({ mode: 'closed' });
  // Built node by node, never from markup: nothing of the page and no HTML string reaches it.
  const make = (tag: string, cls = '', text = '', parent: Node = shadow) => {
    const el = doc.createElement(tag);
    if (cls) el.className = cls;
    if (text) el.textContent = text;
    parent.appendChild(el);
    return el;
  };
  make('style', '', STYLE);
  const hoverBox = make('div', 'hover');
  hoverBox.hidden = true;
  const boxes = make('div', 'boxes');
  const bar = make('div', 'bar');
  bar.setAttribute('role', 'dialog');
  bar.setAttribute('aria-label', 'Prospector picker');
  const status = make('span', 'status', '', bar);
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const button = (cls: string, text: string) => {
    const b = make('button', cls, text, bar) as HTMLButtonElement;
    b.type = 'button';
    return b;
  };
  button('wider', 'Wider ↑');
  button('narrower', 'Narrower ↓');
  const take = button('take', 'Take');
  take.disabled = true;
  button('cancel', 'Cancel');
  make('span', 'keys', 'Tab: next card · Enter: take · Esc: cancel', bar);
  doc.documentElement.appendChild(host);

  let hovered: Element | null = null;
  let chosen: Element | null = null;
  let path: Element[] = [];
  let match: Match | null = null;
  let candidates: Element[] | null = null;
  let candidateIndex = -1;
  let frame = 0;
  let reattached = 0;
  let refreshed = 0;
  let stopped = false;

  const say = (text: string) => {
    status.textContent = text;
  };
  say('Point at one person’s card and click it, or press Tab.');

  const draw = () => {
    frame = 0;
    const origin = host.getBoundingClientRect();
    const place = (box: HTMLElement, el: Element) => {
      const r = el.getBoundingClientRect();
      box.style.cssText = `left:${r.left - origin.left}px;top:${r.top - origin.top}px;width:${r.width}px;height:${r.height}px`;
    };
    hoverBox.hidden = !hovered || hovered === chosen;
    if (hovered && hovered !== chosen) place(hoverBox, hovered);
    const els = match?.records ?? [];
    const height = win.innerHeight;
    let used = 0;
    for (const el of els) {
      const r = el.getBoundingClientRect();
      // Only what is on screen gets a box: 500 boxes far below the fold are wasted work.
      if (r.bottom < origin.top - 50 || r.top > height + 50) continue;
      let box = boxes.children[used] as HTMLElement | undefined;
      if (!box) {
        box = doc.createElement('div');
        boxes.appendChild(box);
      }
      box.className = el === chosen ? 'box chosen' : 'box';
      place(box, el);
      used++;
    }
    while (boxes.children.length > used) boxes.lastElementChild?.remove();
  };
  const schedule = () => {
    if (!frame && !stopped) frame = win.requestAnimationFrame(draw);
  };

  const choose = (el: Element, keepPath = false) => {
    chosen = el;
    if (!keepPath) path = [el];
    match = findRecords(el);
    const root = el.getRootNode();
    // A card alone in its shadow root: the web component around it is the repeated record.
    if (match.records.length < 2 && !keepPath && root.nodeType === 11 && 'host' in root) {
      const outer = (root as ShadowRoot).host;
      const wider = findRecords(outer);
      if (wider.records.length > 1) {
        chosen = outer;
        path = [el, outer];
        match = wider;
      }
    }
    const n = match.records.length;
    const count = n === 1 ? '1 person' : `${n} people`;
    const capped = match.capped ? ` (the first ${n} of ${match.total}; more are not taken)` : '';
    const unreadable =
      readRecord(chosen, doc.URL).lines.length === 0 ? ' These cards show no text Prospector can read.' : '';
    say(`${count}${capped}.${unreadable} ↑ wider, ↓ narrower, Enter to take them.`);
    take.disabled = n === 0;
    take.textContent = `Take ${count}`;
    schedule();
  };

  const parentOf = (el: Element): Element | null => {
    const root = el.getRootNode();
    return el.parentElement ?? (root.nodeType === 11 && 'host' in root ? (root as ShadowRoot).host : null);
  };
  const widen = () => {
    const parent = chosen && parentOf(chosen);
    if (!parent || parent === doc.body || parent === doc.documentElement) return;
    path.push(parent);
    choose(parent, true);
  };
  const narrow = () => {
    if (!chosen) return;
    if (path.length > 1) {
      path.pop();
      choose(path[path.length - 1] as Element, true);
      return;
    }
    const child = chosen.firstElementChild;
    if (child) {
      path = [child];
      choose(child, true);
    }
  };
  const cycle = (step: number) => {
    candidates ??= candidateCards(doc);
    if (candidates.length === 0) return say('No repeated cards found: point at one with the mouse.');
    candidateIndex = (candidateIndex + step + candidates.length) % candidates.length;
    const el = candidates[candidateIndex] as Element;
    el.scrollIntoView?.({ block: 'nearest' });
    hovered = el;
    choose(el);
  };

  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (frame) win.cancelAnimationFrame(frame);
    observer.disconnect();
    for (const [type, fn] of listeners) win.removeEventListener(type, fn, true);
    host.remove();
  };
  const cancel = () => {
    stop();
    options.onCancel?.();
  };
  const confirm = () => {
    if (!match || match.records.length === 0) return;
    const records = match.records.map((el) => readRecord(el, doc.URL));
    const result: PageRecords = { selector: match.selector, total: match.total, records };
    stop();
    options.onConfirm(result);
  };

  const ours = (e: Event) => e.composedPath().includes(host);
  const targetOf = (e: Event): Element | null => {
    const first = e.composedPath()[0];
    return first && (first as Node).nodeType === 1 && first !== host ? (first as Element) : null;
  };
  const swallow = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const listeners: [string, (e: Event) => void][] = [
    [
      'pointermove',
      (e) => {
        if (ours(e)) return;
        hovered = targetOf(e);
        schedule();
      },
    ],
    [
      'click',
      (e) => {
        if (ours(e)) return;
        swallow(e);
        const el = targetOf(e);
        if (el) choose(el);
      },
    ],
    ...['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'auxclick', 'dblclick', 'contextmenu', 'submit'].map(
      (type): [string, (e: Event) => void] => [type, (e) => ours(e) || swallow(e)],
    ),
    [
      'keydown',
      (e) => {
        const key = (e as KeyboardEvent).key;
        const actions: Record<string, () => void> = {
          Escape: cancel,
          Enter: () => (match ? confirm() : hovered && choose(hovered)),
          ArrowUp: widen,
          ArrowDown: narrow,
          Tab: () => cycle((e as KeyboardEvent).shiftKey ? -1 : 1),
        };
        const action = actions[key];
        if (!action) return;
        swallow(e);
        action();
      },
    ],
    [
      'keyup',
      (e) => ['Escape', 'Enter', 'Tab', 'ArrowUp', 'ArrowDown'].includes((e as KeyboardEvent).key) && swallow(e),
    ],
    ['scroll', schedule],
    ['resize', schedule],
  ];
  for (const [type, fn] of listeners) win.addEventListener(type, fn, true);
  shadow.addEventListener('click', (e) => {
    const button = (e.target as Element).closest('button');
    if (!button) return;
    if (button.classList.contains('wider')) widen();
    else if (button.classList.contains('narrower')) narrow();
    else if (button.classList.contains('take')) confirm();
    else cancel();
  });

  // A page that removes foreign nodes gets the host back (a few times), and one that
  // re-renders its cards gets the matches found again from the selector, batched per frame.
  const observer = new MutationObserver(() => {
    if (stopped) return;
    if (!host.isConnected) {
      if (reattached++ >= MAX_REATTACH) return cancel();
      doc.documentElement.appendChild(host);
    }
    if (chosen && !chosen.isConnected && match && refreshed++ < MAX_REFRESH) {
      const again = doc.querySelector(match.selector);
      if (again) choose(again);
      else {
        chosen = null;
        match = null;
        take.disabled = true;
        say('The page replaced its cards: point at one again.');
      }
    }
    schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return stop;
}
