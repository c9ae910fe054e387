import { stopwatch } from '../format.ts';
import { shortcuts } from '../shortcuts.ts';
import { useTime } from '../stores/timeStore.ts';
import { useNow } from '../useNow.ts';

export function TimerCard() {
  const running = useTime((state) => state.timer?.running ?? null);
  const api = useTime((state) => state.api);
  const now = useNow(running !== null);
  const away = running?.awayFrom !== undefined;

  return (
    <section className={`card timer ${running ? `is-${running.kind}` : 'is-idle'}`} aria-labelledby="timer-title">
      <h2 id="timer-title" className="card-title">
        {running ? `${running.kind === 'online' ? 'Online' : 'Offline'} · ${running.activity}` : 'No session running'}
      </h2>
      <p className="timer-clock" role="timer" aria-live="off">
        {running ? stopwatch((away ? running.awayFrom! : now) - running.start) : '0:00'}
      </p>
      <div className="timer-actions">
        <button
          type="button"
          className="button online"
          disabled={running?.kind === 'online'}
          aria-keyshortcuts={shortcuts.online.keys}
          title={shortcuts.online.hint}
          onClick={() => void api.start('online')}
        >
          Start online
        </button>
        <button
          type="button"
          className="button offline"
          disabled={running?.kind === 'offline'}
          aria-keyshortcuts={shortcuts.offline.keys}
          title={shortcuts.offline.hint}
          onClick={() => void api.start('offline')}
        >
          Start offline
        </button>
        <button
          type="button"
          className="button"
          disabled={!running}
          aria-keyshortcuts={shortcuts.stop.keys}
          title={shortcuts.stop.hint}
          onClick={() => void api.stop()}
        >
          Stop
        </button>
      </div>
    </section>
  );
}
