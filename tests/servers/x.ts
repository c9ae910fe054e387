/**
 * A local X API v2 server for tests, written from docs.x.com (users lookup, follows lookup, pagination, rate
 * limits, response codes and errors). The test owns the social graph through `state`; the app talks HTTP to it.
 * Routes, parameters and the facts relied on are listed in tests/servers/README.md.
 */
import { createHash } from 'node:crypto';
import { FollowEdges } from './followEdges.ts';
import {
  FaultQueue,
  FixedWindowLimiter,
  parseBody,
  proxyErrorPage,
  startHarness,
  type RateLimitConfig,
  type RequestRecord,
  type StatusFault,
  type TestReply,
  type TestRequest,
} from './faults.ts';

export interface XUser {
  id: string;
  username: string;
  name: string;
  createdAt: number;
  protected: boolean;
  verified: boolean;
  description: string;
  tweetCount: number;
}

export interface NewXUser {
  id?: string;
  username: string;
  name?: string;
  createdAt?: number | string | Date;
  protected?: boolean;
  verified?: boolean;
  description?: string;
  tweetCount?: number;
}

export interface XFollow {
  /** Follow order: larger is newer. Lists page newest first. */
  seq: number;
  from: string;
  to: string;
  createdAt: number;
}

/** A user-context token (OAuth 2.0 user / OAuth 1.0a user) or an app-only bearer token. */
export type XToken =
  { kind: 'user'; userId: string; scopes: string[]; revoked: boolean } | { kind: 'app'; revoked: boolean };

export type XEndpoint =
  | 'me'
  | 'userById'
  | 'userByUsername'
  | 'usersByIds'
  | 'usersByUsernames'
  | 'followers'
  | 'following'
  | 'follow'
  | 'unfollow';

export interface XServerOptions {
  /** Epoch ms; defaults to Date.now. Drives follow timestamps and rate-limit windows. */
  now?: () => number;
  /** One budget for every endpoint (per token per endpoint), overriding the documented defaults. */
  rateLimit?: RateLimitConfig;
  /** Per-endpoint budgets (per token), overriding the documented defaults. */
  rateLimits?: Partial<Record<XEndpoint, RateLimitConfig>>;
  /**
   * 'forbidden' (default): POST /2/users/:id/following and DELETE /2/users/:source/following/:target answer 403
   * client-forbidden, as for an app without access to follow writes. 'allowed': they work as documented.
   */
  followWrites?: 'forbidden' | 'allowed';
}

const PROBLEMS = 'https://api.x.com/2/problems';
const WINDOW = 15 * 60;
/** Documented per-15-minute limits: [per app, per user]. */
const DEFAULT_LIMITS: Record<XEndpoint, [number, number]> = {
  me: [0, 75],
  userById: [300, 900],
  userByUsername: [300, 900],
  usersByIds: [300, 900],
  usersByUsernames: [300, 900],
  followers: [300, 300],
  following: [300, 300],
  follow: [0, 50],
  unfollow: [0, 50],
};
const USER_FIELDS = [
  'affiliation',
  'confirmed_email',
  'connection_status',
  'created_at',
  'description',
  'entities',
  'id',
  'is_identity_verified',
  'location',
  'most_recent_tweet_id',
  'name',
  'parody',
  'pinned_tweet_id',
  'profile_banner_url',
  'profile_image_url',
  'protected',
  'public_metrics',
  'receives_your_dm',
  'subscription',
  'subscription_type',
  'url',
  'username',
  'verified',
  'verified_followers_count',
  'verified_type',
  'withheld',
];
const ID_RE = /^[0-9]{1,19}$/;
const USERNAME_RE = /^[A-Za-z0-9_]{1,15}$/;

function toMs(value: number | string | Date | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number') return value;
  return new Date(value).getTime();
}

/** The in-memory social graph, tokens and request log. */
export class XState {
  readonly users = new Map<string, XUser>();
  readonly tokens = new Map<string, XToken>();
  readonly requests: RequestRecord[] = [];
  readonly now: () => number;
  readonly #edges = new FollowEdges<XFollow>();
  #nextUserId = 1_400_000_000_000_000_001n;
  #nextSeq = 1;

  constructor(now: () => number) {
    this.now = now;
  }

