// Answers the seeding commands of the protocol by writing through the PDS, as dev-env's own tests do
// (SeedClient for accounts and follows; the PDS's XRPC methods for the rest).
import { createIdentity } from './identity.ts';
import type { ApplyWritesCreate, RecordValue, SeedAccount, TestNetwork } from './devEnv.ts';
import type {
  AccountResult,
  CommandOf,
  PostCommand,
  RecordResult,
  Results,
  SeedCommand,
  SeedResult,
} from './protocol.ts';

const FOLLOW = 'app.bsky.graph.follow';
const BLOCK = 'app.bsky.graph.block';
const POST = 'app.bsky.feed.post';
const PROFILE = 'app.bsky.actor.profile';
/** Accounts created at once. The work is CPU-bound (signing, PLC checks): 4 measured best on 2 cores. */
const SEED_CONCURRENCY = Number(process.env.TWOWAY_BSKY_SEED_CONCURRENCY) || 4;
/** com.atproto.repo.applyWrites takes at most 200 writes per call. */
const WRITES_PER_BATCH = 200;

export type Seeder = {
  createAccount(command: CommandOf<'createAccount'>): Promise<Results['createAccount']>;
  follow(command: CommandOf<'follow'>): Promise<Results['follow']>;
  unfollow(command: CommandOf<'unfollow'>): Promise<Results['unfollow']>;
  deleteAccount(command: CommandOf<'deleteAccount'>): Promise<Results['deleteAccount']>;
  deactivateAccount(command: CommandOf<'deactivateAccount'>): Promise<Results['deactivateAccount']>;
  takedownAccount(command: CommandOf<'takedownAccount'>): Promise<Results['takedownAccount']>;
  block(command: CommandOf<'block'>): Promise<Results['block']>;
  createIdentity(command: CommandOf<'createIdentity'>): Promise<Results['createIdentity']>;
  post(command: CommandOf<'post'>): Promise<Results['post']>;
  posts(command: CommandOf<'posts'>): Promise<Results['posts']>;
  setProfile(command: CommandOf<'setProfile'>): Promise<Results['setProfile']>;
  processAll(command: CommandOf<'processAll'>): Promise<Results['processAll']>;
  seedFollowers(command: CommandOf<'seedFollowers'>): Promise<Results['seedFollowers']>;
  seedFollowing(command: CommandOf<'seedFollowing'>): Promise<Results['seedFollowing']>;
};

const rkeyOf = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);

const toRecordResult = (uri: string, cid: string): RecordResult => ({ uri, cid, rkey: rkeyOf(uri) });

function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`"${field}" must be a non-empty string`);
  return value;
}

