/**
 * Hostile answers for the local test servers and the fault proxy: a server that lies about the shape of its
 * data, sends more than any page could hold, or pages on forever. Pushed like any fault (see faults.ts);
 * tests/servers/README.md lists what each does on the wire.
 */
import type { ServerResponse } from 'node:http';

export type HostileFault =
  /** These fields are set on one entry of the answer's list (the first unless `entry`), or on the entity answered. */
  | { entryPatch: Record<string, unknown>; entry?: number }
  /** 200 with this JSON in place of the server's answer (e.g. a page that is not a page). */
  | { replaceWith: unknown }
  /** 200 with this many bytes of an ever longer JSON list, chunked, with no length given up front. */
  | { oversized: number }
  /** Mastodon: the rel="next" link names this origin instead of the server's own (path and query kept). */
  | { foreignNextLink: string }
  /** Every page is full of accounts never seen before and links on to another. */
  | { endlessPages: true };

const kinds = ['entryPatch', 'replaceWith', 'oversized', 'foreignNextLink', 'endlessPages'];

/** The hostile fault's name, for the request log; undefined for any other fault. */
export function hostileKind(fault: object): string | undefined {
  return Object.keys(fault).find((key) => kinds.includes(key));
}

/** The lists the answers of these servers carry their entries in: X's `data`, the XRPC methods' named lists. */
const listKeys = ['data', 'followers', 'follows', 'records', 'profiles', 'feed', 'notifications', 'relationships'];

/** The answer with the patch applied to the entry it names; an answer without such an entry is left as it is. */
export function patchEntry(json: unknown, fault: { entryPatch: Record<string, unknown>; entry?: number }): unknown {
  const index = fault.entry ?? 0;
  const patch = (value: unknown) =>
    value !== null && typeof value === 'object' ? { ...value, ...fault.entryPatch } : value;
  if (Array.isArray(json)) return json.map((item, i) => (i === index ? patch(item) : item));
  if (json === null || typeof json !== 'object') return json;
  const object = json as Record<string, unknown>;
  const key = listKeys.find((name) => name in object);
  if (key === undefined) return patch(object);
  const value = object[key];
  if (!Array.isArray(value)) return { ...object, [key]: patch(value) };
  return { ...object, [key]: value.map((item, i) => (i === index ? patch(item) : item)) };
}

/**
 * Streams a JSON list of about `bytes` bytes (`[{"id":"1","acct":"a",…},…]`, valid once whole), waiting for the
 * client to take each chunk, and stops early when the client hangs up. Tells `onWritten` the bytes so far.
 */
export async function writeOversized(res: ServerResponse, bytes: number, onWritten: (bytes: number) => void) {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  const entry = '{"id":"1","acct":"a","username":"a","did":"did:plc:a","handle":"a.test"}';
  const chunk = Buffer.from(`${entry},`.repeat(Math.ceil(65_536 / entry.length)));
  res.write('[');
  let written = 1;
  while (written + chunk.length < bytes && !res.destroyed) {
    written += chunk.length;
    onWritten(written);
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  if (!res.destroyed) res.end(`${entry}]`);
}
