// Hostile identities against the real Bluesky reference server (PLC + PDS + AppView from @atproto/dev-env): an
// AppView that names another account, a handle whose identity does not name it back, a server address the rules
// refuse, and a session reply that names another server. An impostor's server on another 127.0.0.1 port records
// all it receives: it must receive no app password and no token.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AccountBalance } from '../../src/shared/types.ts';
import { blueskyAddresses, blueskyServerForTests } from '../support/blueskyServer.ts';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy.ts';
import { servicesAt } from '../support/services.ts';
import { settled } from '../support/settled.ts';

interface Received {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

/** A server that answers like a PDS happy to take a password, and keeps everything it was sent. */
async function startImpostor() {
  const received: Received[] = [];
  let didDocument: object = {};
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/.well-known/did.json') return res.end(JSON.stringify(didDocument));
      const did = (didDocument as { id?: string }).id ?? 'did:plc:aaaaaaaaaaaaaaaaaaaaaaaa';
      res.end(JSON.stringify({ did, handle: 'victim.test', accessJwt: 'taken', refreshJwt: 'taken', active: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    serve(doc: object) {
      didDocument = doc;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const password = 'victim-app-pass-1';
let impostor: Awaited<ReturnType<typeof startImpostor>>;
let victim: { did: string };
let fan: { did: string };
const proxies: FaultProxy[] = [];

/** A proxy in front of a real server that swaps one text for another in every answer. */
async function lying(target: string, from: string | RegExp, to: string) {
  const proxy = await startFaultProxy(target, { now: Date.now, rewrite: (text) => text.replaceAll(from, to) });
  proxies.push(proxy);
  return proxy;
}

async function addVictim(urls: { appviewUrl?: string; plcUrl?: string; handleResolverUrl?: string }) {
  const twoway = servicesAt(Date.now(), { warp: true });
  const reply = await twoway.dispatch('addAccount', {
    network: 'bluesky',
    handle: 'victim.test',
    appPassword: password,
    ...blueskyAddresses(server),
    ...urls,
  });
  return { ...twoway, reply };
}

const server = blueskyServerForTests(async () => {
  victim = await server.createAccount('victim.test', password);
  fan = await server.createAccount('fan.test', 'fan-pass-123');
  await server.follow('fan.test', victim.did);
  await server.processAll();
  impostor = await startImpostor();
}, 120_000);
afterEach(async () => {
  impostor.received.length = 0;
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});
afterAll(async () => impostor?.close());

describe('signing in to Bluesky trusts only an identity that names the handle back', () => {
  it('refuses an AppView that names an impostor for the handle, and sends the password nowhere', async () => {
    // Anyone can register a DID whose document claims victim.test and names their own server.
    const impostorDid = (await server.createIdentity('victim.test', impostor.url)).did;
    const appview = await lying(server.urls.appview, victim.did, impostorDid);

    const { reply, services } = await addVictim({ appviewUrl: appview.url });

    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/answered with another account \(did:plc:.*\) for victim\.test/) },
    });
    expect(impostor.received).toEqual([]);
    expect(services.accounts.list()).toEqual([]);
  });

  it('refuses a handle whose identity names another handle', async () => {
    const elsewhere = (await server.createIdentity('someone-else.test', impostor.url)).did;
    const resolver = await lying(server.urls.pds, victim.did, elsewhere);
    const appview = await lying(server.urls.appview, victim.did, elsewhere);

    const { reply, services } = await addVictim({ appviewUrl: appview.url, handleResolverUrl: resolver.url });

    expect(reply).toMatchObject({
      ok: false,
      error: {
        fields: {
          handle: `victim.test points to ${elsewhere}, but that identity is someone-else.test: Twoway cannot confirm the account, so it sends your app password nowhere.`,
        },
      },
    });
    expect(impostor.received).toEqual([]);
    expect(services.accounts.list()).toEqual([]);
  });

  it('refuses an identity whose server is at an address Twoway never sends an account to', async () => {
    const plain = (await server.createIdentity('victim.test', 'http://pds.impostor.example')).did;
    const resolver = await lying(server.urls.pds, victim.did, plain);
    const appview = await lying(server.urls.appview, victim.did, plain);

    const { reply, services } = await addVictim({ appviewUrl: appview.url, handleResolverUrl: resolver.url });

    expect(reply).toMatchObject({
      ok: false,
      error: {
        fields: {
          handle:
            'victim.test’s identity names its server as http://pds.impostor.example, which Twoway refuses: Use the https:// address: Twoway does not send your account over plain http.',
        },
      },
    });
    expect(services.accounts.list()).toEqual([]);
  });

  it('reads a did:web document from its own host, and refuses it when it names another handle', async () => {
    const did = `did:web:localhost%3A${impostor.port}`;
    impostor.serve({
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: did,
      alsoKnownAs: ['at://impostor.test'],
      service: [
        { id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: `http://localhost:${impostor.port}` },
      ],
    });
    const resolver = await lying(server.urls.pds, victim.did, did);

    const { reply } = await addVictim({ handleResolverUrl: resolver.url });

    expect(reply).toMatchObject({
      ok: false,
      error: { fields: { handle: expect.stringContaining(`points to ${did}, but that identity is impostor.test`) } },
    });
    // The document was read; nothing else was sent, and no secret.
    expect(impostor.received).toEqual([
      { method: 'GET', url: '/.well-known/did.json', authorization: undefined, body: '' },
    ]);
  });

  it('refuses a did:web document that is not a DID document', async () => {
    const did = `did:web:localhost%3A${impostor.port}`;
    impostor.serve({ id: `did:web:elsewhere.example`, service: 'everywhere' });
    const resolver = await lying(server.urls.pds, victim.did, did);

    const { reply } = await addVictim({ handleResolverUrl: resolver.url });

    expect(reply).toMatchObject({
      ok: false,
      error: { fields: { handle: `The identity document of ${did} is malformed: Twoway signs in nowhere with it.` } },
    });
    expect(impostor.received.map((r) => r.url)).toEqual(['/.well-known/did.json']);
  });

  it('keeps the session with the account’s own server when a session reply names another one', async () => {
    // The account's server answers through a proxy whose session replies carry a DID document (as servers with
    // enableDidDocWithSession do) that names the impostor as the account's home.
    const doc = (await fetch(`${server.urls.plc}/${victim.did}`).then((r) => r.json())) as { service: object[] };
    const claim = { ...doc, service: [{ ...doc.service[0], serviceEndpoint: impostor.url }] };
    const pds = await startFaultProxy(server.urls.pds, {
      now: Date.now,
      rewrite: (text) =>
        text.includes('"refreshJwt"') ? JSON.stringify({ ...JSON.parse(text), didDoc: claim }) : text,
    });
    proxies.push(pds);
    const pdsPort = new URL(server.urls.pds).port;
    const plc = await lying(server.urls.plc, new RegExp(`http://(127\\.0\\.0\\.1|localhost):${pdsPort}`, 'g'), pds.url);

    const { reply, dispatch, services } = await addVictim({ plcUrl: plc.url });
    expect(reply).toMatchObject({ ok: true });
    await settled(services);
    const id = (reply as { ok: true; value: AccountBalance }).value.account.id;
    await dispatch('enqueue', { accountId: id, action: 'follow', personIds: [fan.did] });
    await settled(services);

    expect(services.queue.view().items[0]).toMatchObject({ action: 'follow', state: 'done' });
    expect(pds.requests.filter((r) => r.path === '/xrpc/com.atproto.repo.createRecord')).toHaveLength(1);
    expect(impostor.received).toEqual([]);
  });
});
