import { useCatchUp } from './catchUpStore.ts';
import './UnreadCount.css';

/** Beside "Catch-up" in the navigation: followers' posts not yet scanned. */
export function UnreadCount() {
  const unread = useCatchUp((state) => state.summary?.unread ?? 0);
  if (unread === 0) return null;
  const shown = unread.toLocaleString();
  return (
    <>
      <span className="nav-count" aria-hidden="true">
        {shown}
      </span>
      <span className="visually-hidden"> ({shown} unread)</span>
    </>
  );
}
