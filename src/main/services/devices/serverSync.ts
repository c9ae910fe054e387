// Syncing through a sync server (scripts/syncServer.ts, or any automerge-repo sync server): the shared document is
// one document on the server, named by a code. The first device sends its document and shows the code; the others
// enter it and fetch the same document. From then on each side's changes reach the other as they happen, and a
// server that was away gets everything again when it is back. Nothing is saved here: sharedDoc saves what arrives.
import * as Automerge from '@automerge/automerge';
import {
  Repo,
  isValidAutomergeUrl,
  isValidDocumentId,
  stringifyAutomergeUrl,
  type AutomergeUrl,
  type DocHandle,
  type DocumentId,
  type PeerId,
  type PeerMetadata,
} from '@automerge/automerge-repo';
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';
import type { Clock } from '../../core/clock.ts';
import { Failure, invalid } from '../failure.ts';
import { sections, type SharedDoc } from './sharedDoc.ts';

type Doc = ReturnType<SharedDoc['current']>;

/** How long a device waits for the server to send the document its code names. */
export const findTimeoutMs = 30_000;
/** How often a device tries again to reach a server that does not answer. */
export const retryIntervalMs = 5_000;

export interface ServerSyncStatus {
  /** connected: the server has this device's changes as they happen; connecting: trying to reach it. */
  state: 'connected' | 'connecting' | 'unavailable';
  message: string | null;
  /** When the server last held every change this device has. */
  lastSyncAt: number | null;
  /** The code the other devices enter: known at once on the first device, once found on the others. */
  document: AutomergeUrl | null;
}

export interface ServerSyncDeps {
  doc: SharedDoc;
  /** The server's address, wss:// (ws:// only on this computer). */
  url: string;
  /** The code from another device; without it this device's document goes to the server under a new code. */
  document?: string;
  clock: Clock;
  onStatus: (status: ServerSyncStatus) => void;
  findTimeout?: number;
  retryInterval?: number;
}

const thisComputer = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why an address cannot be a sync server's, in the person's words, or null when it can. */
export function serverUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'This is not a server address; it looks like wss://sync.example.com.';
  }
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') return 'A sync server address begins with wss://.';
  if (url.protocol === 'ws:' && !thisComputer.has(url.hostname)) {
    return 'Use wss:// so the connection is encrypted; ws:// is only for this computer.';
  }
  if (url.username || url.password) return 'Leave the name and password out of the server address.';
  return null;
}

/** The document a code names, or null when it is not a code a device shows. */
export function documentOfCode(code: string): AutomergeUrl | null {
  const text = code.trim();
  if (isValidAutomergeUrl(text)) return text;
  if (isValidDocumentId(text)) return stringifyAutomergeUrl(text as DocumentId);
  return null;
}

function reasonOf(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === 'string') return code;
    if (typeof message === 'string' && message) return message;
  }
  return String(error);
}

/**
 * The websocket client, made safe to run inside the app: its own handlers throw on a failed connection other than
 * a refused one (a name that does not resolve, a TLS error, a proxy's 502) and on a send while the socket closes,
 * which would end the process; here each is reported instead. It also stops trying once stopped, and closes a
 * connection attempt that hangs before it starts the next.
 */
class ServerConnection extends WebSocketClientAdapter {
  stopped = false;
  onFailure: (reason: string) => void = () => {};

  override connect(peerId: PeerId, peerMetadata?: PeerMetadata) {
    if (this.stopped) return;
    const previous = this.socket;
    try {
      super.connect(peerId, peerMetadata);
    } catch (error) {
      this.onFailure(reasonOf(error));
    }
    if (previous && previous !== this.socket) {
      // Closing a socket still connecting tells its error to listeners; without one that would throw.
      previous.addEventListener('error', () => {});
      previous.close();
    }
  }

  override onError = (event: { error?: unknown }) => {
    this.onFailure(reasonOf(event.error ?? 'the connection failed'));
  };

