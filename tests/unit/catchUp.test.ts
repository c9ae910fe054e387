import { describe, expect, it } from 'vitest';
import { answerRates, answersIn, askedPosts, mergeAnswers } from '../../src/main/core/catchUp/answers.ts';
import type { FeedPost, Notice } from '../../src/main/core/catchUp/feed.ts';
import { followersPosts } from '../../src/main/core/catchUp/feed.ts';
import { mergeMentions, orderMentions, ownReplies } from '../../src/main/core/catchUp/mentions.ts';
import { othersToRead, ownFeedSince, readWindows } from '../../src/main/core/catchUp/plan.ts';
import { groupByPerson, markScanned, mergePosts, unreadOf } from '../../src/main/core/catchUp/posts.ts';
import { htmlToText } from '../../src/main/core/catchUp/postText.ts';
import { browserLink, rarelyAnswers } from '../../src/shared/catchUp.ts';
import { DAY, HOUR, MINUTE } from '../../src/shared/calendar.ts';

const now = Date.UTC(2026, 10, 25, 12);
const person = (id: string) => ({ id, handle: `${id}.test`, displayName: id.toUpperCase() });
let next = 0;
function post(author: string, minutesAgo: number, extra: Partial<FeedPost> = {}): FeedPost {
  const at = now - minutesAgo * MINUTE;
  return {
    id: `p${++next}`,
    author: person(author),
    text: `post by ${author}`,
    createdAt: at,
    sortAt: at,
    url: null,
    counts: { replies: 0, reposts: 0, likes: 0 },
    replyTo: null,
    quoteOf: null,
    mentions: [],
    repost: false,
    ...extra,
  };
}

describe('followers’ posts', () => {
  it('keeps followers’ own posts since the window: not reposts, not the user’s, not strangers’, no repeats', () => {
    const own = post('ana', 30);
    const posts = [own, own, post('me', 5), post('stranger', 5), post('ben', 10, { repost: true }), post('ana', 600)];
    const kept = followersPosts(posts, new Set(['ana', 'ben']), 'me', now - 5 * HOUR);
    expect(kept).toEqual([own]);
  });

  it('reads a follower’s own feed from their own start when given', () => {
    const old = post('eve', 20 * 60);
    expect(followersPosts([old], new Set(['eve']), 'me', now - HOUR)).toEqual([]);
    expect(followersPosts([old], new Set(['eve']), 'me', now - HOUR, { eve: now - DAY })).toEqual([old]);
  });

  it('keeps scanned marks when posts are read again, takes fresh counts, and lets old posts go', () => {
    const first = post('ana', 60);
    let kept = mergePosts([], [first, post('ben', 30)], now);
    kept = markScanned(kept, 'acc', { accountId: 'acc', post: first.id });
    expect(unreadOf(kept)).toBe(1);
    const again = { ...first, counts: { replies: 4, reposts: 1, likes: 9 } };
    kept = mergePosts(kept, [again], now);
    expect(kept.find((p) => p.id === first.id)).toMatchObject({ scanned: true, counts: { likes: 9 } });
    expect(mergePosts(kept, [], now + 15 * DAY)).toEqual([]);
  });

  it('marks a person or everything scanned, only in the account named', () => {
    const kept = mergePosts([], [post('ana', 1), post('ana', 2), post('ben', 3)], now);
    expect(unreadOf(markScanned(kept, 'acc', { accountId: 'acc', person: 'ana' }))).toBe(1);
    expect(unreadOf(markScanned(kept, 'acc', { accountId: 'other', person: 'ana' }))).toBe(3);
    expect(unreadOf(markScanned(kept, 'acc', { everything: true }))).toBe(0);
  });

  it('groups by person, the newest post first, leaving out what is scanned unless asked', () => {
    const a = mergePosts([], [post('ana', 50), post('ben', 10), post('ana', 5)], now);
    const b = mergePosts([], [post('cem', 20)], now);
    const accounts = [
      { accountId: 'a', posts: markScanned(a, 'a', { accountId: 'a', person: 'ben' }) },
      { accountId: 'b', posts: b },
    ];
    const unread = groupByPerson(accounts, [], false);
    expect(unread.map((g) => [g.accountId, g.person.id, g.posts.length, g.unread])).toEqual([
      ['a', 'ana', 2, 2],
      ['b', 'cem', 1, 1],
    ]);
    expect(unread[0]!.posts[0]!.createdAt).toBe(now - 5 * MINUTE);
    expect(groupByPerson(accounts, [], true).map((g) => g.person.id)).toEqual(['ana', 'ben', 'cem']);
  });
});

