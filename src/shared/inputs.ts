// What the user types — settings, time entries, outcomes, accounts, ranges of days — as zod schemas whose
// messages are the ones the user reads beside the field. The contract's methods take these.
import { z } from 'zod';
import { outcomeChannels, outcomeTypes } from './outcomes.ts';
import { serviceUrlProblem } from './serviceUrl.ts';
import { offlineActivities, onlineActivities } from './types.ts';

export const activity = z.enum([...onlineActivities, ...offlineActivities]);
export const kind = z.enum(['online', 'offline']);
/** A method that takes nothing. */
export const none = z.undefined().or(z.object({}).strict());

export const fitsKind = (value: { kind: 'online' | 'offline'; activity?: string | undefined }) =>
  value.activity === undefined ||
  (value.kind === 'online' ? onlineActivities : offlineActivities).some((a) => a === value.activity);
export const activityMismatch = {
  message: 'This activity belongs to the other kind of time.',
  path: ['activity'],
};

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use the 24-hour form HH:MM, for example 07:30.');

const startStep = z.enum(['open', 'done', 'skipped']);

export const settingsPatch = z
  .object({
    dailyOnlineBudgetMin: z
      .number()
      .int()
      .min(1, 'The daily online budget must be at least 1 minute.')
      .max(1440, 'The daily online budget is at most 1,440 minutes (24 hours).'),
    longestStretchMin: z
      .number()
      .int()
      .min(1, 'The longest stretch must be at least 1 minute.')
      .max(1440, 'The longest stretch is at most 1,440 minutes (24 hours).'),
    weeklyOfflineTargetMin: z.number().int().min(0, 'The weekly offline target cannot be negative.').max(10080),
    onlineShareTargetPct: z.number().int().min(0).max(100, 'A share is at most 100 %.'),
    postsPerWeekTarget: z.number().int().min(0, 'The posts-per-week target cannot be negative.').max(1000),
    quietHours: z.object({ from: clockTime, to: clockTime }).nullable(),
    weekStartsOn: z.number().int().min(0).max(6),
    idleMinutes: z.number().int().min(1, 'Idle detection needs at least 1 minute.').max(240),
    theme: z.enum(['system', 'light', 'dark']),
    graceDays: z.number().int().min(0, 'The grace period cannot be negative.').max(365),
    syncEveryHours: z.number().int().min(0, 'Use 0 to sync only on demand.').max(168),
    dailyWriteCap: z.number().int().min(1, 'Allow at least 1 follow or unfollow a day.').max(1000),
    checkForUpdates: z.boolean(),
    startAtLogin: z.boolean(),
    discardShortSessions: z.boolean(),
    gettingStarted: z
      .object({ account: startStep, budget: startStep, session: startStep, begun: z.boolean() })
      .strict(),
  })
  .partial()
  .strict();

export const entryInput = z
  .object({
    kind,
    activity,
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    note: z.string().max(2000, 'A note is at most 2,000 characters.').default(''),
  })
  .strict()
  .refine(fitsKind, activityMismatch);
export type EntryInput = z.input<typeof entryInput>;

export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-23.');

export const outcomeInput = z
  .object({
    date: day,
    type: z.enum(outcomeTypes),
    channel: z.enum(outcomeChannels),
    value: z
      .number()
      .min(0, 'A value cannot be negative.')
      .max(1_000_000_000, 'A value is at most 1,000,000,000.')
      .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'A value has at most two decimals.')
      .nullable()
      .default(null),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'A currency is a three-letter code such as EUR, USD or GBP.')
      .nullable()
      .default(null),
    person: z.string().trim().max(200, 'A name is at most 200 characters.').default(''),
    note: z.string().max(2000, 'A note is at most 2,000 characters.').default(''),
  })
  .strict()
  .refine((o) => o.value === null || o.currency !== null, {
    message: 'Say which currency this value is in.',
    path: ['currency'],
  })
  .refine((o) => o.value !== null || o.currency === null, { message: 'Enter the value too.', path: ['value'] });
export type OutcomeInput = z.input<typeof outcomeInput>;

const inOrder = (r: { from: string; to: string }) => r.from <= r.to;
const outOfOrder = { message: 'The range must end on or after its first day.', path: ['to'] };

/** Local days, first and last inclusive. */
export const dayRange = z.object({ from: day, to: day }).strict().refine(inOrder, outOfOrder);

/** A CSV file of the days of a range. */
export const csvExport = z
  .object({ table: z.enum(['entries', 'daily', 'outcomes']), from: day, to: day })
  .strict()
  .refine(inOrder, outOfOrder);

export const serviceUrl = (example: string) =>
  z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      const problem = serviceUrlProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe(example);
const secret = (what: string) =>
  z
    .string()
    .trim()
    .min(8, `This ${what} is too short.`)
    .max(512, `This ${what} is too long.`)
    .regex(
      /^[\x21-\x7e]+$/,
      `${/^[aeiou]/i.test(what) ? 'An' : 'A'} ${what} has no spaces or special characters; paste it again.`,
    );

export const blueskyHandle = z
  .string()
  .trim()
  .transform((text) => text.replace(/^@/, '').toLowerCase())
  .pipe(
    z
      .string()
      .regex(
        /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/,
        'A Bluesky handle looks like name.bsky.social.',
      ),
  );

export const xHandle = z
  .string()
  .trim()
  .regex(/^@?[a-z0-9_]{1,15}$/i, 'An X handle has at most 15 letters, digits or underscores.');

export const accountInput = z.discriminatedUnion('network', [
  z
    .object({
      network: z.literal('bluesky'),
      handle: blueskyHandle,
      appPassword: secret('app password').optional(),
      acceptWeakStorage: z.boolean().optional(),
      appviewUrl: serviceUrl('https://public.api.bsky.app').default('https://public.api.bsky.app'),
      plcUrl: serviceUrl('https://plc.directory').default('https://plc.directory'),
      /** Asked which account a handle is, instead of DNS and the handle's web address (a self-hosted network). */
      handleResolverUrl: serviceUrl('https://bsky.social').optional(),
    })
    .strict(),
  z
    .object({
      network: z.literal('mastodon'),
      instanceUrl: serviceUrl('https://mastodon.social'),
      handle: z
        .string()
        .trim()
        .regex(/^@?[a-z0-9_]+(@[a-z0-9.-]+)?$/i, 'A Mastodon handle looks like @name or @name@instance.social.'),
      token: secret('access token').optional(),
      acceptWeakStorage: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      network: z.literal('x'),
      handle: xHandle,
      token: secret('API token'),
      acceptWeakStorage: z.boolean().optional(),
      apiUrl: serviceUrl('https://api.x.com').default('https://api.x.com'),
    })
    .strict(),
]);
export type AccountInput = z.input<typeof accountInput>;
