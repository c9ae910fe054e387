import type { Mention, MentionState } from '../../shared/catchUp.ts';
import { browserLink } from '../../shared/catchUp.ts';
import type { Network } from '../../shared/types.ts';
import { NetworkBadge } from '../ui/NetworkBadge.tsx';
import { handleWords, PersonHandle, PersonName } from '../balance/PersonHandle.tsx';
import { ago, moment, openWords, reasonWords, span } from './catchUpWords.ts';
import './MentionsPanel.css';

function MentionRow({
  mention,
  network,
  showNetwork,
  now,
  onMark,
}: {
  mention: Mention;
  network: Network;
  showNetwork: boolean;
  now: number;
  onMark(state: MentionState): void;
}) {
  const link = browserLink(mention.url);
  const handle = handleWords(mention.author, network);
  // Named after the author, so a list of these buttons still says which one.
  const button = (label: string, state: MentionState) => (
    <button type="button" className="button small" aria-label={`${label}: ${handle}`} onClick={() => onMark(state)}>
      {label}
    </button>
  );
  let state;
  if (mention.state === 'waiting') {
    state = <span className="state-badge due">waiting {span(now - mention.createdAt)}</span>;
  } else {
    const when = mention.answeredAt === null ? '' : ` ${moment(mention.answeredAt, now)}`;
    state = (
      <span className={`state-badge ${mention.state === 'answered' ? 'done' : ''}`}>
        {mention.state === 'answered' ? `answered${when}` : 'ignored'}
      </span>
    );
  }
  return (
    <li className={`mention-row ${mention.state}`}>
      <p className="post-meta">
        {showNetwork && <NetworkBadge network={network} />}{' '}
        <strong>
          {mention.author.displayName ? <PersonName name={mention.author.displayName} /> : <bdi>{handle}</bdi>}
        </strong>{' '}
        <span className="muted">
          <PersonHandle person={mention.author} network={network} /> {reasonWords[mention.reason]} ·{' '}
          <time dateTime={new Date(mention.createdAt).toISOString()}>{ago(mention.createdAt, now)}</time>
        </span>{' '}
        {state}
      </p>
      <p className="post-text">{mention.text || <span className="muted">(no text)</span>}</p>
      <p className="post-foot">
        {link && (
          <a className="post-link" href={link} target="_blank" rel="noreferrer noopener">
            {openWords(network)} to answer <span aria-hidden="true">↗</span>
          </a>
        )}
        {mention.state === 'waiting' ? (
          <>
            {button('Mark answered', 'answered')}
            {button('Ignore', 'ignored')}
          </>
        ) : (
          button('Undo', 'waiting')
        )}
      </p>
    </li>
  );
}

/** Mentions, replies and quotes of the user: what waits for an answer first, the longest waiting at the top. */
export function MentionsPanel({
  mentions,
  networkOf,
  showNetwork,
  now,
  onMark,
}: {
  mentions: Mention[];
  networkOf(accountId: string): Network;
  showNetwork: boolean;
  now: number;
  onMark(mention: Mention, state: MentionState): void;
}) {
  if (mentions.length === 0) {
    return <p className="list-message muted">No one mentioned, replied to or quoted you in the last 30 days.</p>;
  }
  const list = (label: string, shown: Mention[]) => (
    <ul className="mentions" aria-label={label}>
      {shown.map((mention) => (
        <MentionRow
          key={`${mention.accountId}\n${mention.id}`}
          mention={mention}
          network={networkOf(mention.accountId)}
          showNetwork={showNetwork}
          now={now}
          onMark={(state) => onMark(mention, state)}
        />
      ))}
    </ul>
  );
  const waiting = mentions.filter((m) => m.state === 'waiting');
  const dealt = mentions.filter((m) => m.state !== 'waiting');
  const answered = dealt.filter((m) => m.state === 'answered').length;
  const n = (count: number) => count.toLocaleString();
  return (
    <>
      {/* The parts add up to the whole, so no mention is counted twice or lost between the lists. */}
      <p className="mentions-totals muted">
        {n(mentions.length)} mention{mentions.length === 1 ? '' : 's'} in the last 30 days: {n(waiting.length)} waiting
        for your answer · {n(answered)} answered · {n(dealt.length - answered)} ignored
      </p>
      {waiting.length > 0 ? (
        list('Waiting for your answer', waiting)
      ) : (
        <p className="list-message">Nobody is waiting for your answer.</p>
      )}
      {dealt.length > 0 && (
        <>
          <h3 className="mentions-title">
            Answered or ignored <span className="muted">· {n(dealt.length)}</span>
          </h3>
          {list('Answered or ignored', dealt)}
        </>
      )}
    </>
  );
}