  override onMessage = (event: { data: unknown }) => {
    try {
      this.receiveMessage(event.data as Uint8Array);
    } catch (error) {
      this.onFailure(`the server sent what Twoway cannot read (${reasonOf(error)})`);
    }
  };

  override send(message: Parameters<WebSocketClientAdapter['send']>[0]) {
    // A message not sent while the connection is down is not lost: syncing starts over when it is back.
    if (this.stopped || this.socket?.readyState !== 1) return;
    try {
      super.send(message);
    } catch (error) {
      this.onFailure(reasonOf(error));
    }
  }

  override disconnect() {
    this.stopped = true;
    if (this.socket && this.peerId) super.disconnect();
  }
}

/** Whether `doc` holds every change `other` has. */
function holds(doc: Automerge.Doc<unknown>, other: Automerge.Doc<unknown>): boolean {
  return Automerge.hasHeads(doc, Automerge.getHeads(other));
}

/** A document every Twoway can read: each section a map (what a peer sends is not trusted). */
function isTwowayDocument(doc: unknown): doc is Doc {
  if (!doc || typeof doc !== 'object') return false;
  return sections.every((section) => {
    const value = (doc as Record<string, unknown>)[section];
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  });
}

export function createServerSync({
  doc,
  url,
  document,
  clock,
  onStatus,
  findTimeout = findTimeoutMs,
  retryInterval = retryIntervalMs,
}: ServerSyncDeps) {
  const urlProblem = serverUrlProblem(url);
  if (urlProblem) throw invalid({ url: urlProblem });
  const wanted = document === undefined ? null : documentOfCode(document);
  if (document !== undefined && !wanted) {
    throw invalid({ document: 'This is not a sync code: copy it again from your other device.' });
  }
  const host = new URL(url.trim()).host;

  let status: ServerSyncStatus = {
    state: 'connecting',
    message: `Connecting to ${host}…`,
    lastSyncAt: null,
    document: null,
  };
  let stopped = false;
  let handle: DocHandle<Doc> | null = null;
  let finding = false;
  /** Set when the server said it has no document under the code: trying again will not help. */
  let notThere = false;
  /** Set when the server's copy stopped being a Twoway document: it stays refused, and said so. */
  let foreign = false;
  const undo: Array<() => void> = [];

  function report(next: Partial<ServerSyncStatus>) {
    if (stopped) return;
    const merged = { ...status, ...next };
    if (
      merged.state === status.state &&
      merged.message === status.message &&
      merged.lastSyncAt === status.lastSyncAt &&
      merged.document === status.document
    ) {
      return;
    }
    status = merged;
    try {
      onStatus(status);
    } catch {
      // A listener's failure is not the connection's.
    }
  }

  const connection = new ServerConnection(url.trim(), retryInterval);
  connection.onFailure = (reason) => {
    if (notThere) return;
    report({
      state: 'unavailable',
      message: `Twoway cannot reach the sync server at ${host} (${reason}). It keeps trying.`,
    });
  };
  // No storage: the shared document is saved by sharedDoc. Ephemeral: the server keeps no sync state for us.
  const repo = new Repo({ network: [connection], isEphemeral: true });

  /** Takes in what the server's copy has that this device lacks. */
  function takeFromServer() {
    if (!handle || stopped) return;
    try {
      const remote = handle.doc();
      if (holds(doc.current(), remote)) return;
      if (!isTwowayDocument(remote)) {
        foreign = true;
        report({
          state: 'unavailable',
          message: `The document on ${host} is not a Twoway document; nothing was taken.`,
        });
        return;
      }
      doc.adopt(remote);
    } catch (error) {
      report({ state: 'unavailable', message: `Twoway could not take in the server's changes (${reasonOf(error)}).` });
    }
  }

  /** Gives the server's copy what this device has that it lacks. */
  function giveToServer() {
    if (!handle || stopped) return;
    try {
      const local = doc.current();
      if (holds(handle.doc(), local)) return;
      handle.update((copy) => Automerge.merge(copy, local));
    } catch (error) {
      report({ state: 'unavailable', message: `Twoway could not send its changes (${reasonOf(error)}).` });
    }
  }

  /** Marks the server up to date when the heads it last said it holds are all of this device's. */
  function checkServer() {
    if (!handle || foreign) return;
    const ours = handle.heads();
    for (const peer of repo.peers) {
      const storage = repo.getStorageIdOfPeer(peer);
      const theirs = storage ? handle.getSyncInfo(storage)?.lastHeads : undefined;
      if (theirs && ours.every((head) => theirs.includes(head))) {
        report({ state: 'connected', message: null, lastSyncAt: clock.now() });
        return;
      }
    }
  }

  function follow(found: DocHandle<Doc>) {
    handle = found;
    report(
      repo.peers.length > 0 ? { document: found.url, state: 'connected', message: null } : { document: found.url },
    );
    takeFromServer();
    giveToServer();
    checkServer();
    const onChange = () => takeFromServer();
    // The server tells the heads it holds after each exchange.
    const onRemoteHeads = () => checkServer();
    found.on('change', onChange);
    found.on('remote-heads', onRemoteHeads);
    undo.push(() => found.off('change', onChange));
    undo.push(() => found.off('remote-heads', onRemoteHeads));
    undo.push(doc.onChange(() => giveToServer()));
  }

  async function find(code: AutomergeUrl) {
    finding = true;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), findTimeout);
    try {
      const found = await repo.find<Doc>(code, { signal: abort.signal });
      if (stopped) return;
      if (!isTwowayDocument(found.doc())) {
        notThere = true;
        report({
          state: 'unavailable',
          message: 'The document under this code is not a Twoway document: check the code from your other device.',
        });
        return;
      }
      follow(found);
    } catch (error) {
      if (stopped) return;
      if (abort.signal.aborted) {
        report({
          state: 'unavailable',
          message: `The sync server at ${host} did not send the document within ${Math.round(findTimeout / 1000)} seconds; Twoway asks again when it reconnects.`,
        });
      } else if (/unavailable/i.test(reasonOf(error))) {
        notThere = true;
        report({
          state: 'unavailable',
          message: 'The server has no such document: check the code from your other device.',
        });
      } else {
        report({ state: 'unavailable', message: `Twoway could not fetch the document (${reasonOf(error)}).` });
      }
    } finally {
      clearTimeout(timer);
      finding = false;
    }
  }

  const onPeer = () => {
    if (!handle && wanted && !finding && !notThere) {
      report({ state: 'connecting', message: `Connected to ${host}; fetching the document…` });
      void find(wanted);
    } else if (handle && !foreign) {
      report({ state: 'connected', message: null });
    }
  };
  const onPeerGone = () => {
    // Each failed attempt to reconnect tells this again; the first one is news.
    if (notThere || status.state !== 'connected') return;
    report({ state: 'connecting', message: `Lost the connection to ${host}; trying again.` });
  };
  repo.networkSubsystem.on('peer', onPeer);
  repo.networkSubsystem.on('peer-disconnected', onPeerGone);
  undo.push(() => repo.networkSubsystem.off('peer', onPeer));
  undo.push(() => repo.networkSubsystem.off('peer-disconnected', onPeerGone));

  onStatus(status);
  if (!wanted) {
    try {
      follow(repo.import<Doc>(Automerge.save(doc.current())));
    } catch (error) {
      void repo.shutdown();
      throw new Failure('internal', `Twoway could not prepare its document for the server (${reasonOf(error)}).`);
    }
  }

  return {
    /** Where things stand now. */
    status: (): ServerSyncStatus => status,
    /** Closes the connection; nothing is sent or taken after it resolves. */
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const step of undo.splice(0)) step();
      connection.stopped = true;
      try {
        await repo.shutdown();
      } catch {
        // The socket is gone either way.
      }
    },
  };
}
export type ServerSync = ReturnType<typeof createServerSync>;
