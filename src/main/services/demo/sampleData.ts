// Realistic sample data, so a newcomer sees a living dashboard: four weeks of a consultant's sessions and
// six weeks of follower history on three networks, with follower lists to match. Deterministic for a given `now`.
import type { AccountData, Followed, Ghost, Person } from '../../../shared/people.ts';
import type { Outcome, OutcomeChannel, OutcomeType } from '../../../shared/outcomes.ts';
import type { Account, Activity, SessionKind, TimeEntry } from '../../../shared/types.ts';
import { DAY, HOUR, MINUTE, addDays, dayKey, startOfDay } from '../../../shared/calendar.ts';
import { byId } from '../../core/balance/followGraph.ts';
import { bioFirstLine } from '../../core/balance/profileText.ts';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type DemoEntry = Omit<TimeEntry, 'id'>;

function sessionsOfDay(day: number, rand: () => number): DemoEntry[] {
  const weekday = new Date(day).getDay();
  const at = (hour: number, minute: number) => day + (hour * 60 + minute) * MINUTE;
  const entry = (kind: SessionKind, activity: Activity, start: number, minutes: number, note = ''): DemoEntry => ({
    kind,
    activity,
    start,
    end: start + Math.round(minutes) * MINUTE,
    note,
    source: 'timer',
  });
  if (weekday === 0 || weekday === 6) {
    return rand() < 0.5 ? [entry('online', 'scanning', at(10, 15), 10 + rand() * 15)] : [];
  }
  const sessions: DemoEntry[] = [entry('online', 'scanning', at(8, 30), 15 + rand() * 20)];
  if (rand() < 0.65) sessions.push(entry('offline', 'meeting', at(10, 0), 60 + rand() * 30, 'Client meeting'));
  if (rand() < 0.7) sessions.push(entry('online', 'posting', at(12, 30), 5 + rand() * 10));
  if (rand() < 0.5) sessions.push(entry('offline', 'call', at(14, 0), 20 + rand() * 25, 'Follow-up call'));
  if (rand() < 0.8)
    sessions.push(entry('online', rand() < 0.5 ? 'replying' : 'messages', at(16, 45), 10 + rand() * 30));
  if (weekday === 4)
    sessions.push(entry('offline', 'event', at(18, 30), 120 + rand() * 30, 'Business networking evening'));
  return sessions;
}

export function demoEntries(now: number): DemoEntry[] {
  const rand = random(20261125);
  const entries: DemoEntry[] = [];
  for (let back = 27; back >= 0; back--) {
    const day = addDays(startOfDay(now), -back);
    entries.push(...sessionsOfDay(day, rand).filter((entry) => entry.end <= now));
  }
  return entries;
}

const firstNames = [
  'ana',
  'ben',
  'chloe',
  'dev',
  'elif',
  'farid',
  'grace',
  'hugo',
  'ines',
  'jonas',
  'kim',
  'lena',
  'marco',
  'nadia',
  'omar',
  'priya',
  'quinn',
  'rosa',
  'sam',
  'tariq',
];
const trades = ['growth', 'brand', 'seo', 'content', 'sales', 'ads', 'pr', 'data', 'ux', 'events'];

const demoAccounts = [
  {
    id: 'demo-bluesky',
    network: 'bluesky',
    handle: 'alexmorgan.bsky.social',
    domain: '.bsky.social',
    followers: 203,
    following: 243,
  },
  {
    id: 'demo-mastodon',
    network: 'mastodon',
    handle: '@alexmorgan@mastodon.social',
    domain: '@mastodon.social',
    followers: 118,
    following: 131,
  },
  { id: 'demo-x', network: 'x', handle: '@alexmorgan_biz', domain: '', followers: 486, following: 512 },
] as const;

