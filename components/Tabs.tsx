import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef<K extends string> {
  id: K;
  label: string;
}

/** An accessible tab list (WAI-ARIA tabs pattern): arrow keys move between tabs, Home/End jump. */
export function Tabs<K extends string>(props: {
  tabs: TabDef<K>[];
  selected: K;
  onSelect: (id: K) => void;
  label: string;
  idPrefix: string;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = props.tabs.findIndex((t) => t.id === props.selected);
    let next = index;
    if (event.key === 'ArrowRight') next = (index + 1) % props.tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + props.tabs.length) % props.tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = props.tabs.length - 1;
    else return;
    event.preventDefault();
    const tab = props.tabs[next];
    if (!tab) return;
    props.onSelect(tab.id);
    listRef.current?.querySelector<HTMLElement>(`#${props.idPrefix}-tab-${tab.id}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={props.label} ref={listRef} onKeyDown={onKeyDown}>
      {props.tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`${props.idPrefix}-tab-${tab.id}`}
          aria-selected={tab.id === props.selected}
          aria-controls={`${props.idPrefix}-panel-${tab.id}`}
          tabIndex={tab.id === props.selected ? 0 : -1}
          onClick={() => props.onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** The panel that belongs to a tab of <Tabs>. */
export function TabPanel(props: { idPrefix: string; id: string; children: ComponentChildren; class?: string }) {
  return (
    <div
      role="tabpanel"
      id={`${props.idPrefix}-panel-${props.id}`}
      aria-labelledby={`${props.idPrefix}-tab-${props.id}`}
      class={props.class}
    >
      {props.children}
    </div>
  );
}
