import { useId, type ReactNode } from 'react';
import { useApp } from '../shell/appStore.ts';
import './EmptyState.css';

/** What to do next on an empty screen; offers the sample data while Twoway holds nothing of the user's. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  const hasData = useApp((state) => state.status?.hasData ?? true);
  const loadDemo = useApp((state) => state.api.loadDemo);
  const id = useId();
  return (
    <section className="empty-state" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="empty-text">{children}</div>
      {!hasData && (
        <p>
          <button type="button" className="button primary" onClick={() => void loadDemo()}>
            Load sample data
          </button>
          <span className="muted"> four weeks of sessions and six weeks of follower history, to look around.</span>
        </p>
      )}
    </section>
  );
}