/** A few follows that can never follow back, by their place among those not following back. */
const demoGhosts: Record<string, Record<number, Ghost>> = {
  bluesky: { 2: { reason: 'deleted' }, 13: { reason: 'deactivated' }, 24: { reason: 'blocks-you' } },
  mastodon: { 3: { reason: 'moved', movedTo: '@alexfriend@hachyderm.io' }, 10: { reason: 'suspended' } },
  x: {},
};

/** Six weeks of daily counts ending at today's, and lists that match them: mutuals, people who have not followed back (some still within the grace period) and followers not followed back. */
export function demoAccountsData(now: number): { account: Account; data: AccountData }[] {
  const rand = random(42);
  return demoAccounts.map(({ followers, following, domain, ...account }, a) => {
    const person = (i: number): Person => {
      const name = `${firstNames[i % firstNames.length]}${trades[Math.floor(i / firstNames.length) % trades.length]}${i >= 200 ? i : ''}`;
      const handle = account.network === 'bluesky' ? `${name}${domain}` : `@${name}${domain}`;
      return { id: `${account.id}-${i}`, handle, displayName: name.replace(/^\w/, (c) => c.toUpperCase()) };
    };
    const mutuals = Math.round(followers * 0.82);
    const notBack = following - mutuals;
    const followerList = Array.from({ length: followers }, (_, i) => person(i));
    const followed = (i: number, daysAgo: number): Followed => ({
      ...person(i),
      followedAt: now - daysAgo * DAY - rand() * DAY,
      ref: null,
    });
    const ghostOf = (i: number) => demoGhosts[account.network]![i];
    const followingList = [
      ...Array.from({ length: notBack }, (_, i): Followed => {
        const ghost = ghostOf(i);
        return { ...followed(followers + i, (i * 11) % 30), ...(ghost && { ghost }) };
      }),
      ...Array.from({ length: mutuals }, (_, i) => followed(i, 30 + ((i * 7) % 300))),
    ];
    let f: number = followers;
    let g: number = following;
    // Posts draw from their own sequence, so the follower figures stay what they were.
    const postsRand = random(7 + a);
    let posts = 900 + a * 400;
    const history = [];
    for (let back = 0; back < 42; back++) {
      history.push({ at: now - back * DAY, followers: f, following: g, mutuals: Math.round(f * 0.82), posts });
      f = Math.max(0, f - Math.round(rand() * 2.2));
      g = Math.max(0, g - Math.round(rand() * 2.6 - 0.9));
      posts -= Math.round(postsRand() * 1.6);
    }
    const data: AccountData = {
      followers: [...followerList].sort(byId),
      following: [...followingList].sort(byId),
      heads: { followers: [], following: [] },
      history: history.reverse(),
      events: [
        ...followerList
          .slice(0, 4 + a)
          .map((p, i) => ({ at: now - i * DAY, type: 'gained-follower' as const, person: p })),
        ...[1, 2]
          .slice(0, a + 1)
          .map((i) => ({ at: now - i * DAY, type: 'lost-follower' as const, person: person(900 + i) })),
        ...[3, 9].map((i) => ({ at: now - i * DAY, type: 'followed' as const, person: person(followers + i) })),
        { at: now - 5 * DAY, type: 'unfollowed' as const, person: person(950 + a) },
      ],
      keep: [],
      syncedAt: now,
    };
    return { account: { ...account, displayName: 'Alex Morgan', connection: { network: 'demo' } }, data };
  });
}

