import { DAY } from '../../../shared/calendar.ts';
import type { ChangedPeople, XImportResult } from '../../../shared/xImport.ts';
import { count, momentLabel, people } from '../../balance/networkWords.ts';
import { PersonHandle, PersonName } from '../../balance/PersonHandle.tsx';
import { XProfileLink } from './XProfileLink.tsx';
import './XImportSummary.css';

const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** One kind of change since the last import: how many, and who, each with a way to their profile. */
function Change({ title, changed }: { title: string; changed: ChangedPeople }) {
  if (changed.count === 0) return <li className="muted">{title}</li>;
  return (
    <li>
      <details>
        <summary>{title}</summary>
        <ul className="x-import-people">
          {changed.people.map((person) => (
            <li key={person.id}>
              <PersonHandle person={person} network="x" /> <PersonName name={person.displayName} />{' '}
              <XProfileLink person={person} />
            </li>
          ))}
          {changed.count > changed.people.length && (
            <li className="muted">and {count(changed.count - changed.people.length)} more</li>
          )}
        </ul>
      </details>
    </li>
  );
}

/** What an import found: whose archive, the counts, and what changed since the import before. */
export function XImportSummary({ result, now }: { result: XImportResult; now: number }) {
  const { account, history } = result.balance;
  const owner = result.owner ?? { handle: account.handle, displayName: account.displayName };
  const mutuals = history.at(-1)?.mutuals ?? 0;
  const { gained, lost, followed, unfollowed } = result;
  return (
    <section className="x-import-result" aria-labelledby="x-import-result-title">
      <h3 id="x-import-result-title" className="card-title">
        Imported the archive of <bdi>{owner.handle}</bdi>
        {owner.displayName && (
          <span className="muted">
            {' '}
            · <PersonName name={owner.displayName} />
          </span>
        )}
      </h3>
      <dl className="x-import-figures">
        <div>
          <dt>Followers</dt>
          <dd>{count(result.followers)}</dd>
        </div>
        <div>
          <dt>Following</dt>
          <dd>{count(result.following)}</dd>
        </div>
        <div>
          <dt>Mutuals</dt>
          <dd>{count(mutuals)}</dd>
        </div>
      </dl>
      {result.previousAt === null ? (
        <p className="note">
          The first archive of this account: each newer one you import is compared with it. Archives hold no follow
          dates, so the grace period of everyone you follow starts now, when Twoway first saw them.
        </p>
      ) : (
        <>
          <p>
            Since the archive imported {now - result.previousAt < DAY ? 'at' : 'on'}{' '}
            {momentLabel(result.previousAt, now)}:
          </p>
          <ul className="x-import-changes" aria-label="Changes since the last import">
            <Change
              title={gained.count ? plural(gained.count, 'new follower', 'new followers') : 'No new followers'}
              changed={gained}
            />
            <Change
              title={lost.count ? plural(lost.count, 'follower lost', 'followers lost') : 'No followers lost'}
              changed={lost}
            />
            <Change
              title={followed.count ? `You followed ${people(followed.count)}` : 'No new follows'}
              changed={followed}
            />
            <Change
              title={unfollowed.count ? `You unfollowed ${people(unfollowed.count)}` : 'No follows removed'}
              changed={unfollowed}
            />
          </ul>
        </>
      )}
    </section>
  );
}