describe('mentions waiting for an answer', () => {
  const notice = (reason: Notice['reason'], p: FeedPost): Notice => ({ reason, post: p });

  it('takes mentions, quotes and replies to the user’s own posts, and sees the user’s reply as the answer', () => {
    const mention = post('ana', 300);
    const replyToMe = post('ben', 200, { replyTo: { postId: 'mine', authorId: 'me', rootId: 'mine' } });
    const replyToOther = post('cem', 100, { replyTo: { postId: 'x', authorId: 'dan', rootId: 'mine' } });
    const quote = post('dan', 50, { quoteOf: 'mine' });
    const answer = post('me', 10, { replyTo: { postId: mention.id, authorId: 'ana', rootId: mention.id } });
    const notices = [
      notice('mention', mention),
      notice('reply', replyToMe),
      notice('reply', replyToOther),
      notice('quote', quote),
    ];
    const mentions = orderMentions(mergeMentions([], notices, ownReplies([answer]), 'me', now));
    expect(mentions.map((m) => [m.author.id, m.reason, m.state])).toEqual([
      ['ben', 'reply', 'waiting'],
      ['dan', 'quote', 'waiting'],
      ['ana', 'mention', 'answered'],
    ]);
    expect(mentions[2]!.answeredAt).toBe(answer.createdAt);
  });

  it('keeps the user’s own marks when the same notices come again', () => {
    const mention = post('ana', 60);
    const first = mergeMentions([], [notice('mention', mention)], [], 'me', now);
    const ignored = [{ ...first[0]!, state: 'ignored' as const }];
    const reply = { postId: mention.id, at: now };
    expect(mergeMentions(ignored, [notice('mention', mention)], [reply], 'me', now)[0]!.state).toBe('ignored');
    expect(mergeMentions(first, [], [], 'me', now + 31 * DAY)).toEqual([]);
  });
});

describe('who answers', () => {
  it('counts, per person mentioned, the posts they replied to and the median time', () => {
    const asking = [
      post('me', 600, { mentions: [person('ana'), person('me')] }),
      post('me', 500, { mentions: [person('ana'), person('ben')] }),
      post('me', 400, { mentions: [person('ana')] }),
      post('me', 300),
    ];
    const asked = askedPosts(asking, 'me');
    expect(asked).toHaveLength(3);
    const replies = [
      post('ana', 590, { replyTo: { postId: asking[0]!.id, authorId: 'me', rootId: asking[0]!.id } }),
      // An answer deeper in the thread counts; a second one does not count twice.
      post('ana', 200, { replyTo: { postId: 'deeper', authorId: 'ben', rootId: asking[1]!.id } }),
      post('ana', 100, { replyTo: { postId: asking[1]!.id, authorId: 'me', rootId: asking[1]!.id } }),
      // Someone not mentioned answering is no answer of theirs.
      post('cem', 50, { replyTo: { postId: asking[2]!.id, authorId: 'me', rootId: asking[2]!.id } }),
    ];
    const answers = mergeAnswers([], answersIn(replies, asked), asked);
    const rates = answerRates('acc', asked, answers);
    expect(rates.map((r) => [r.person.id, r.asked, r.answered, r.medianMs])).toEqual([
      ['ben', 1, 0, null],
      ['ana', 3, 2, (10 * MINUTE + 300 * MINUTE) / 2],
    ]);
    expect(rates.map(rarelyAnswers)).toEqual([false, false]);
    expect(rarelyAnswers({ asked: 3, answered: 1 })).toBe(true);
    expect(rarelyAnswers({ asked: 3, answered: 2 })).toBe(false);
  });
});

describe('what a catch-up reads', () => {
  it('looks back a day the first time, then to the last catch-up with a little overlap', () => {
    expect(readWindows(null, now)).toEqual({ posts: now - DAY, mentions: now - 30 * DAY });
    expect(readWindows(now - HOUR, now).posts).toBe(now - HOUR - 10 * MINUTE);
    expect(readWindows(now - 60 * DAY, now).posts).toBe(now - 14 * DAY);
  });

  it('reads followers never read first, newest first, then those read longest ago, none twice in an hour', () => {
    const readAt = { c: now - HOUR, d: now - 2 * HOUR, e: now - 30 * MINUTE };
    expect(othersToRead(['a', 'b', 'c', 'd', 'e'], readAt, 4, now)).toEqual(['a', 'b', 'd', 'c']);
    expect(othersToRead(['a', 'b', 'c', 'd', 'e'], readAt, 9, now)).toEqual(['a', 'b', 'd', 'c']);
    expect(othersToRead(['a'], {}, 0, now)).toEqual([]);
    const windows = readWindows(now - HOUR, now);
    expect(ownFeedSince(undefined, windows, now)).toBe(now - DAY);
    expect(ownFeedSince(now - 5 * HOUR, windows, now)).toBe(now - 5 * HOUR - 10 * MINUTE);
  });
});

describe('untrusted text and links', () => {
  it('turns HTML into text, decoding entities once and dropping every tag', () => {
    expect(htmlToText('<p>Hi &lt;b&gt;there&lt;/b&gt; &amp;amp;<br />next</p><p>two &#x1F600;</p>')).toBe(
      'Hi <b>there</b> &amp;\nnext\n\ntwo 😀',
    );
    expect(htmlToText('<p>a<script>alert(1)</script><img src=x onerror=alert(1)>b</p>')).toBe('ab');
  });

  it('opens only https addresses in the browser', () => {
    expect(browserLink('https://bsky.app/profile/a.test/post/3k')).toBe('https://bsky.app/profile/a.test/post/3k');
    expect(browserLink('javascript:alert(1)')).toBeNull();
    expect(browserLink('JavaScript:alert(1)')).toBeNull();
    expect(browserLink('http://example.com/')).toBeNull();
    expect(browserLink('https://user:pw@example.com/')).toBeNull();
    expect(browserLink('data:text/html,<script>1</script>')).toBeNull();
    expect(browserLink(null)).toBeNull();
  });
});
