/**
 * A local Mastodon API server for tests, written from docs.joinmastodon.org (accounts, notifications, rate limits,
 * pagination guidelines, OAuth scopes). The test owns the social graph through `state`; the app talks HTTP to it.
 * Routes, parameters and the facts relied on are listed in tests/servers/README.md.
 */
import { FollowEdges } from './followEdges.ts';
import {
  FaultQueue,
  FixedWindowLimiter,
  parseBody,
  proxyErrorPage,
  startHarness,
  truthy,
  type RateLimitConfig,
  type RequestRecord,
  type StatusFault,
  type TestReply,
  type TestRequest,
} from './faults.ts';
import { MastodonOAuthState, oauthRoutes } from './mastodonOAuth.ts';

export interface MastodonAccount {
  id: string;
  username: string;
  /** null for a local account; the remote server's domain otherwise (acct is then username@domain). */
  domain: string | null;
  displayName: string;
  note: string;
  createdAt: number;
  locked: boolean;
  bot: boolean;
  /** The owner hides their network: followers/following answer [] to everyone else. */
  hideCollections: boolean;
  suspended: boolean;
  /** The account it moved to (`moved` in its entity); null when it did not move. */
  movedTo: string | null;
  statusesCount: number;
  /** The picture's address; none shows Mastodon's stock picture. */
  avatar?: string | undefined;
}

export interface NewMastodonAccount {
  id?: string;
  username: string;
  domain?: string | null;
  displayName?: string;
  note?: string;
  createdAt?: number | string | Date;
  locked?: boolean;
  bot?: boolean;
  hideCollections?: boolean;
  statusesCount?: number;
  avatar?: string;
}

export interface MastodonFollow {
  /** The Follow id: what max_id/since_id in Link headers refer to. Grows with every new follow. */
  id: number;
  from: string;
  to: string;
  createdAt: number;
  showingReblogs: boolean;
  notifying: boolean;
}

export interface MastodonNotification {
  id: number;
  type: 'follow' | 'follow_request' | 'mention';
  /** Who the notification is for. */
  recipientId: string;
  /** Who acted. */
  accountId: string;
  createdAt: number;
  /** The status of a mention. */
  statusId?: string;
}

export type MastodonVisibility = 'public' | 'unlisted' | 'private' | 'direct';

export interface MastodonStatus {
  /** Time-sorted like Mastodon's snowflake ids: a later status has a larger id. */
  id: string;
  accountId: string;
  /** What the author typed; the API renders it to HTML as Mastodon does. */
  text: string;
  createdAt: number;
  visibility: MastodonVisibility;
  spoilerText: string;
  inReplyToId: string | null;
  inReplyToAccountId: string | null;
  /** Accounts the text mentions (@user, @user@domain) that the server knows. */
  mentions: string[];
  /** The status this one boosts; its text is then empty. */
  reblogOf: string | null;
  favouritesCount: number;
}

export interface NewMastodonStatus {
  at?: number | string | Date;
  visibility?: MastodonVisibility;
  spoilerText?: string;
  /** The status answered. Mastodon notifies its author only when the text mentions them, as clients prefill. */
  inReplyTo?: string;
  favourites?: number;
}

export interface MastodonToken {
  /** null: an app token with no user (user-only methods answer 422). */
  accountId: string | null;
  scopes: string[];
  revoked: boolean;
}

export interface MastodonServerOptions {
  /** The server's own domain, used in account URLs and acct resolution. Default 'mastodon.example'. */
  domain?: string;
  /** Epoch ms; defaults to Date.now. Drives follow timestamps, notifications and rate-limit windows. */
  now?: () => number;
  /** Per token (or per IP when unauthenticated) on every /api path. Default 300 per 5 minutes, as documented. */
  rateLimit?: RateLimitConfig;
  /** Limited-federation / whitelist mode: unauthenticated API calls answer 401. Default false. */
  requireAuth?: boolean;
}

const DEFAULT_LIMIT = 40;
const MAX_LIMIT = 80;
/** Statuses page smaller: timelines and account statuses default to 20, at most 40. */
const STATUS_LIMITS = { default: 20, max: 40 };

const pairKey = (from: string, to: string) => `${from}>${to}`;

function toMs(value: number | string | Date | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number') return value;
  return new Date(value).getTime();
}

/** The in-memory social graph, tokens and request log. Tests call these directly; HTTP clients see the effects. */
export class MastodonState {
  readonly accounts = new Map<string, MastodonAccount>();
  readonly tokens = new Map<string, MastodonToken>();
  readonly notifications: MastodonNotification[] = [];
  readonly statuses = new Map<string, MastodonStatus>();
  readonly requests: RequestRecord[] = [];
  /** Apps, authorization codes and revocations (mastodonOAuth.ts); its tokens land in `tokens`. */
  readonly oauth = new MastodonOAuthState();
  readonly domain: string;
  readonly now: () => number;
  readonly #edges = new FollowEdges<MastodonFollow>();
  /** Pending requests to locked accounts, keyed from>to. */
  readonly #requests = new Map<string, MastodonFollow>();
  readonly #blocks = new Set<string>();
  #nextAccountId = 109_000_000_000_000_001n;
  #nextFollowId = 7_000_001;
  #nextNotificationId = 34_000_001;
  #statusSequence = 0;

