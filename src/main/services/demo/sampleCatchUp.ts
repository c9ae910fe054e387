// A sample briefing for the sample accounts: followers' posts of the last day (one of them quoting markup, as
// people who write about the web do), mentions waiting for an answer, and who answers the user's mentions.
import type { MentionReason, MentionState } from '../../../shared/catchUp.ts';
import type { AccountData, Person } from '../../../shared/people.ts';
import type { Account } from '../../../shared/types.ts';
import { HOUR, MINUTE } from '../../../shared/calendar.ts';
import type { Answer, AskedPost } from '../../core/catchUp/answers.ts';
import type { KeptMention } from '../../core/catchUp/mentions.ts';
import type { KeptPost } from '../../core/catchUp/posts.ts';
import { emptyCatchUp, type AccountCatchUp } from '../../core/catchUp/read.ts';

type Sample = [follower: number, hoursAgo: number, text: string, kind?: KeptPost['kind']];

const samplePosts: Record<string, Sample[]> = {
  'demo-bluesky': [
    [3, 0.5, 'Looking for recommendations: who writes good B2B landing page copy? Budget is there, time is not.'],
    [
      3,
      5,
      'Three things I learned from 40 discovery calls this quarter. 1/ People buy the second meeting, not the first.',
    ],
    [7, 1.2, 'Our benchmark of ad spend for small agencies is out. Surprise: video is cheaper than we all thought.'],
    [
      8,
      2,
      'Quick accessibility tip: never ship <div onclick="go()"> as a button, and stop writing href="javascript:void(0)". Use <button>.',
    ],
    [12, 3.5, 'Anyone else seeing reach drop on carousels this month? Asking for every client I have.', 'reply'],
    [15, 6, 'Hiring a freelance SEO lead for a 3-month project, remote, from January. Replies welcome.'],
    [15, 20, 'Wrote up how we price retainers. Fewer hours, clearer outcomes.', 'quote'],
    [18, 9, 'Five seats left for Thursday’s evening on growth for boring businesses. Bring a colleague.'],
  ],
  'demo-mastodon': [
    [2, 0.8, 'Does anyone have a template for a content audit? Happy to share ours in return.'],
    [5, 4, 'Small agencies: how do you say no to scope creep without losing the client?'],
    [9, 7, 'Published: a plain-language guide to consent banners that do not annoy people.'],
    [9, 16, 'Thanks for all the replies yesterday — I will collect them in a post.', 'reply'],
  ],
};

type MentionSample = [follower: number, hoursAgo: number, reason: MentionReason, text: string, state: MentionState];

const sampleMentions: Record<string, MentionSample[]> = {
  'demo-bluesky': [
    [3, 52, 'reply', 'Agree on the pricing point — how do you handle clients who want hourly anyway?', 'waiting'],
    [
      11,
      7,
      'mention',
      '@alexmorgan.bsky.social would love your take on this onboarding email before it goes out.',
      'waiting',
    ],
    [7, 30, 'quote', 'This is the clearest thread on retainers I have read this year.', 'answered'],
    [14, 60, 'mention', 'Adding @alexmorgan.bsky.social to a thread about event marketing.', 'ignored'],
  ],
  'demo-mastodon': [
    [5, 26, 'mention', '@alexmorgan do you still run the workshop on positioning? A client asked.', 'waiting'],
  ],
};

/** People the user follows who do not follow back, yet talk: [their number, hours ago, what they wrote]. */
const sampleFollowedMentions: Record<string, [number, number, string][]> = {
  'demo-bluesky': [
    [204, 40, 'Good point on value pricing @alexmorgan.bsky.social — do you publish your rates?'],
    [204, 200, '@alexmorgan.bsky.social thanks for the intro last week!'],
  ],
};

/** Per account: [follower, times asked, times answered, median hours to answer]. */
const sampleAnswers: Record<string, [number, number, number, number][]> = {
  'demo-bluesky': [
    [204, 2, 2, 5],
    [3, 4, 4, 2],
    [7, 3, 2, 6],
    [11, 4, 0, 0],
    [16, 3, 1, 30],
    [19, 2, 2, 1],
  ],
  'demo-mastodon': [
    [2, 3, 3, 3],
    [6, 3, 0, 0],
  ],
};

export function demoCatchUp(
  now: number,
  accounts: readonly { account: Account; data: AccountData }[],
): { accountId: string; state: AccountCatchUp }[] {
  return accounts.flatMap(({ account, data }) => {
    const posts = samplePosts[account.id];
    if (!posts) return [];
    const byId = new Map([...data.following, ...data.followers].map((p) => [p.id, p]));
    const follower = (i: number): Person => byId.get(`${account.id}-${i}`)!;
    const kept = posts.map(([who, hoursAgo, text, kind = 'post'], i): KeptPost => ({
      id: `${account.id}-post-${i}`,
      author: follower(who),
      text,
      createdAt: now - hoursAgo * HOUR,
      url: null,
      kind,
      counts: { replies: (i * 3) % 7, reposts: (i * 5) % 9, likes: 4 + ((i * 11) % 30) },
      scanned: false,
    }));
    const mentions = (sampleMentions[account.id] ?? []).map(([who, hoursAgo, reason, text, state], i): KeptMention => ({
      id: `${account.id}-mention-${i}`,
      author: follower(who),
      text,
      createdAt: now - hoursAgo * HOUR,
      url: null,
      reason,
      state,
      answeredAt: state === 'answered' ? now - (hoursAgo - 3) * HOUR : null,
    }));
    (sampleFollowedMentions[account.id] ?? []).forEach(([who, hoursAgo, text], i) =>
      mentions.push({
        id: `${account.id}-followed-mention-${i}`,
        author: follower(who),
        text,
        createdAt: now - hoursAgo * HOUR,
        url: null,
        reason: 'mention',
        state: 'answered',
        answeredAt: now - (hoursAgo - 2) * HOUR,
      }),
    );
    const asked: AskedPost[] = [];
    const answers: Answer[] = [];
    for (const [who, times, answered, medianHours] of sampleAnswers[account.id] ?? []) {
      for (let n = 0; n < times; n++) {
        const postId = `${account.id}-asked-${who}-${n}`;
        const at = now - (n * 4 + who) * 24 * HOUR;
        asked.push({ postId, at, mentioned: [follower(who)] });
        if (n < answered) answers.push({ postId, personId: follower(who).id, at: at + medianHours * HOUR });
      }
    }
    const lastCatchUpAt = now - 20 * MINUTE;
    const state: AccountCatchUp = {
      ...emptyCatchUp(),
      lastCatchUpAt,
      since: now - 22 * HOUR,
      posts: kept,
      mentions,
      asked,
      answers,
    };
    return [{ accountId: account.id, state }];
  });
}
