import { useCatchUp } from './catchUpStore.ts';
import './CatchUpCard.css';
import { routeHash } from '../../shared/routes.ts';

/** The dashboard's line on the briefing: what is unread and who waits for an answer, one click away. */
export function CatchUpCard() {
  const summary = useCatchUp((state) => state.summary);
  if (!summary || summary.accounts.length === 0) return null;
  const { unread, waiting } = summary;
  return (
    <section className="card catch-up-card" aria-labelledby="catch-up-card-title">
      <div>
        <h2 id="catch-up-card-title" className="card-title">
          Catch-up
        </h2>
        <p className="catch-up-figures">
          <span>
            <strong className="figure-small">{unread.toLocaleString()}</strong> unread post{unread === 1 ? '' : 's'}{' '}
            from followers
          </span>
          <span>
            <strong className="figure-small">{waiting.toLocaleString()}</strong> waiting for your answer
          </span>
        </p>
      </div>
      <a className="button primary" href={routeHash({ view: 'catch-up' })}>
        Open the briefing
      </a>
    </section>
  );
}