  constructor(domain: string, now: () => number) {
    this.domain = domain;
    this.now = now;
  }

  addAccount(input: NewMastodonAccount): MastodonAccount {
    const id = input.id ?? String(this.#nextAccountId++);
    if (this.accounts.has(id)) throw new Error(`account ${id} exists`);
    const domain = input.domain && input.domain !== this.domain ? input.domain : null;
    const account: MastodonAccount = {
      id,
      username: input.username,
      domain,
      displayName: input.displayName ?? input.username,
      note: input.note ?? '',
      createdAt: toMs(input.createdAt, this.now()),
      locked: input.locked ?? false,
      bot: input.bot ?? false,
      hideCollections: input.hideCollections ?? false,
      suspended: false,
      movedTo: null,
      statusesCount: input.statusesCount ?? 0,
      avatar: input.avatar,
    };
    this.accounts.set(id, account);
    return account;
  }

  /** Registers an access token. Default scopes: read, write:follows. */
  addToken(token: string, accountId: string | null, scopes: string[] = ['read', 'write:follows']): void {
    if (accountId !== null) this.#account(accountId);
    this.tokens.set(token, { accountId, scopes, revoked: false });
  }

  revokeToken(token: string): void {
    const entry = this.tokens.get(token);
    if (entry) entry.revoked = true;
  }

  /**
   * from follows to. A locked target gets a follow request instead (unless `force`), as the API does.
   * Following again keeps the original follow (and its id), like the API's idempotent follow.
   */
  follow(
    from: string,
    to: string,
    options: { at?: number | string | Date; force?: boolean; reblogs?: boolean; notify?: boolean } = {},
  ): 'following' | 'requested' {
    this.#account(from);
    const target = this.#account(to);
    const existing = this.#edges.get(from, to);
    if (existing) {
      if (options.reblogs !== undefined) existing.showingReblogs = options.reblogs;
      if (options.notify !== undefined) existing.notifying = options.notify;
      return 'following';
    }
    const key = pairKey(from, to);
    const createdAt = toMs(options.at, this.now());
    if (target.locked && !options.force) {
      if (!this.#requests.has(key)) {
        this.#requests.set(key, this.#edge(from, to, createdAt, options));
        this.#notify('follow_request', to, from, createdAt);
      }
      return 'requested';
    }
    const pending = this.#requests.get(key);
    this.#requests.delete(key);
    const edge = pending ?? this.#edge(from, to, createdAt, options);
    if (pending) {
      // The Follow record is created when the request is accepted.
      edge.id = this.#nextFollowId++;
      edge.createdAt = createdAt;
    }
    this.#edges.add(edge);
    this.#notify('follow', to, from, createdAt);
    return 'following';
  }

  /** Removes a follow or a pending follow request. Returns whether anything was removed. */
  unfollow(from: string, to: string): boolean {
    const hadRequest = this.#requests.delete(pairKey(from, to));
    const hadFollow = this.#edges.remove(from, to);
    return hadFollow || hadRequest;
  }

  approveFollowRequest(from: string, to: string): void {
    if (!this.#requests.has(pairKey(from, to))) throw new Error(`no follow request ${from} → ${to}`);
    this.follow(from, to, { force: true });
  }

  rejectFollowRequest(from: string, to: string): void {
    this.#requests.delete(pairKey(from, to));
  }

  /** blocker blocks target: follows both ways end, as on Mastodon. */
  block(blocker: string, target: string): void {
    this.unfollow(blocker, target);
    this.unfollow(target, blocker);
    this.#blocks.add(pairKey(blocker, target));
  }

  unblock(blocker: string, target: string): void {
    this.#blocks.delete(pairKey(blocker, target));
  }

  isBlocking(blocker: string, target: string): boolean {
    return this.#blocks.has(pairKey(blocker, target));
  }

  /** Suspended accounts answer with `suspended: true` and empty collections. */
  suspend(id: string): void {
    this.#account(id).suspended = true;
  }

  /** The account moved to another: its entity names the new one in `moved`; follows of it stay, as on Mastodon. */
  move(id: string, to: string): void {
    this.#account(to);
    this.#account(id).movedTo = to;
  }

  /** The account and every edge touching it disappear; its id then answers 404. */
  deleteAccount(id: string): void {
    this.#account(id);
    this.#edges.forget(id);
    for (const key of [...this.#requests.keys(), ...this.#blocks]) {
      const [a, b] = key.split('>');
      if (a === id || b === id) {
        this.#requests.delete(key);
        this.#blocks.delete(key);
      }
    }
    this.accounts.delete(id);
  }

  isFollowing(from: string, to: string): boolean {
    return this.#edges.get(from, to) !== undefined;
  }

  hasRequested(from: string, to: string): boolean {
    return this.#requests.has(pairKey(from, to));
  }

  /** Follower ids, newest follow first (the order the API pages in). */
  followersOf(id: string): string[] {
    return this.followerEdges(id).map((edge) => edge.from);
  }

  /** Followed ids, newest follow first. */
  followingOf(id: string): string[] {
    return this.followingEdges(id).map((edge) => edge.to);
  }

  followerEdges(id: string): MastodonFollow[] {
    return this.#edges.followerEdges(id);
  }

  followingEdges(id: string): MastodonFollow[] {
    return this.#edges.followingEdges(id);
  }

  pendingRequestCount(target: string): number {
    let count = 0;
    for (const edge of this.#requests.values()) if (edge.to === target) count += 1;
    return count;
  }

  findByAcct(acct: string): MastodonAccount | undefined {
    const [username = '', rawDomain] = acct.replace(/^@/, '').split('@');
    const domain = rawDomain && rawDomain.toLowerCase() !== this.domain.toLowerCase() ? rawDomain.toLowerCase() : null;
    for (const account of this.accounts.values()) {
      if (
        account.username.toLowerCase() === username.toLowerCase() &&
        (account.domain?.toLowerCase() ?? null) === domain
      ) {
        return account;
      }
    }
    return undefined;
  }

  #account(id: string): MastodonAccount {
    const account = this.accounts.get(id);
    if (!account) throw new Error(`no account ${id}`);
    return account;
  }

  #edge(from: string, to: string, createdAt: number, options: { reblogs?: boolean; notify?: boolean }): MastodonFollow {
    return {
      id: this.#nextFollowId++,
      from,
      to,
      createdAt,
      showingReblogs: options.reblogs ?? true,
      notifying: options.notify ?? false,
    };
  }

  /**
   * Posts a status. Mentions come from the text (`@user`, `@user@domain`), as Mastodon's ProcessMentionsService
   * finds them; each mentioned local or known account other than the author gets a `mention` notification.
   */
  post(accountId: string, text: string, options: NewMastodonStatus = {}): MastodonStatus {
    this.#account(accountId);
    const createdAt = toMs(options.at, this.now());
    const parent = options.inReplyTo === undefined ? undefined : this.statuses.get(options.inReplyTo);
    if (options.inReplyTo !== undefined && !parent) throw new Error(`no status ${options.inReplyTo}`);
    const mentions = [...text.matchAll(/(?<![\w/])@([a-z0-9_]+(?:@[a-z0-9.-]+[a-z0-9])?)/gi)]
      .map((match) => this.findByAcct(match[1]!)?.id)
      .filter((id): id is string => id !== undefined);
    const status: MastodonStatus = {
      id: this.#statusId(createdAt),
      accountId,
      text,
      createdAt,
      visibility: options.visibility ?? 'public',
      spoilerText: options.spoilerText ?? '',
      inReplyToId: parent?.id ?? null,
      inReplyToAccountId: parent?.accountId ?? null,
      mentions: [...new Set(mentions)],
      reblogOf: null,
      favouritesCount: options.favourites ?? 0,
    };
    this.statuses.set(status.id, status);
    this.#account(accountId).statusesCount += 1;
    for (const mentioned of status.mentions) {
      if (mentioned !== accountId) this.#notify('mention', mentioned, accountId, createdAt, status.id);
    }
    return status;
  }

  /** accountId boosts a status: a status of its own with `reblog` set, shown in its followers' home timelines. */
  reblog(accountId: string, statusId: string, at?: number | string | Date): MastodonStatus {
    const original = this.statuses.get(statusId);
    if (!original) throw new Error(`no status ${statusId}`);
    const createdAt = toMs(at, this.now());
    const status: MastodonStatus = {
      ...original,
      id: this.#statusId(createdAt),
      accountId,
      text: '',
      createdAt,
      spoilerText: '',
      inReplyToId: null,
      inReplyToAccountId: null,
      mentions: [],
      reblogOf: original.id,
      favouritesCount: 0,
    };
    this.statuses.set(status.id, status);
    return status;
  }

  repliesTo(statusId: string): MastodonStatus[] {
    return [...this.statuses.values()].filter((status) => status.inReplyToId === statusId);
  }

  reblogsOf(statusId: string): MastodonStatus[] {
    return [...this.statuses.values()].filter((status) => status.reblogOf === statusId);
  }

  /** Ids grow with time (milliseconds, then a sequence), like Mastodon's, and stay exact as JSON numbers. */
  #statusId(createdAt: number): string {
    this.#statusSequence = (this.#statusSequence + 1) % 1000;
    return String(createdAt * 1000 + this.#statusSequence);
  }

  #notify(
    type: MastodonNotification['type'],
    recipientId: string,
    accountId: string,
    createdAt: number,
    statusId?: string,
  ): void {
    this.notifications.push({
      id: this.#nextNotificationId++,
      type,
      recipientId,
      accountId,
      createdAt,
      ...(statusId === undefined ? {} : { statusId }),
    });
  }
}

export interface MastodonServer {
  url: string;
  close: () => Promise<void>;
  state: MastodonState;
  faults: FaultQueue;
}

/** Ruby's Time#iso8601(6) for UTC. */
function iso6(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function midnight(ms: number): string {
  const date = new Date(ms);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())).toISOString();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Mastodon's limit_param: absent → default; otherwise |to_i| capped at twice the default. */
function limitParam(raw: string | null, limits = { default: DEFAULT_LIMIT, max: MAX_LIMIT }): number {
  if (raw === null) return limits.default;
  const parsed = Number.parseInt(raw, 10);
  return Math.min(Math.abs(Number.isNaN(parsed) ? 0 : parsed), limits.max);
}

/** Ruby casts a non-numeric id to 0 in a where clause. */
function idParam(raw: string | null): number | null {
  if (raw === null || raw === '') return null;
  const parsed = Number.parseInt(raw, 10);
  return Number.isNaN(parsed) ? 0 : parsed;
}

/** Scope check with the documented hierarchy: read ⊃ read:*, write ⊃ write:*, follow ⊃ {read,write}:{follows,blocks,mutes}. */
function hasScope(granted: string[], wanted: string[]): boolean {
  for (const scope of wanted) {
    if (granted.includes(scope)) return true;
    const [top, sub] = scope.split(':');
    if (sub && granted.includes(top!)) return true;
    if (sub && ['follows', 'blocks', 'mutes'].includes(sub) && granted.includes('follow')) return true;
  }
  return false;
}

interface Page<T> {
  items: T[];
  next: string | null;
  prev: string | null;
}

/**
 * Pages a newest-first list by numeric id the way Mastodon's paginate_by_max_id / paginate_by_min_id do:
 * max_id and since_id bound the range, min_id pages forward from a cursor. `next` is offered only when the page
 * is full (so the last page can be empty), `prev` whenever the page is not empty.
 */
function paginate<T>(
  newestFirst: T[],
  idOf: (item: T) => number,
  query: URLSearchParams,
  prevParam: 'since_id' | 'min_id',
  limits?: { default: number; max: number },
): Page<T> & { limit: number } {
  const limit = limitParam(query.get('limit'), limits);
  const maxId = idParam(query.get('max_id'));
  const sinceId = idParam(query.get('since_id'));
  const minId = idParam(query.get('min_id'));
  let items: T[];
  if (minId !== null) {
    items = newestFirst
      .filter((item) => idOf(item) > minId && (maxId === null || idOf(item) < maxId))
      .reverse()
      .slice(0, limit)
      .reverse();
  } else {
    items = newestFirst
      .filter((item) => (maxId === null || idOf(item) < maxId) && (sinceId === null || idOf(item) > sinceId))
      .slice(0, limit);
  }
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    limit,
    next: limit > 0 && items.length === limit && last !== undefined ? String(idOf(last)) : null,
    prev: first !== undefined ? `${prevParam}=${idOf(first)}` : null,
  };
}