function checkDate(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new Error(`"createdAt" must be an ISO 8601 date, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Runs `work` over `items` with at most `limit` in flight; results keep the order of `items`. */
async function pool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function createSeeder(network: TestNetwork): Seeder {
  const sc = network.getSeedClient();
  const agent = sc.agent;
  const didByHandle = new Map<string, string>();

  async function resolve(actor: unknown, field: string): Promise<string> {
    const name = requireString(actor, field).replace(/^@/, '');
    if (name.startsWith('did:')) return name;
    const known = didByHandle.get(name.toLowerCase());
    if (known) return known;
    const { data } = await agent.com.atproto.identity.resolveHandle({ handle: name });
    return data.did;
  }

  /** The account whose session the harness holds (only accounts it created). */
  async function ownAccount(actor: unknown, field: string): Promise<SeedAccount> {
    const did = await resolve(actor, field);
    const account = sc.accounts[did];
    if (!account) throw new Error(`${String(actor)} was not created by this server, so it has no session here`);
    return account;
  }

  async function createAccount(handle: string, password: string, email?: string): Promise<AccountResult> {
    const account = await sc.createAccount(handle, {
      handle,
      password,
      email: email ?? `${handle.split('.')[0]}@twoway.invalid`,
    });
    didByHandle.set(account.handle.toLowerCase(), account.did);
    return { did: account.did, handle: account.handle };
  }

  function seedHandles(command: CommandOf<'seedFollowers'> | CommandOf<'seedFollowing'>): string[] {
    const count = command.count;
    if (!Number.isInteger(count) || count < 0 || count > 10_000) throw new Error('"count" must be 0..10000');
    const prefix = command.prefix ?? (command.cmd === 'seedFollowers' ? 'fan' : 'idol');
    if (!/^[a-z][a-z0-9-]*$/.test(prefix)) throw new Error('"prefix" must be lower-case letters, digits and "-"');
    const start = command.start ?? 1;
    if (!Number.isInteger(start) || start < 0) throw new Error('"start" must be a whole number');
    return Array.from({ length: count }, (_, i) => `${prefix}${String(start + i).padStart(4, '0')}.test`);
  }

  /** The record's URI and CID, and its thread's root, for a reply or a quote. */
  async function strongRef(uri: string, field: string) {
    const match = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(requireString(uri, field));
    if (!match) throw new Error(`"${field}" must be an at:// URI of a post`);
    const { data } = await agent.com.atproto.repo.getRecord({
      repo: match[1]!,
      collection: match[2]!,
      rkey: match[3]!,
    });
    if (!data.cid) throw new Error(`${uri} has no CID`);
    const reply = data.value.reply as { root?: { uri: string; cid: string } } | undefined;
    return { ref: { uri: data.uri, cid: data.cid }, root: reply?.root ?? { uri: data.uri, cid: data.cid } };
  }

  /** Facets over UTF-8 byte offsets: mentions for every @handle that resolves, links for the given substrings. */
  async function facetsOf(text: string, links: PostCommand['links'] = []) {
    const encoder = new TextEncoder();
    const span = (start: number, length: number) => {
      const byteStart = encoder.encode(text.slice(0, start)).length;
      return { byteStart, byteEnd: byteStart + encoder.encode(text.slice(start, start + length)).length };
    };
    const facets: RecordValue[] = [];
    for (const match of text.matchAll(/(?<![\w@])@([a-z0-9][a-z0-9.-]*[a-z0-9])/gi)) {
      let did: string;
      try {
        did = await resolve(match[1], 'mention');
      } catch {
        continue;
      }
      facets.push({
        index: span(match.index, match[0].length),
        features: [{ $type: 'app.bsky.richtext.facet#mention', did }],
      });
    }
    for (const link of links) {
      const at = text.indexOf(link.text);
      if (at < 0) throw new Error(`the link text ${JSON.stringify(link.text)} is not in the post`);
      facets.push({
        index: span(at, link.text.length),
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: link.uri }],
      });
    }
    return facets;
  }

  async function writePost(command: PostCommand): Promise<RecordResult> {
    const from = await ownAccount(command.from, 'from');
    const text = typeof command.text === 'string' ? command.text : '';
    const facets = await facetsOf(text, command.links);
    const record: RecordValue = {
      $type: POST,
      text,
      createdAt: checkDate(command.createdAt) ?? new Date().toISOString(),
      ...(facets.length > 0 ? { facets } : {}),
    };
    if (command.replyTo !== undefined) {
      const { ref, root } = await strongRef(command.replyTo, 'replyTo');
      record.reply = { root, parent: ref };
    }
    if (command.quote !== undefined) {
      record.embed = { $type: 'app.bsky.embed.record', record: (await strongRef(command.quote, 'quote')).ref };
    }
    const { data } = await agent.com.atproto.repo.createRecord(
      { repo: from.did, collection: POST, record },
      { headers: sc.getHeaders(from.did), encoding: 'application/json' },
    );
    return toRecordResult(data.uri, data.cid);
  }

  return {
    async createAccount(command) {
      const handle = requireString(command.handle, 'handle').toLowerCase();
      return createAccount(handle, requireString(command.password, 'password'), command.email);
    },

    async follow(command) {
      const from = await ownAccount(command.from, 'from');
      const to = await resolve(command.to, 'to');
      const createdAt = checkDate(command.createdAt);
      const ref = await sc.follow(from.did, to, createdAt ? { createdAt } : undefined);
      return toRecordResult(ref.uriStr, ref.cidStr);
    },

    async unfollow(command) {
      const from = await ownAccount(command.from, 'from');
      const to = await resolve(command.to, 'to');
      const uris: string[] = [];
      let cursor: string | undefined;
      do {
        const { data } = await agent.com.atproto.repo.listRecords({
          repo: from.did,
          collection: FOLLOW,
          limit: 100,
          cursor,
        });
        uris.push(...data.records.filter((record) => record.value.subject === to).map((record) => record.uri));
        cursor = data.records.length > 0 ? data.cursor : undefined;
      } while (cursor);
      for (const uri of uris) {
        await agent.com.atproto.repo.deleteRecord(
          { repo: from.did, collection: FOLLOW, rkey: rkeyOf(uri) },
          { headers: sc.getHeaders(from.did), encoding: 'application/json' },
        );
      }
      return { deleted: uris.length, uris };
    },

    async deleteAccount(command) {
      const did = await resolve(command.handle, 'handle');
      await agent.com.atproto.admin.deleteAccount(
        { did },
        { headers: network.pds.adminAuthHeaders(), encoding: 'application/json' },
      );
      for (const [handle, known] of didByHandle) if (known === did) didByHandle.delete(handle);
      delete sc.accounts[did];
      return { did };
    },

    async deactivateAccount(command) {
      const account = await ownAccount(command.handle, 'handle');
      await agent.com.atproto.server.deactivateAccount(
        {},
        { headers: sc.getHeaders(account.did), encoding: 'application/json' },
      );
      return { did: account.did };
    },

    async takedownAccount(command) {
      const did = await resolve(command.handle, 'handle');
      await agent.com.atproto.admin.updateSubjectStatus(
        { subject: { $type: 'com.atproto.admin.defs#repoRef', did }, takedown: { applied: true, ref: 'twoway-test' } },
        { headers: network.pds.adminAuthHeaders(), encoding: 'application/json' },
      );
      return { did };
    },

    async block(command) {
      const from = await ownAccount(command.from, 'from');
      const to = await resolve(command.to, 'to');
      const { data } = await agent.com.atproto.repo.createRecord(
        {
          repo: from.did,
          collection: BLOCK,
          record: { $type: BLOCK, subject: to, createdAt: new Date().toISOString() },
        },
        { headers: sc.getHeaders(from.did), encoding: 'application/json' },
      );
      return toRecordResult(data.uri, data.cid);
    },

    createIdentity: (command) =>
      createIdentity(network.plc.url, requireString(command.handle, 'handle'), requireString(command.pds, 'pds')),

    post: writePost,

    async posts(command) {
      const started = performance.now();
      if (!Array.isArray(command.posts)) throw new Error('"posts" must be a list of posts');
      // One author's posts go one after another (a repo takes one commit at a time); authors in parallel.
      const byAuthor = new Map<string, { post: Omit<PostCommand, 'cmd'>; index: number }[]>();
      command.posts.forEach((post, index) => {
        const key = String(post.from);
        byAuthor.set(key, [...(byAuthor.get(key) ?? []), { post, index }]);
      });
      const results = new Array<RecordResult>(command.posts.length);
      await pool([...byAuthor.values()], SEED_CONCURRENCY, async (queue) => {
        for (const { post, index } of queue) results[index] = await writePost({ ...post, cmd: 'post' });
      });
      return { posts: results, ms: Math.round(performance.now() - started) };
    },

    async setProfile(command) {
      const from = await ownAccount(command.from, 'from');
      const record = {
        $type: PROFILE,
        ...(command.displayName === undefined ? {} : { displayName: command.displayName }),
        ...(command.description === undefined ? {} : { description: command.description }),
        createdAt: new Date().toISOString(),
      };
      const { data } = await agent.com.atproto.repo.putRecord(
        { repo: from.did, collection: PROFILE, rkey: 'self', record },
        { headers: sc.getHeaders(from.did), encoding: 'application/json' },
      );
      return toRecordResult(data.uri, data.cid);
    },

    async processAll() {
      const started = performance.now();
      await network.processAll();
      return { ms: Math.round(performance.now() - started) };
    },

    async seedFollowers(command) {
      const started = performance.now();
      const target = await resolve(command.target, 'target');
      const handles = seedHandles(command);
      const dateOf = seedDates(command, handles.length);
      const password = command.password ?? 'password';
      const accounts = await pool(handles, SEED_CONCURRENCY, async (handle, index) => {
        const account = await createAccount(handle, password);
        await sc.follow(account.did, target, { createdAt: dateOf(index) });
        return account;
      });
      return seedResult(accounts, started);
    },

    async seedFollowing(command) {
      const started = performance.now();
      const target = await ownAccount(command.target, 'target');
      const handles = seedHandles(command);
      const dateOf = seedDates(command, handles.length);
      const password = command.password ?? 'password';
      const accounts = await pool(handles, SEED_CONCURRENCY, (handle) => createAccount(handle, password));
      // One repo takes its writes one commit at a time: batch them instead of racing single creates.
      for (let i = 0; i < accounts.length; i += WRITES_PER_BATCH) {
        const writes: ApplyWritesCreate[] = accounts.slice(i, i + WRITES_PER_BATCH).map((account, offset) => ({
          $type: 'com.atproto.repo.applyWrites#create',
          collection: FOLLOW,
          value: { $type: FOLLOW, subject: account.did, createdAt: dateOf(i + offset) },
        }));
        await agent.com.atproto.repo.applyWrites(
          { repo: target.did, writes },
          { headers: sc.getHeaders(target.did), encoding: 'application/json' },
        );
      }
      return seedResult(accounts, started);
    },
  };
}

/**
 * The createdAt of the n-th seeded follow: `createdAt` (default: count steps before now) plus n steps, so the
 * first account is the oldest follow. Distinct dates matter: follow records with the same subject and date are
 * byte-identical, so they share a CID, and the AppView pages followers by (sortAt, cid): ties are skipped.
 */
function seedDates(command: SeedCommand<'seedFollowers' | 'seedFollowing'>, count: number): (n: number) => string {
  const step = command.createdAtStepMs ?? 1000;
  if (!Number.isFinite(step) || step < 0) throw new Error('"createdAtStepMs" must be a number >= 0');
  const first = checkDate(command.createdAt);
  const base = first === undefined ? Date.now() - count * step : Date.parse(first);
  return (n) => new Date(base + n * step).toISOString();
}

function seedResult(accounts: AccountResult[], started: number): SeedResult {
  return { count: accounts.length, accounts, ms: Math.round(performance.now() - started) };
}
