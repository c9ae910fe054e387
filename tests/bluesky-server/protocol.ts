// The line protocol between start.ts and its parent: one JSON object per line on stdin (commands) and stdout
// (the ready line, then one reply per command). Types only, so client.ts can share them without any import of
// @atproto packages.

/** The first stdout line once the network is up. On a failed start the line is `{ "error": "..." }` instead. */
export type ServerUrls = { pds: string; appview: string; plc: string };
export type ReadyLine = ServerUrls | { error: string };

/** An account may be named by its DID (`did:plc:...`) or its handle (`alice.test`). */
export type Actor = string;

export type Command =
  | { cmd: 'createAccount'; handle: string; password: string; email?: string }
  | { cmd: 'follow'; from: Actor; to: Actor; createdAt?: string }
  | { cmd: 'unfollow'; from: Actor; to: Actor }
  | { cmd: 'deleteAccount'; handle: Actor }
  | { cmd: 'deactivateAccount'; handle: Actor }
  | { cmd: 'takedownAccount'; handle: Actor }
  | { cmd: 'block'; from: Actor; to: Actor }
  | { cmd: 'createIdentity'; handle: string; pds: string }
  | PostCommand
  | { cmd: 'posts'; posts: Omit<PostCommand, 'cmd'>[] }
  | { cmd: 'setProfile'; from: Actor; displayName?: string; description?: string }
  | { cmd: 'processAll' }
  | SeedCommand<'seedFollowers'>
  | SeedCommand<'seedFollowing'>
  | { cmd: 'stop' };

/**
 * A post. Every `@handle` in the text that resolves becomes a mention facet (the AppView notifies them);
 * `replyTo` is the at:// URI of the post answered (the thread's root is found from it); `quote` embeds a post;
 * `links` turn substrings of the text into link facets, whatever their address.
 */
export type PostCommand = {
  cmd: 'post';
  from: Actor;
  text: string;
  createdAt?: string;
  replyTo?: string;
  quote?: string;
  links?: { text: string; uri: string }[];
};

/**
 * Creates `count` accounts `${prefix}${start..start+count-1 as 4 digits}.test` (start defaults to 1).
 * seedFollowers: each new account follows `target`. seedFollowing: `target` follows each new account.
 * Follow n (from 0) gets createdAt = `createdAt` + n * `createdAtStepMs` (default step 1000 ms; default
 * `createdAt`: count steps before now), so account 0001 is the oldest follow. A step of 0 gives identical
 * records for seedFollowers (same CID), which the AppView's follower paging skips past: see README.
 */
export type SeedCommand<Name extends 'seedFollowers' | 'seedFollowing'> = {
  cmd: Name;
  target: Actor;
  count: number;
  prefix?: string;
  start?: number;
  password?: string;
  createdAt?: string;
  createdAtStepMs?: number;
};

export type CommandName = Command['cmd'];
export type CommandOf<Name extends CommandName> = Extract<Command, { cmd: Name }>;

export type AccountResult = { did: string; handle: string };
export type RecordResult = { uri: string; cid: string; rkey: string };
export type SeedResult = { count: number; accounts: AccountResult[]; ms: number };

export type Results = {
  createAccount: AccountResult;
  follow: RecordResult;
  /** The follow records that were deleted (0 when `from` did not follow `to`). */
  unfollow: { deleted: number; uris: string[] };
  deleteAccount: { did: string };
  /** The account deactivated itself (its data stays; the AppView stops showing it). */
  deactivateAccount: { did: string };
  /** The PDS took the account down, as a moderator does (the AppView calls it suspended). */
  takedownAccount: { did: string };
  /** The block record. */
  block: RecordResult;
  /** A did:plc whose document names `handle` and the server `pds`, with no account behind it. */
  createIdentity: { did: string };
  post: RecordResult;
  /** In the order given. */
  posts: { posts: RecordResult[]; ms: number };
  setProfile: RecordResult;
  processAll: { ms: number };
  seedFollowers: SeedResult;
  seedFollowing: SeedResult;
  stop: Record<string, never>;
};

export type OkReply<Name extends CommandName> = { id: number; ok: true } & Results[Name];
export type ErrorReply = { id: number | null; ok: false; error: string };
export type Reply<Name extends CommandName = CommandName> = OkReply<Name> | ErrorReply;