export async function startMastodonServer(options: MastodonServerOptions = {}): Promise<MastodonServer> {
  const now = options.now ?? Date.now;
  const state = new MastodonState(options.domain ?? 'mastodon.example', now);
  const faults = new FaultQueue();
  const limiter = new FixedWindowLimiter(true);
  const rateLimit = options.rateLimit ?? { limit: 300, windowSeconds: 300 };

  // The server's own address: local profiles live there, as on an instance whose web and account domains match.
  let origin = '';
  /** As Mastodon 4 says it: the day (UTC) of the account's newest status, or null. */
  const lastStatusDay = (accountId: string): string | null => {
    let newest: number | null = null;
    for (const status of state.statuses.values()) {
      if (status.accountId === accountId && (newest === null || status.createdAt > newest)) newest = status.createdAt;
    }
    return newest === null ? null : new Date(newest).toISOString().slice(0, 10);
  };
  const accountJson = (account: MastodonAccount): object => {
    const host = account.domain ?? state.domain;
    const moved = account.movedTo === null ? undefined : state.accounts.get(account.movedTo);
    const base = {
      id: account.id,
      username: account.username,
      acct: account.domain ? `${account.username}@${account.domain}` : account.username,
      display_name: account.suspended ? '' : account.displayName,
      locked: account.locked,
      bot: account.bot,
      discoverable: !account.suspended,
      group: false,
      created_at: midnight(account.createdAt),
      note: account.suspended || !account.note ? '' : `<p>${escapeHtml(account.note)}</p>`,
      url: account.domain ? `https://${account.domain}/@${account.username}` : `${origin}/@${account.username}`,
      uri: `https://${host}/users/${account.username}`,
      avatar: account.avatar ?? `https://${state.domain}/avatars/original/missing.png`,
      avatar_static: account.avatar ?? `https://${state.domain}/avatars/original/missing.png`,
      header: `https://${state.domain}/headers/original/missing.png`,
      header_static: `https://${state.domain}/headers/original/missing.png`,
      followers_count: account.suspended ? 0 : state.followersOf(account.id).length,
      following_count: account.suspended ? 0 : state.followingOf(account.id).length,
      statuses_count: account.suspended ? 0 : account.statusesCount,
      last_status_at: lastStatusDay(account.id),
      hide_collections: account.hideCollections,
      emojis: [],
      fields: [],
    };
    return { ...base, ...(account.suspended && { suspended: true }), ...(moved && { moved: accountJson(moved) }) };
  };

  const relationshipJson = (viewer: string, targetId: string) => {
    const following = state.followingEdges(viewer).find((edge) => edge.to === targetId);
    const requested = state.hasRequested(viewer, targetId);
    return {
      id: targetId,
      following: following !== undefined,
      showing_reblogs: following?.showingReblogs ?? false,
      notifying: following?.notifying ?? false,
      languages: null,
      followed_by: state.isFollowing(targetId, viewer),
      blocking: state.isBlocking(viewer, targetId),
      blocked_by: state.isBlocking(targetId, viewer),
      muting: false,
      muting_notifications: false,
      requested,
      requested_by: state.hasRequested(targetId, viewer),
      domain_blocking: false,
      endorsed: false,
      note: '',
    };
  };

  const rateHeaders = (request: TestRequest): { headers: Record<string, string>; exceeded: boolean } => {
    const valid = request.token !== null ? state.tokens.get(request.token) : undefined;
    const key = valid && !valid.revoked ? `token:${request.token}` : `ip:${request.ip}`;
    const nowMs = now();
    const hit = limiter.hit(key, rateLimit, nowMs);
    // Rack::Attack's reset: now + (period - now.to_i % period), keeping now's fraction of a second.
    const resetMs = nowMs + (rateLimit.windowSeconds - (Math.floor(nowMs / 1000) % rateLimit.windowSeconds)) * 1000;
    return {
      exceeded: hit.exceeded,
      headers: {
        'x-ratelimit-limit': String(hit.limit),
        'x-ratelimit-remaining': String(hit.remaining),
        'x-ratelimit-reset': iso6(resetMs),
      },
    };
  };

  const error = (status: number, message: string): TestReply => ({ status, json: { error: message } });
  const notFound = () => error(404, 'Record not found');

  type Auth =
    | { ok: true; token: MastodonToken | null }
    | {
        ok: false;
        reply: TestReply;
      };

  /** Doorkeeper: an unknown or revoked token is "no token"; `required` methods then answer 401. */
  const authorize = (request: TestRequest, scopes: string[], required: 'public' | 'token' | 'user'): Auth => {
    const entry = request.token !== null ? state.tokens.get(request.token) : undefined;
    const token = entry && !entry.revoked ? entry : null;
    if (!token) {
      if (required !== 'public') return { ok: false, reply: error(401, 'The access token is invalid') };
      if (options.requireAuth) return { ok: false, reply: error(401, 'This API requires an authenticated user') };
      return { ok: true, token: null };
    }
    if (!hasScope(token.scopes, scopes)) {
      return { ok: false, reply: error(403, 'This action is outside the authorized scopes') };
    }
    if (required === 'user' && token.accountId === null) {
      return { ok: false, reply: error(422, 'This method requires an authenticated user') };
    }
    if (token.accountId !== null) {
      const user = state.accounts.get(token.accountId);
      if (!user) return { ok: false, reply: error(401, 'The access token is invalid') };
      if (user.suspended) return { ok: false, reply: error(403, 'Your login is currently disabled') };
    }
    return { ok: true, token };
  };

  const link = (request: TestRequest, page: Page<unknown>, keep: string[]): Record<string, string> => {
    const base = `http://${request.host}${request.path}`;
    const kept = new URLSearchParams();
    for (const key of keep) for (const value of request.query.getAll(key)) kept.append(key, value);
    const withCursor = (cursor: string) => {
      const params = kept.toString();
      return `${base}?${params ? `${params}&` : ''}${cursor}`;
    };
    const parts: string[] = [];
    if (request.fault && 'repeatCursor' in request.fault) {
      const search = request.query.toString();
      parts.push(`<${base}${search ? `?${search}` : ''}>; rel="next"`);
    } else if (request.fault && 'foreignNextLink' in request.fault) {
      const next = withCursor(`max_id=${page.next ?? 1}`).replace(/^http:\/\/[^/]+/, request.fault.foreignNextLink);
      parts.push(`<${next}>; rel="next"`);
    } else if (page.next !== null) {
      parts.push(`<${withCursor(`max_id=${page.next}`)}>; rel="next"`);
    }
    if (page.prev !== null) parts.push(`<${withCursor(page.prev)}>; rel="prev"`);
    return parts.length > 0 ? { link: parts.join(', ') } : {};
  };

  const truncate = <T>(request: TestRequest, items: T[]): T[] =>
    request.fault && 'truncatedPage' in request.fault ? items.slice(0, Math.floor(items.length / 2)) : items;

  let endless = 0;
  /** A page of accounts nobody has seen before, linking on to another such page. */
  const endlessPage = (request: TestRequest): TestReply => {
    const limit = limitParam(request.query.get('limit'));
    const accounts = Array.from({ length: limit }, () => {
      endless += 1;
      return accountJson({
        id: String(990_000_000 + endless),
        username: `endless${endless}`,
        domain: null,
        displayName: `Endless ${endless}`,
        note: '',
        createdAt: now(),
        locked: false,
        bot: false,
        hideCollections: false,
        suspended: false,
        movedTo: null,
        statusesCount: 0,
      });
    });
    const headers = link(request, { items: accounts, next: String(990_000_000 + endless), prev: null }, ['limit']);
    return { status: 200, headers, json: accounts };
  };

  const collection = (request: TestRequest, id: string, which: 'followers' | 'following'): TestReply => {
    const auth = authorize(request, ['read:accounts'], 'public');
    if (!auth.ok) return auth.reply;
    const account = state.accounts.get(id);
    if (!account) return notFound();
    if (request.fault && 'endlessPages' in request.fault) return endlessPage(request);
    const viewer = auth.token?.accountId ?? null;
    const hidden =
      account.suspended ||
      (account.hideCollections && viewer !== account.id) ||
      (viewer !== null && state.isBlocking(account.id, viewer));
    const edges = hidden ? [] : which === 'followers' ? state.followerEdges(id) : state.followingEdges(id);
    const page = paginate(edges, (edge) => edge.id, request.query, 'since_id');
    const accounts = page.items.map((edge) => state.accounts.get(which === 'followers' ? edge.from : edge.to)!);
    return {
      status: 200,
      headers: link(request, page, ['limit']),
      json: truncate(request, accounts).map(accountJson),
    };
  };

  const followAction = (request: TestRequest, id: string, action: 'follow' | 'unfollow'): TestReply => {
    const auth = authorize(request, ['write:follows'], 'user');
    if (!auth.ok) return auth.reply;
    const viewer = auth.token!.accountId!;
    const target = state.accounts.get(id);
    if (!target) return notFound();
    if (action === 'unfollow') {
      state.unfollow(viewer, id);
      return { status: 200, json: relationshipJson(viewer, id) };
    }
    if (id === viewer || target.suspended || state.isBlocking(id, viewer) || state.isBlocking(viewer, id)) {
      return error(403, 'This action is not allowed');
    }
    const body = parseBody(request);
    const following = state.isFollowing(viewer, id);
    state.follow(viewer, id, {
      reblogs: following && body.reblogs === undefined ? undefined : truthy(body.reblogs, true),
      notify: following && body.notify === undefined ? undefined : truthy(body.notify, false),
    });
    return { status: 200, json: relationshipJson(viewer, id) };
  };

  /** Who may see a status: followers-only to followers, direct to the mentioned, everything to its author. */
  const canSee = (viewer: string | null, status: MastodonStatus): boolean => {
    if (viewer === status.accountId) return true;
    if (viewer !== null && (state.isBlocking(status.accountId, viewer) || state.isBlocking(viewer, status.accountId))) {
      return false;
    }
    if (status.visibility === 'public' || status.visibility === 'unlisted') return true;
    if (viewer === null) return false;
    if (status.mentions.includes(viewer)) return true;
    return status.visibility === 'private' && state.isFollowing(viewer, status.accountId);
  };

  /** Mastodon's TextFormatter: paragraphs, line breaks, escaped text, mentions as h-cards, links. */
  const contentHtml = (status: MastodonStatus): string => {
    const mentioned = status.mentions.map((id) => state.accounts.get(id)).filter((a) => a !== undefined);
    const inline = (text: string) =>
      escapeHtml(text)
        .replace(/https?:\/\/[^\s<]+/g, (url) => {
          const shown = url.replace(/^https?:\/\//, '');
          return `<a href="${url}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">${url.slice(0, url.length - shown.length)}</span><span class="">${shown}</span></a>`;
        })
        .replace(/(?<![\w/])@([a-z0-9_]+)(@[a-z0-9.-]+[a-z0-9])?/gi, (whole, username: string, domain?: string) => {
          const account = mentioned.find(
            (a) =>
              a.username.toLowerCase() === username.toLowerCase() &&
              (domain === undefined || (a.domain ?? state.domain) === domain.slice(1).toLowerCase()),
          );
          if (!account) return whole;
          const host = account.domain ?? state.domain;
          return `<span class="h-card" translate="no"><a href="https://${host}/@${account.username}" class="u-url mention">@<span>${account.username}</span></a></span>`;
        });
    return status.text
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${paragraph.split('\n').map(inline).join('<br />')}</p>`)
      .join('');
  };

  const statusJson = (status: MastodonStatus): Record<string, unknown> => {
    const author = state.accounts.get(status.accountId)!;
    const host = author.domain ?? state.domain;
    const original = status.reblogOf === null ? undefined : state.statuses.get(status.reblogOf);
    return {
      id: status.id,
      created_at: new Date(status.createdAt).toISOString(),
      in_reply_to_id: status.inReplyToId,
      in_reply_to_account_id: status.inReplyToAccountId,
      sensitive: status.spoilerText !== '',
      spoiler_text: status.spoilerText,
      visibility: status.visibility,
      language: 'en',
      uri: `https://${host}/users/${author.username}/statuses/${status.id}`,
      url: original ? null : `https://${host}/@${author.username}/${status.id}`,
      replies_count: state.repliesTo(status.id).length,
      reblogs_count: state.reblogsOf(status.id).length,
      favourites_count: status.favouritesCount,
      edited_at: null,
      content: original ? '' : contentHtml(status),
      reblog: original ? statusJson(original) : null,
      account: accountJson(author),
      media_attachments: [],
      mentions: status.mentions
        .map((id) => state.accounts.get(id))
        .filter((a) => a !== undefined)
        .map((a) => ({
          id: a.id,
          username: a.username,
          url: `https://${a.domain ?? state.domain}/@${a.username}`,
          acct: a.domain ? `${a.username}@${a.domain}` : a.username,
        })),
      tags: [],
      emojis: [],
      card: null,
      poll: null,
    };
  };

  const byIdDesc = (a: MastodonStatus, b: MastodonStatus) => Number(b.id) - Number(a.id);
  const statusPage = (request: TestRequest, statuses: MastodonStatus[], keep: string[]): TestReply => {
    const page = paginate(
      statuses.sort(byIdDesc),
      (status) => Number(status.id),
      request.query,
      'min_id',
      STATUS_LIMITS,
    );
    return {
      status: 200,
      headers: link(request, page, keep),
      json: truncate(request, page.items).map(statusJson),
    };
  };

  /**
   * The home timeline: the viewer's own statuses and those of accounts they follow, boosts included; replies only
   * when they answer the viewer, the replier themselves or someone the viewer follows (FeedManager's filter).
   */
  const homeTimeline = (request: TestRequest): TestReply => {
    const auth = authorize(request, ['read:statuses'], 'user');
    if (!auth.ok) return auth.reply;
    const viewer = auth.token!.accountId!;
    const shown = [...state.statuses.values()].filter((status) => {
      const mine = status.accountId === viewer;
      if (!mine && !state.isFollowing(viewer, status.accountId)) return false;
      if (status.visibility === 'direct' || !canSee(viewer, status)) return false;
      const to = status.inReplyToAccountId;
      if (to !== null && !mine && to !== viewer && to !== status.accountId && !state.isFollowing(viewer, to)) {
        return false;
      }
      return status.reblogOf === null || canSee(viewer, state.statuses.get(status.reblogOf)!);
    });
    return statusPage(request, shown, ['limit']);
  };

  /** An account's statuses as others see them; direct messages never show here. */
  const accountStatuses = (request: TestRequest, id: string): TestReply => {
    const auth = authorize(request, ['read:statuses'], 'public');
    if (!auth.ok) return auth.reply;
    const account = state.accounts.get(id);
    if (!account) return notFound();
    const viewer = auth.token?.accountId ?? null;
    const query = request.query;
    const hidden = account.suspended || (viewer !== null && state.isBlocking(id, viewer));
    // No pins and no media exist here, so those filters leave nothing.
    const none = truthy(query.get('pinned'), false) || truthy(query.get('only_media'), false);
    const shown =
      hidden || none
        ? []
        : [...state.statuses.values()].filter(
            (status) =>
              status.accountId === id &&
              status.visibility !== 'direct' &&
              canSee(viewer, status) &&
              !(truthy(query.get('exclude_reblogs'), false) && status.reblogOf !== null) &&
              !(
                truthy(query.get('exclude_replies'), false) &&
                status.inReplyToAccountId !== null &&
                status.inReplyToAccountId !== id
              ),
          );
    return statusPage(request, shown, ['limit', 'only_media', 'exclude_replies', 'exclude_reblogs', 'pinned']);
  };

  const notifications = (request: TestRequest): TestReply => {
    const auth = authorize(request, ['read:notifications'], 'user');
    if (!auth.ok) return auth.reply;
    const viewer = auth.token!.accountId!;
    const types = request.query.getAll('types[]');
    const excluded = request.query.getAll('exclude_types[]');
    const fromAccount = request.query.get('account_id');
    const mine = state.notifications
      .filter(
        (item) =>
          item.recipientId === viewer &&
          state.accounts.has(item.accountId) &&
          (types.length === 0 || types.includes(item.type)) &&
          !excluded.includes(item.type) &&
          (item.statusId === undefined || state.statuses.has(item.statusId)) &&
          (fromAccount === null || item.accountId === fromAccount),
      )
      .reverse();
    const page = paginate(mine, (item) => item.id, request.query, 'min_id');
    return {
      status: 200,
      headers: link(request, page, ['limit', 'types[]', 'exclude_types[]', 'account_id']),
      json: truncate(request, page.items).map((item) => ({
        id: String(item.id),
        type: item.type,
        group_key: `ungrouped-${item.id}`,
        created_at: new Date(item.createdAt).toISOString(),
        account: accountJson(state.accounts.get(item.accountId)!),
        ...(item.statusId === undefined ? {} : { status: statusJson(state.statuses.get(item.statusId)!) }),
      })),
    };
  };

  const tokens = {
    addToken: (token: string, accountId: string | null, scopes: string[]) => state.addToken(token, accountId, scopes),
    revokeToken: (token: string) => state.revokeToken(token),
    hasAccount: (id: string) => state.accounts.has(id),
  };
  const oauth = oauthRoutes(state.oauth, tokens, now);
  const route = (request: TestRequest): TestReply => {
    const signIn = oauth(request);
    if (signIn) return signIn;
    const { method, path } = request;
    // Rails hands a path parameter over decoded, so an account id may hold any character.
    const segments = path.split('/').filter(Boolean).map(decoded);
    if (method === 'GET' && (path === '/api/v2/instance' || path === '/api/v1/instance')) {
      return {
        status: 200,
        json: { domain: state.domain, uri: state.domain, title: 'Test Mastodon', version: '4.3.0', description: '' },
      };
    }
    if (segments[0] !== 'api' || segments[1] !== 'v1') return notFound();
    if (method === 'GET' && path === '/api/v1/notifications') return notifications(request);
    if (method === 'GET' && path === '/api/v1/timelines/home') return homeTimeline(request);
    if (segments[2] !== 'accounts') return notFound();
    const [, , , id, action] = segments;
    if (segments.length === 4 && method === 'GET' && id === 'verify_credentials') {
      const auth = authorize(request, ['profile', 'read:accounts'], 'user');
      if (!auth.ok) return auth.reply;
      const account = state.accounts.get(auth.token!.accountId!)!;
      return {
        status: 200,
        json: {
          ...accountJson(account),
          source: {
            privacy: 'public',
            sensitive: false,
            language: '',
            note: account.note,
            fields: [],
            follow_requests_count: state.pendingRequestCount(account.id),
          },
        },
      };
    }
    if (segments.length === 4 && method === 'GET' && id === 'lookup') {
      const auth = authorize(request, ['read:accounts'], 'public');
      if (!auth.ok) return auth.reply;
      const account = state.findByAcct(request.query.get('acct') ?? '');
      return account ? { status: 200, json: accountJson(account) } : notFound();
    }
    if (segments.length === 4 && method === 'GET' && id === 'relationships') {
      const auth = authorize(request, ['read:follows'], 'user');
      if (!auth.ok) return auth.reply;
      const viewer = auth.token!.accountId!;
      const withSuspended = truthy(request.query.get('with_suspended'), false);
      const ids = [...new Set([...request.query.getAll('id[]'), ...request.query.getAll('id')])];
      const found = ids.filter((target) => {
        const account = state.accounts.get(target);
        return account !== undefined && (withSuspended || !account.suspended);
      });
      return { status: 200, json: found.map((target) => relationshipJson(viewer, target)) };
    }
    if (id === undefined) return notFound();
    if (segments.length === 4 && method === 'GET') {
      const auth = authorize(request, ['read:accounts'], 'public');
      if (!auth.ok) return auth.reply;
      const account = state.accounts.get(id);
      return account ? { status: 200, json: accountJson(account) } : notFound();
    }
    if (segments.length === 5 && method === 'GET' && (action === 'followers' || action === 'following')) {
      return collection(request, id, action);
    }
    if (segments.length === 5 && method === 'GET' && action === 'statuses') return accountStatuses(request, id);
    if (segments.length === 5 && method === 'POST' && (action === 'follow' || action === 'unfollow')) {
      return followAction(request, id, action);
    }
    return notFound();
  };

  const handle = (request: TestRequest): TestReply => {
    const rate = request.path.startsWith('/api/') ? rateHeaders(request) : { headers: {}, exceeded: false };
    if (rate.exceeded) {
      return {
        status: 429,
        headers: { ...rate.headers, 'x-ratelimit-remaining': '0' },
        json: { error: 'Too many requests' },
      };
    }
    const reply = route(request);
    return { ...reply, headers: { ...rate.headers, ...reply.headers } };
  };

  const statusFaultReply = (_request: TestRequest, fault: StatusFault): TestReply => {
    if (fault.status === 429) {
      return {
        status: 429,
        headers: {
          'x-ratelimit-limit': String(rateLimit.limit),
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': iso6(now() + fault.resetInSeconds * 1000),
        },
        json: { error: 'Too many requests' },
      };
    }
    if (fault.body !== undefined) {
      return typeof fault.body === 'string'
        ? { status: fault.status, raw: fault.body }
        : { status: fault.status, json: fault.body };
    }
    if (fault.status === 502 || fault.status === 504) return proxyErrorPage(fault.status);
    if (fault.status === 503) {
      return error(503, 'There was a temporary problem serving your request, please try again');
    }
    return error(500, "We're sorry, but something went wrong on our end.");
  };

  const harness = await startHarness({ faults, requests: state.requests, now, handle, statusFaultReply });
  origin = harness.url;
  return { url: harness.url, close: harness.close, state, faults };
}