  addAccount(input: NewXUser): XUser {
    const id = input.id ?? String(this.#nextUserId++);
    if (!ID_RE.test(id)) throw new Error(`X user ids are numeric strings: ${id}`);
    if (this.users.has(id)) throw new Error(`user ${id} exists`);
    const user: XUser = {
      id,
      username: input.username,
      name: input.name ?? input.username,
      createdAt: toMs(input.createdAt, this.now()),
      protected: input.protected ?? false,
      verified: input.verified ?? false,
      description: input.description ?? '',
      tweetCount: input.tweetCount ?? 0,
    };
    this.users.set(id, user);
    return user;
  }

  /** A user-context token for userId. Default scopes: tweet.read users.read follows.read offline.access. */
  addToken(
    token: string,
    userId: string,
    scopes = ['tweet.read', 'users.read', 'follows.read', 'offline.access'],
  ): void {
    this.#user(userId);
    this.tokens.set(token, { kind: 'user', userId, scopes, revoked: false });
  }

  /** An app-only bearer token (no user: /2/users/me answers 403). */
  addAppToken(token: string): void {
    this.tokens.set(token, { kind: 'app', revoked: false });
  }

  revokeToken(token: string): void {
    const entry = this.tokens.get(token);
    if (entry) entry.revoked = true;
  }

  follow(from: string, to: string, options: { at?: number | string | Date } = {}): void {
    this.#user(from);
    this.#user(to);
    if (this.isFollowing(from, to)) return;
    this.#edges.add({ seq: this.#nextSeq++, from, to, createdAt: toMs(options.at, this.now()) });
  }

  unfollow(from: string, to: string): boolean {
    return this.#edges.remove(from, to);
  }

  deleteAccount(id: string): void {
    this.#user(id);
    this.#edges.forget(id);
    this.users.delete(id);
  }

  isFollowing(from: string, to: string): boolean {
    return this.#edges.get(from, to) !== undefined;
  }

  /** Newest follow first (the order the API pages in). */
  followersOf(id: string): string[] {
    return this.followerEdges(id).map((edge) => edge.from);
  }

  followingOf(id: string): string[] {
    return this.followingEdges(id).map((edge) => edge.to);
  }

  followerEdges(id: string): XFollow[] {
    return this.#edges.followerEdges(id);
  }

  followingEdges(id: string): XFollow[] {
    return this.#edges.followingEdges(id);
  }

  findByUsername(username: string): XUser | undefined {
    const wanted = username.toLowerCase();
    for (const user of this.users.values()) if (user.username.toLowerCase() === wanted) return user;
    return undefined;
  }

  #user(id: string): XUser {
    const user = this.users.get(id);
    if (!user) throw new Error(`no user ${id}`);
    return user;
  }
}

export interface XServer {
  url: string;
  close: () => Promise<void>;
  state: XState;
  faults: FaultQueue;
}

interface Cursor {
  owner: string;
  list: 'followers' | 'following';
  /** Page items strictly older (next) or newer (prev) than this seq. */
  anchor: number;
  direction: 'next' | 'prev';
}

const problem = (status: number, title: string, detail: string, type = 'about:blank'): TestReply => ({
  status,
  json: { title, detail, type, status },
  contentType: 'application/problem+json',
});

