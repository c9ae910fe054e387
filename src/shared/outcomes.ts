// What networking produced, logged by the user: the "is it paying off" side of the report.
export const outcomeTypes = ['connection', 'conversation', 'meeting', 'lead', 'client', 'media'] as const;
export type OutcomeType = (typeof outcomeTypes)[number];

export const outcomeTypeLabels: Record<OutcomeType, string> = {
  connection: 'New connection',
  conversation: 'Conversation',
  meeting: 'Meeting booked',
  lead: 'Lead',
  client: 'Client won',
  media: 'Media mention',
};

/** Where it came from: a network, elsewhere online, or offline business development. */
export const outcomeChannels = ['bluesky', 'mastodon', 'x', 'online-other', 'offline'] as const;
export type OutcomeChannel = (typeof outcomeChannels)[number];

export const outcomeChannelLabels: Record<OutcomeChannel, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  x: 'X',
  'online-other': 'Online, elsewhere',
  offline: 'Offline',
};

export const isOnlineChannel = (channel: OutcomeChannel) => channel !== 'offline';

export interface Outcome {
  id: string;
  /** Local day, 'YYYY-MM-DD'. */
  date: string;
  type: OutcomeType;
  channel: OutcomeChannel;
  /** In the currency's main unit (1250.5 = 1,250.50); null when the outcome has no money value. */
  value: number | null;
  /** ISO 4217 code ('EUR'), set exactly when a value is. */
  currency: string | null;
  /** Who it was with, if the user says. */
  person: string;
  note: string;
}

/** Money per currency: amounts in different currencies are never added together. */
export type Money = Record<string, number>;
