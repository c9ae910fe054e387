import type { FollowerPost } from '../../shared/catchUp.ts';
import { browserLink } from '../../shared/catchUp.ts';
import type { Network } from '../../shared/types.ts';
import { handleWords } from '../balance/PersonHandle.tsx';
import { ago, countsLine, kindWords, openWords } from './catchUpWords.ts';

/**
 * One post: its time, its text — always as text, whatever markup it holds — its counts, and a link that opens
 * it in the system browser (https only).
 */
export function PostItem({
  post,
  network,
  now,
  onScanned,
}: {
  post: FollowerPost;
  network: Network;
  now: number;
  onScanned(scanned: boolean): void;
}) {
  const link = browserLink(post.url);
  const kind = kindWords[post.kind];
  const verb = post.scanned ? 'Mark unread' : 'Mark scanned';
  return (
    <li className={`catch-up-post${post.scanned ? ' scanned' : ''}`}>
      <p className="post-meta">
        {kind && <span className="post-kind">{kind}</span>}
        <time dateTime={new Date(post.createdAt).toISOString()} title={new Date(post.createdAt).toLocaleString()}>
          {ago(post.createdAt, now)}
        </time>
        {post.scanned && <span className="muted"> · scanned</span>}
      </p>
      <p className="post-text">{post.text || <span className="muted">(no text: an image or a link)</span>}</p>
      <p className="post-foot">
        <span className="muted">{countsLine(post.counts)}</span>
        {link && (
          <a className="post-link" href={link} target="_blank" rel="noreferrer noopener">
            {openWords(network)} <span aria-hidden="true">↗</span>
          </a>
        )}
        {/* Named after the post, so a list of these buttons still says which one. */}
        <button
          type="button"
          className="button small"
          aria-label={`${verb}: ${handleWords(post.author, network)}, ${ago(post.createdAt, now)}`}
          onClick={() => onScanned(!post.scanned)}
        >
          {verb}
        </button>
      </p>
    </li>
  );
}