function invalidRequest(parameter: string, values: string[], message: string): TestReply {
  return {
    status: 400,
    json: {
      errors: [{ parameters: { [parameter]: values }, message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: `${PROBLEMS}/invalid-request`,
    },
  };
}

function notFoundError(parameter: string, value: string, noun = parameter) {
  return {
    value,
    detail: `Could not find user with ${noun}: [${value}].`,
    title: 'Not Found Error',
    resource_type: 'user',
    parameter,
    resource_id: value,
    type: `${PROBLEMS}/resource-not-found`,
  };
}

export async function startXServer(options: XServerOptions = {}): Promise<XServer> {
  const now = options.now ?? Date.now;
  const state = new XState(now);
  const faults = new FaultQueue();
  const limiter = new FixedWindowLimiter(false);
  const cursors = new Map<string, Cursor>();
  let cursorCount = 0;
  /** Accounts made up for endless pages so far. */
  let endless = 0;

  const mintCursor = (cursor: Cursor): string => {
    cursorCount += 1;
    const token = createHash('sha256')
      .update(`${cursorCount}:${cursor.owner}:${cursor.list}:${cursor.anchor}:${cursor.direction}`)
      .digest('hex')
      .slice(0, 16)
      .toUpperCase();
    cursors.set(token, cursor);
    return token;
  };

  const limitFor = (endpoint: XEndpoint, token: XToken): RateLimitConfig => {
    const configured = options.rateLimit ?? options.rateLimits?.[endpoint];
    if (configured) return configured;
    const [app, user] = DEFAULT_LIMITS[endpoint];
    return { limit: token.kind === 'app' ? app : user, windowSeconds: WINDOW };
  };

  const userJson = (user: XUser, fields: string[]) => {
    const json: Record<string, unknown> = { id: user.id, name: user.name, username: user.username };
    if (fields.includes('created_at')) json.created_at = new Date(user.createdAt).toISOString();
    if (fields.includes('description')) json.description = user.description;
    if (fields.includes('protected')) json.protected = user.protected;
    if (fields.includes('verified')) json.verified = user.verified;
    if (fields.includes('profile_image_url')) {
      json.profile_image_url = 'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png';
    }
    if (fields.includes('public_metrics')) {
      json.public_metrics = {
        followers_count: state.followersOf(user.id).length,
        following_count: state.followingOf(user.id).length,
        tweet_count: user.tweetCount,
        listed_count: 0,
      };
    }
    return json;
  };

  /** Validates the query against the endpoint's parameters and user.fields; returns the fields or a 400. */
  const checkQuery = (request: TestRequest, allowed: string[]): string[] | TestReply => {
    const all = [...allowed, 'expansions', 'tweet.fields', 'user.fields'];
    for (const key of request.query.keys()) {
      if (!all.includes(key)) {
        return invalidRequest(
          key,
          request.query.getAll(key),
          `The query parameter [${key}] is not one of [${['id', ...all].join(',')}]`,
        );
      }
    }
    const raw = request.query.get('user.fields');
    const fields = raw ? raw.split(',').filter(Boolean) : [];
    for (const field of fields) {
      if (!USER_FIELDS.includes(field)) {
        return invalidRequest(
          'user.fields',
          [field],
          `The \`user.fields\` query parameter value [${field}] is not one of [${USER_FIELDS.join(',')}]`,
        );
      }
    }
    return fields;
  };

  const canSee = (viewer: XToken, owner: XUser): boolean =>
    !owner.protected ||
    (viewer.kind === 'user' && (viewer.userId === owner.id || state.isFollowing(viewer.userId, owner.id)));

  const followList = (request: TestRequest, token: XToken, id: string, list: 'followers' | 'following'): TestReply => {
    const fields = checkQuery(request, ['max_results', 'pagination_token']);
    if (!Array.isArray(fields)) return fields;
    if (!ID_RE.test(id)) return invalidRequest('id', [id], `The \`id\` query parameter value [${id}] is not valid`);
    const rawMax = request.query.get('max_results');
    const maxResults = rawMax === null ? 100 : Number(rawMax);
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1000) {
      return invalidRequest(
        'max_results',
        [rawMax ?? ''],
        `The \`max_results\` query parameter value [${rawMax}] is not between 1 and 1000`,
      );
    }
    const owner = state.users.get(id);
    if (!owner) return { status: 200, json: { errors: [notFoundError('id', id)] } };
    if (!canSee(token, owner)) {
      return {
        status: 200,
        json: {
          errors: [
            {
              value: id,
              detail: `Sorry, you are not authorized to see the user with id: [${id}].`,
              title: 'Authorization Error',
              resource_type: 'user',
              parameter: 'id',
              resource_id: id,
              type: `${PROBLEMS}/not-authorized-for-resource`,
            },
          ],
        },
      };
    }
    if (request.fault && 'endlessPages' in request.fault) {
      const users = Array.from({ length: maxResults }, () => {
        endless += 1;
        return {
          id: String(1_900_000_000_000_000_000n + BigInt(endless)),
          name: `Endless ${endless}`,
          username: `endless${endless}`,
        };
      });
      return {
        status: 200,
        json: { data: users, meta: { result_count: users.length, next_token: `ENDLESS${endless}` } },
      };
    }
    const rawToken = request.query.get('pagination_token');
    let cursor: Cursor = { owner: id, list, anchor: Number.POSITIVE_INFINITY, direction: 'next' };
    if (rawToken !== null) {
      const found = cursors.get(rawToken);
      if (!found || found.owner !== id || found.list !== list) {
        return invalidRequest(
          'pagination_token',
          [rawToken],
          `The \`pagination_token\` query parameter value [${rawToken}] is not valid`,
        );
      }
      cursor = found;
    }
    const edges = list === 'followers' ? state.followerEdges(id) : state.followingEdges(id);
    const page =
      cursor.direction === 'next'
        ? edges.filter((edge) => edge.seq < cursor.anchor).slice(0, maxResults)
        : edges.filter((edge) => edge.seq > cursor.anchor).slice(-maxResults);
    const first = page[0];
    const last = page[page.length - 1];
    const meta: Record<string, unknown> = { result_count: page.length };
    if (request.fault && 'repeatCursor' in request.fault) {
      meta.next_token = rawToken ?? mintCursor(cursor);
    } else if (last && edges.some((edge) => edge.seq < last.seq)) {
      meta.next_token = mintCursor({ owner: id, list, anchor: last.seq, direction: 'next' });
    }
    if (first && edges.some((edge) => edge.seq > first.seq)) {
      meta.previous_token = mintCursor({ owner: id, list, anchor: first.seq, direction: 'prev' });
    }
    const shown = request.fault && 'truncatedPage' in request.fault ? page.slice(0, Math.floor(page.length / 2)) : page;
    const users = shown.map((edge) => userJson(state.users.get(list === 'followers' ? edge.from : edge.to)!, fields));
    return { status: 200, json: users.length > 0 ? { data: users, meta } : { meta } };
  };

  const lookupMany = (request: TestRequest, by: 'ids' | 'usernames'): TestReply => {
    const fields = checkQuery(request, [by]);
    if (!Array.isArray(fields)) return fields;
    const raw = request.query.get(by);
    if (!raw) return invalidRequest(by, [], `The \`${by}\` query parameter can not be empty`);
    const values = raw.split(',');
    if (values.length > 100) {
      return invalidRequest(
        by,
        [raw],
        `The number of values in the \`${by}\` query parameter list [${values.length}] is not between 1 and 100`,
      );
    }
    const pattern = by === 'ids' ? ID_RE : USERNAME_RE;
    const bad = values.find((value) => !pattern.test(value));
    if (bad !== undefined) {
      return invalidRequest(by, [bad], `The \`${by}\` query parameter value [${bad}] is not valid`);
    }
    const data: unknown[] = [];
    const errors: unknown[] = [];
    for (const value of values) {
      const user = by === 'ids' ? state.users.get(value) : state.findByUsername(value);
      if (user) data.push(userJson(user, fields));
      else errors.push(notFoundError(by, value));
    }
    return { status: 200, json: { ...(data.length > 0 ? { data } : {}), ...(errors.length > 0 ? { errors } : {}) } };
  };

  const lookupOne = (request: TestRequest, by: 'id' | 'username', value: string): TestReply => {
    const fields = checkQuery(request, []);
    if (!Array.isArray(fields)) return fields;
    if (!(by === 'id' ? ID_RE : USERNAME_RE).test(value)) {
      return invalidRequest(by, [value], `The \`${by}\` query parameter value [${value}] is not valid`);
    }
    const user = by === 'id' ? state.users.get(value) : state.findByUsername(value);
    return user
      ? { status: 200, json: { data: userJson(user, fields) } }
      : { status: 200, json: { errors: [notFoundError(by, value)] } };
  };

  const followWrite = (request: TestRequest, token: XToken, source: string, target: string | null): TestReply => {
    if (token.kind !== 'user' || token.userId !== source) {
      return problem(403, 'Forbidden', 'You are not permitted to perform this action.');
    }
    if (target === null) {
      const body = parseBody(request);
      const wanted = body.target_user_id;
      if (typeof wanted !== 'string' || !ID_RE.test(wanted)) {
        return invalidRequest('target_user_id', [String(wanted ?? '')], 'The `target_user_id` field is not valid');
      }
      const user = state.users.get(wanted);
      if (!user) return { status: 200, json: { errors: [notFoundError('target_user_id', wanted, 'id')] } };
      if (user.protected) return { status: 200, json: { data: { following: false, pending_follow: true } } };
      state.follow(source, wanted);
      return { status: 200, json: { data: { following: true, pending_follow: false } } };
    }
    state.unfollow(source, target);
    return { status: 200, json: { data: { following: false } } };
  };

  type Route = { endpoint: XEndpoint; run: (token: XToken) => TestReply; scopes: string[]; userOnly?: boolean };

  const route = (request: TestRequest): Route | null => {
    const { method, path } = request;
    const s = path.split('/').filter(Boolean);
    if (s[0] !== '2' || s[1] !== 'users') return null;
    const read = ['tweet.read', 'users.read'];
    if (method === 'GET') {
      if (s.length === 2) return { endpoint: 'usersByIds', scopes: read, run: () => lookupMany(request, 'ids') };
      if (s.length === 3 && s[2] === 'me') {
        return {
          endpoint: 'me',
          scopes: read,
          userOnly: true,
          run: (token) => {
            const fields = checkQuery(request, []);
            if (!Array.isArray(fields)) return fields;
            const me = state.users.get(token.kind === 'user' ? token.userId : '');
            return me
              ? { status: 200, json: { data: userJson(me, fields) } }
              : problem(401, 'Unauthorized', 'Unauthorized');
          },
        };
      }
      if (s.length === 3 && s[2] === 'by') {
        return { endpoint: 'usersByUsernames', scopes: read, run: () => lookupMany(request, 'usernames') };
      }
      if (s.length === 5 && s[2] === 'by' && s[3] === 'username') {
        return { endpoint: 'userByUsername', scopes: read, run: () => lookupOne(request, 'username', s[4]!) };
      }
      if (s.length === 3) return { endpoint: 'userById', scopes: read, run: () => lookupOne(request, 'id', s[2]!) };
      if (s.length === 4 && (s[3] === 'followers' || s[3] === 'following')) {
        const list = s[3];
        return {
          endpoint: list,
          scopes: ['follows.read', ...read],
          run: (token) => followList(request, token, s[2]!, list),
        };
      }
    }
    if (method === 'POST' && s.length === 4 && s[3] === 'following') {
      return {
        endpoint: 'follow',
        scopes: ['follows.write', ...read],
        userOnly: true,
        run: (token) => followWrite(request, token, s[2]!, null),
      };
    }
    if (method === 'DELETE' && s.length === 5 && s[3] === 'following') {
      return {
        endpoint: 'unfollow',
        scopes: ['follows.write', ...read],
        userOnly: true,
        run: (token) => followWrite(request, token, s[2]!, s[4]!),
      };
    }
    return null;
  };

  const handle = (request: TestRequest): TestReply => {
    const matched = route(request);
    if (!matched) {
      return { status: 404, json: { errors: [{ message: 'Sorry, that page does not exist', code: 34 }] } };
    }
    const token = request.token !== null ? state.tokens.get(request.token) : undefined;
    if (!token || token.revoked || (token.kind === 'user' && !state.users.has(token.userId))) {
      return problem(401, 'Unauthorized', 'Unauthorized');
    }
    if ((matched.endpoint === 'follow' || matched.endpoint === 'unfollow') && options.followWrites !== 'allowed') {
      return {
        status: 403,
        json: {
          client_id: '29000001',
          detail:
            'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.',
          registration_url: 'https://developer.twitter.com/en/docs/projects/overview',
          title: 'Client Forbidden',
          required_enrollment: 'Appropriate Level of API Access',
          reason: 'client-not-enrolled',
          type: `${PROBLEMS}/client-forbidden`,
        },
        contentType: 'application/problem+json',
      };
    }
    if (matched.userOnly && token.kind === 'app') {
      return problem(
        403,
        'Unsupported Authentication',
        'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
        `${PROBLEMS}/unsupported-authentication`,
      );
    }
    if (token.kind === 'user' && !matched.scopes.every((scope) => token.scopes.includes(scope))) {
      return problem(403, 'Forbidden', 'Forbidden');
    }
    const key = token.kind === 'user' ? `user:${request.token}` : `app:${request.token}`;
    const hit = limiter.hit(`${key}:${matched.endpoint}`, limitFor(matched.endpoint, token), now());
    const headers = {
      'x-rate-limit-limit': String(hit.limit),
      'x-rate-limit-remaining': String(hit.remaining),
      'x-rate-limit-reset': String(Math.ceil(hit.resetMs / 1000)),
    };
    if (hit.exceeded) return { ...problem(429, 'Too Many Requests', 'Too Many Requests'), headers };
    const reply = matched.run(token);
    return { ...reply, headers: { ...headers, ...reply.headers } };
  };

  const statusFaultReply = (_request: TestRequest, fault: StatusFault): TestReply => {
    if (fault.status === 429) {
      const limit = options.rateLimit?.limit ?? 300;
      return {
        ...problem(429, 'Too Many Requests', 'Too Many Requests'),
        headers: {
          'x-rate-limit-limit': String(limit),
          'x-rate-limit-remaining': '0',
          'x-rate-limit-reset': String(Math.ceil(now() / 1000) + fault.resetInSeconds),
        },
      };
    }
    if (fault.body !== undefined) {
      return typeof fault.body === 'string'
        ? { status: fault.status, raw: fault.body }
        : { status: fault.status, json: fault.body };
    }
    if (fault.status === 502 || fault.status === 504) return proxyErrorPage(fault.status);
    return fault.status === 503
      ? problem(503, 'Service Unavailable', 'Service Unavailable')
      : problem(500, 'Internal Server Error', 'Internal Server Error');
  };

  const harness = await startHarness({ faults, requests: state.requests, now, handle, statusFaultReply });
  return { url: harness.url, close: harness.close, state, faults };
}
