import { useTime } from '../time/timeStore.ts';

/** Says that a session ended too short to keep, so nothing vanishes silently; gone at the next start. */
export function DiscardedNotice() {
  const discarded = useTime((state) => state.discarded);
  const dismiss = useTime((state) => state.api.dismissDiscarded);
  const seconds = discarded ? Math.floor(discarded.ms / 1000) : 0;
  return (
    <div className="discarded-notice" role="status">
      {discarded && (
        <>
          <span>
            {seconds < 1 ? 'Discarded a session of under a second' : `Discarded a ${seconds} s session`} (
            {discarded.kind} · {discarded.activity}): shorter than a minute.
          </span>
          <button type="button" className="button small" onClick={dismiss}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}
