// The slice of @atproto/dev-env (and the AtpAgent it hands out) that this harness uses, typed by hand.
// The package is loaded with a dynamic import of a computed name, so the root project's `tsc` checks this
// folder without needing tests/bluesky-server/node_modules. Checked against @atproto/dev-env 0.6.7.

type Headers = Record<string, string>;
type CallOptions = { headers?: Headers; encoding?: 'application/json' };
type Data<T> = Promise<{ data: T }>;

export type RecordValue = { $type?: string; [key: string]: unknown };
export type RepoRecord = { uri: string; cid: string; value: RecordValue };

export type ApplyWritesCreate = {
  $type: 'com.atproto.repo.applyWrites#create';
  collection: string;
  rkey?: string;
  value: RecordValue;
};

export type Agent = {
  com: {
    atproto: {
      identity: { resolveHandle(params: { handle: string }): Data<{ did: string }> };
      admin: {
        deleteAccount(input: { did: string }, options: CallOptions): Promise<unknown>;
        updateSubjectStatus(
          input: { subject: { $type: string; did: string }; takedown: { applied: boolean; ref?: string } },
          options: CallOptions,
        ): Promise<unknown>;
      };
      server: { deactivateAccount(input: { deleteAfter?: string }, options: CallOptions): Promise<unknown> };
      repo: {
        listRecords(params: {
          repo: string;
          collection: string;
          limit?: number;
          cursor?: string;
        }): Data<{ records: RepoRecord[]; cursor?: string }>;
        deleteRecord(input: { repo: string; collection: string; rkey: string }, options: CallOptions): Promise<unknown>;
        putRecord(
          input: { repo: string; collection: string; rkey: string; record: RecordValue },
          options: CallOptions,
        ): Data<{ uri: string; cid: string }>;
        createRecord(
          input: { repo: string; collection: string; record: RecordValue },
          options: CallOptions,
        ): Data<{ uri: string; cid: string }>;
        getRecord(params: { repo: string; collection: string; rkey: string }): Data<RepoRecord>;
        applyWrites(
          input: { repo: string; writes: ApplyWritesCreate[] },
          options: CallOptions,
        ): Data<{ results?: unknown[] }>;
      };
    };
  };
};

export type RecordRef = { uriStr: string; cidStr: string };

export type SeedAccount = { did: string; handle: string; accessJwt: string; password: string; email: string };

export type SeedClient = {
  agent: Agent;
  accounts: Record<string, SeedAccount>;
  createAccount(shortName: string, params: { handle: string; email: string; password: string }): Promise<SeedAccount>;
  follow(from: string, to: string, overrides?: { createdAt?: string }): Promise<RecordRef>;
  getHeaders(did: string): Headers;
};

type Service = { url: string; port: number };

export type TestNetwork = {
  plc: Service;
  pds: Service & { adminAuthHeaders(): Headers };
  bsky: Service;
  getSeedClient(): SeedClient;
  processAll(timeout?: number): Promise<void>;
  close(): Promise<void>;
};

export type TestNetworkParams = { dbPostgresUrl: string; dbPostgresSchema: string };

export type DevEnvModule = {
  TestNetwork: { create(params: TestNetworkParams): Promise<TestNetwork> };
};

/** Loads @atproto/dev-env from this folder's node_modules. */
export async function loadDevEnv(): Promise<DevEnvModule> {
  const name: string = '@atproto/dev-env';
  return (await import(name)) as DevEnvModule;
}
