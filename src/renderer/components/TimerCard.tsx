import { useTime } from '../stores/timeStore.ts';
import { stopwatch } from '../format.ts';
import { useNow } from '../useNow.ts';

export function TimerCard() {
  const summary = useTime((state) => state.summary);
  const api = useTime((state) => state.api);
  const running = summary?.running ?? null;
  const now = useNow(running !== null);

  return (
    <section className={`card timer ${running ? `is-${running.kind}` : 'is-idle'}`} aria-labelledby="timer-title">
      <h2 id="timer-title" className="card-title">
        {running ? `${running.kind === 'online' ? 'Online' : 'Offline'} · ${running.activity}` : 'No session running'}
      </h2>
      <p className="timer-clock" role="timer" aria-live="off">
        {running ? stopwatch(now - running.start) : '0:00'}
      </p>
      <div className="timer-actions">
        <button
          type="button"
          className="button online"
          disabled={running?.kind === 'online'}
          onClick={() => void api.start('online')}
        >
          Start online
        </button>
        <button
          type="button"
          className="button offline"
          disabled={running?.kind === 'offline'}
          onClick={() => void api.start('offline')}
        >
          Start offline
        </button>
        <button type="button" className="button" disabled={!running} onClick={() => void api.stop()}>
          Stop
        </button>
      </div>
    </section>
  );
}