/** A month of outcomes across channels, so the report's "what brings business" has something to say. */
export function demoOutcomes(now: number): Omit<Outcome, 'id'>[] {
  const day = (back: number) => dayKey(addDays(startOfDay(now), -back));
  const outcome = (back: number, type: OutcomeType, channel: OutcomeChannel, person: string, note = '') => ({
    date: day(back),
    type,
    channel,
    value: null,
    currency: null,
    person,
    note,
  });
  return [
    outcome(0, 'conversation', 'bluesky', 'Nadia Brand', 'Asked about our content audit'),
    outcome(1, 'meeting', 'offline', 'Hugo Sales', 'Coffee on Friday'),
    outcome(2, 'connection', 'mastodon', 'Priya Data'),
    outcome(3, 'lead', 'offline', 'Omar Events', 'Met at the networking evening'),
    {
      ...outcome(6, 'client', 'offline', 'Omar Events', 'Social media retainer, 3 months'),
      value: 4500,
      currency: 'EUR',
    },
    outcome(8, 'media', 'x', '', 'My post was quoted on the local TV news'),
    outcome(10, 'lead', 'bluesky', 'Kim Growth'),
    { ...outcome(16, 'client', 'bluesky', 'Kim Growth', 'Ad campaign set-up'), value: 1200, currency: 'EUR' },
    outcome(20, 'meeting', 'offline', 'Lena Pr'),
    // Linked by handle, as the outcome form suggests it: this client never followed back and stays protected.
    outcome(12, 'client', 'bluesky', '@chloebrand222.bsky.social', 'Brand refresh, phase one'),
    outcome(4, 'conversation', 'bluesky', 'elifgrowth204.bsky.social', 'Talked pricing in the replies'),
  ];
}

const sampleBios = [
  'Growth consultant for B2B SaaS. Ex-agency. Writes about pricing and positioning.',
  'Brand strategist · speaker · coffee snob\nBased in Lisbon',
  'SEO lead at a 12-person agency. Technical audits, content that ranks, no tricks.',
  'Content designer. I turn jargon into sentences people finish.',
  'Sales coach for founders who hate selling. Workshops every month.',
  'Paid social for local businesses. Small budgets, honest reports.',
  'PR & media relations — tech, climate, health. Pitch me your story.',
  'Data analyst. Dashboards that answer the question you actually asked.',
  'UX researcher, accessibility advocate. Opinions are my own.',
  'Event producer: meetups, conferences, the odd wedding. Always hiring volunteers.',
];

/** A profile as a sample account's people rows show it; `avatarUrl` 'sample' draws a picture (core/demoAvatar). */
export interface SampleProfile {
  id: string;
  bio: string | null;
  followersCount: number | null;
  followingCount: number | null;
  lastPostAt: number | null;
  avatarUrl: string | null;
}

/** Where sample pictures come from: drawn, never fetched. */
export const samplePicture = 'sample';

/**
 * Profiles for the sample Bluesky and Mastodon people (X archives carry none): most posted this week, some have
 * been inactive for months, a few never posted, a third have no picture. Ghost follows have no profile to read.
 */
export function demoProfiles(
  now: number,
  sample: readonly { account: Account; data: AccountData }[],
): { accountId: string; profiles: SampleProfile[] }[] {
  return sample.flatMap(({ account, data }) => {
    if (account.network === 'x') return [];
    const rand = random(account.id.length * 97);
    const people = [...data.following.filter((f) => !f.ghost), ...data.followers];
    const seen = new Set<string>();
    const profiles = people.flatMap((person): SampleProfile[] => {
      if (seen.has(person.id)) return [];
      seen.add(person.id);
      const n = Number(person.id.slice(person.id.lastIndexOf('-') + 1));
      const monthsAway = n % 6 === 1 ? 3 + (n % 11) : 0;
      const lastPostAt =
        n % 17 === 5 ? null : monthsAway > 0 ? now - monthsAway * 30.44 * DAY : now - rand() * 6 * DAY - HOUR;
      return [
        {
          id: person.id,
          bio: n % 9 === 3 ? null : bioFirstLine(sampleBios[n % sampleBios.length]),
          followersCount: Math.round(40 + rand() * (n % 5 === 0 ? 12_000 : 1_800)),
          followingCount: Math.round(60 + rand() * 900),
          lastPostAt,
          avatarUrl: n % 3 === 2 ? null : samplePicture,
        },
      ];
    });
    return [{ accountId: account.id, profiles }];
  });
}
