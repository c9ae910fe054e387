import type { PersonPosts } from '../../shared/catchUp.ts';
import { rarelyAnswers } from '../../shared/catchUp.ts';
import { shownName } from '../../shared/shownNames.ts';
import type { Network } from '../../shared/types.ts';
import { NetworkBadge } from '../ui/NetworkBadge.tsx';
import { handleWords, PersonHandle, PersonName } from '../balance/PersonHandle.tsx';
import { answerLine } from './catchUpWords.ts';
import { PostItem } from './PostItem.tsx';
import './PersonGroup.css';

/** One follower's posts since the last visit, with how they answer the user's mentions, and their marks. */
export function PersonGroup({
  group,
  network,
  showNetwork,
  now,
  onScanned,
}: {
  group: PersonPosts;
  network: Network;
  showNetwork: boolean;
  now: number;
  onScanned(target: { post: string } | { person: string }, scanned: boolean): void;
}) {
  const { person, posts, unread, answers } = group;
  const handle = handleWords(person, network);
  const name = shownName(person.displayName) || handle;
  const markAll = `Mark scanned (${unread === 1 ? '1 post' : `${unread.toLocaleString()} posts`})`;
  return (
    <article className="card person-posts" aria-label={`${name} (${handle})`}>
      <header className="person-posts-head">
        <div className="person-posts-who">
          <strong>{person.displayName ? <PersonName name={person.displayName} /> : <bdi>{handle}</bdi>}</strong>{' '}
          <span className="muted">
            <PersonHandle person={person} network={network} />
          </span>
          {showNetwork && <NetworkBadge network={network} />}
          {answers && (
            <span className={`answer-note${rarelyAnswers(answers) ? ' rarely' : ''}`}>{answerLine(answers)}</span>
          )}
        </div>
        {unread > 0 && (
          <button
            type="button"
            className="button small"
            aria-label={`${markAll}: ${handle}`}
            onClick={() => onScanned({ person: person.id }, true)}
          >
            {markAll}
          </button>
        )}
      </header>
      <ul className="catch-up-posts">
        {posts.map((post) => (
          <PostItem
            key={post.id}
            post={post}
            network={network}
            now={now}
            onScanned={(scanned) => onScanned({ post: post.id }, scanned)}
          />
        ))}
      </ul>
    </article>
  );
}
