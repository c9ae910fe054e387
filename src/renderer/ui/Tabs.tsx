import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './Tabs.css';

interface Tab<Id extends string> {
  id: Id;
  label: string;
}

/** A tab list: arrow keys, Home and End move between tabs and show them; only the chosen one is mounted. */
export function Tabs<Id extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
}: {
  label: string;
  tabs: Tab<Id>[];
  selected: Id;
  onSelect(id: Id): void;
  children: ReactNode;
}) {
  const list = useRef<HTMLDivElement>(null);
  const shown = useRef(selected);

  // A panel that closes with focus inside it (a confirmed preview switches to the queue) would drop focus to
  // the page: it goes to the tab shown instead.
  useEffect(() => {
    if (shown.current === selected) return;
    shown.current = selected;
    if (document.activeElement === document.body) list.current?.querySelector<HTMLElement>(`#tab-${selected}`)?.focus();
  }, [selected]);

  function onKeyDown(event: KeyboardEvent) {
    // From the focused tab, which a click or a script may have put elsewhere than the shown one.
    const focused = tabs.findIndex((tab) => `tab-${tab.id}` === (event.target as HTMLElement).id);
    const at = focused >= 0 ? focused : tabs.findIndex((tab) => tab.id === selected);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length]!;
    onSelect(next.id);
    list.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  }

  return (
    <div className="tabs">
      <div ref={list} role="tablist" aria-label={label} className="tab-list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`tab-${tab.id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab.id === selected}
            aria-controls={tab.id === selected ? `panel-${tab.id}` : undefined}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div id={`panel-${selected}`} role="tabpanel" aria-labelledby={`tab-${selected}`} className="tab-panel">
        {children}
      </div>
    </div>
  );
}
