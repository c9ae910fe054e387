// Versioned JSON stores, one file per concern. The engine that writes is injected: electron-store inside
// Electron, its engine conf in plain Node; both write atomically the same `{ schemaVersion, data }` files.
// Reading is a plain parse here: the engines re-read and copy a file as they open, which costs seconds on
// a large file, so an engine is only opened once something is written. What a store holds, how a refused
// save waits for the disk and how an unusable file is put aside are shared with the account files.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { StoreNotice } from '../../shared/types.ts';
import type { Clock } from '../core/clock.ts';
import { Failure } from './failure.ts';

/** What we need of a conf / electron-store instance: assigning `store` writes the whole file atomically. */
export interface RawFile {
  store: Record<string, unknown>;
}
/** Opens the engine for `<dataDir>/<name>.json`. */
export type OpenRawFile = (dataDir: string, name: string) => RawFile;

export interface StoreSpec<T> {
  /** File name without `.json`. */
  name: string;
  version: number;
  schema: z.ZodType<T>;
  initial: () => T;
  /** migrations[n] turns data of version n − 1 into data of version n. */
  migrations?: Record<number, (previous: unknown) => unknown>;
}

export interface Store<T> {
  read(): T;
  /** Saves `next`, then holds it. A change that cannot be saved is refused with a Failure; nothing changes. */
  write(next: T): void;
  /**
   * Holds `next` at once and saves it now or, when the disk refuses, as soon as it takes a write again (the user
   * is told meanwhile): for what the app records on its own, such as the timer's heartbeat or the queue's
   * progress, which a full disk must neither stop nor lose.
   */
  keep(next: T): void;
}

export interface StoreContext {
  dataDir: string;
  openFile: OpenRawFile;
  clock: Clock;
  /** Told when a file could not be used and was moved aside, or could not be saved. */
  onNotice: (notice: StoreNotice) => void;
  /** Told when a file that could not be saved has been saved after all. */
  onSaved: (store: string) => void;
}

/** Why a file cannot be used: it is put aside, and the user is told this reason. */
export class Unusable extends Error {}

/** The first thing a value gets wrong against a schema, in a few words: `followers.3.id: expected string`. */
export function firstIssue(error: z.ZodError): string {
  const first = error.issues[0];
  return `${first?.path.join('.') || 'root'}: ${first?.message.replace(/^Invalid input: /, '')}`;
}

/** A store's file is directly inside the data folder, named by Twoway: never a path a value could lead elsewhere. */
export function fileOf(dataDir: string, name: string, extension = '.json'): string {
  const filePath = path.join(dataDir, `${name}${extension}`);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || path.dirname(filePath) !== path.join(dataDir)) {
    throw new Failure('internal', `Twoway refused to use “${name}” as a data file: it is not a plain file name.`);
  }
  return filePath;
}

function upgrade<T>(spec: StoreSpec<T>, content: Record<string, unknown>): { data: T; migrated: boolean } {
  const version = content.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) throw new Unusable('it has no schema version');
  if (version > spec.version) {
    throw new Unusable(`it was written by a newer Twoway (schema ${version}, this one reads up to ${spec.version})`);
  }
  let data = content.data;
  for (let next = version + 1; next <= spec.version; next++) {
    const migrate = spec.migrations?.[next];
    if (!migrate) throw new Unusable(`no migration from schema ${next - 1} to ${next}`);
    data = migrate(data);
  }
  const parsed = spec.schema.safeParse(data);
  if (!parsed.success) throw new Unusable(`its content is not what Twoway expects (${firstIssue(parsed.error)})`);
  return { data: parsed.data, migrated: version !== spec.version };
}

function asideName(file: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  return file.replace(/(\.[a-z]+)$/, `.unreadable-${stamp}$1`);
}

/** Never deletes what the user had: moves an unusable file aside and says why. */
export function putAside(context: StoreContext, store: string, filePath: string, reason: string) {
  const at = context.clock.now();
  const movedTo = asideName(filePath, at);
  fs.renameSync(filePath, movedTo);
  context.onNotice({ id: `${store}-${at}`, store, reason, movedTo, at });
}

/** The refusal of a value that would not read back. */
export function refusal(store: string, issue: string): Failure {
  return new Failure(
    'internal',
    `Twoway refused to save ${store} with a value it could not read back (${issue}). Nothing changed.`,
  );
}

/** The file's document, or null when there is none yet; throws when it is not a JSON object. */
function readDocument(filePath: string): Record<string, unknown> | null {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Unusable('it does not hold a Twoway document');
  return value as Record<string, unknown>;
}

/** A write killed before its rename leaves its temporary file behind: it never became the store, so it goes. */
export function removeUnfinishedWrites(dataDir: string, fileName: string) {
  for (const name of fs.readdirSync(dataDir)) {
    if (!name.startsWith(`${fileName}.tmp-`)) continue;
    try {
      fs.rmSync(path.join(dataDir, name), { force: true });
    } catch {
      // A read-only folder keeps it; it is never read.
    }
  }
}

/** Why a file could not be written, in the user's words. */
export function whyUnsaved(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG')
    return `there is no room for it on the disk (${code})`;
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return `the data folder is read-only (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** Per data folder, the stores holding what the disk refused: each is tried again after any save that works. */
const unsavedStores = new WeakMap<StoreContext, Set<() => void>>();
let retrying = false;

/** What a value reads back as once saved, and how to save it; throws the store's refusal when it cannot be. */
export interface Prepared<T> {
  value: T;
  save(): void;
}

/**
 * A store holding `data` (as read from its file) and saving through `prepare`; with `saveNow`, what was read is
 * saved at once in the current form (a migrated file).
 */
export function heldStore<T>(
  name: string,
  context: StoreContext,
  initial: T,
  prepare: (next: T) => Prepared<T>,
  saveNow = false,
): Store<T> {
  if (!unsavedStores.has(context)) unsavedStores.set(context, new Set());
  const unsaved = unsavedStores.get(context)!;
  const saved = () => {
    if (unsaved.delete(retry)) context.onSaved(name);
    if (retrying) return;
    retrying = true;
    try {
      for (const other of [...unsaved]) other();
    } finally {
      retrying = false;
    }
  };
  let data = initial;
  let pending: Prepared<T> | null = null;
  /** Saves what is held; when the disk refuses, says so and waits for the next save that works. */
  const retry = () => {
    try {
      pending?.save();
    } catch (error) {
      unsaved.add(retry);
      const at = context.clock.now();
      context.onNotice({ id: `${name}-unsaved`, store: name, reason: whyUnsaved(error), movedTo: null, at });
      return;
    }
    pending = null;
    saved();
  };
  if (saveNow) {
    pending = prepare(initial);
    data = pending.value;
    retry();
  }
  return {
    read: () => data,
    write: (next) => {
      const prepared = prepare(next);
      try {
        prepared.save();
      } catch (error) {
        throw new Failure('unavailable', `Twoway could not save this change: ${whyUnsaved(error)}. Nothing changed.`);
      }
      data = prepared.value;
      pending = null;
      saved();
    },
    keep: (next) => {
      pending = prepare(next);
      data = pending.value;
      retry();
    },
  };
}

/** What a store's JSON file holds, in this version's form; null when there is none or it had to be put aside. */
export function readStoreFile<T>(spec: StoreSpec<T>, context: StoreContext, filePath: string) {
  try {
    const content = readDocument(filePath);
    if (content === null || Object.keys(content).length === 0) return null;
    return upgrade(spec, content);
  } catch (error) {
    const reason = error instanceof Unusable ? error.message : 'it is not valid JSON or could not be read';
    putAside(context, spec.name, filePath, reason);
    return null;
  }
}

export function openStore<T>(spec: StoreSpec<T>, context: StoreContext): Store<T> {
  const filePath = fileOf(context.dataDir, spec.name);
  fs.mkdirSync(context.dataDir, { recursive: true });
  removeUnfinishedWrites(context.dataDir, `${spec.name}.json`);
  let engine: RawFile | null = null;
  /** What is saved must read back: a value the schema refuses never reaches the disk. */
  const prepare = (next: T): Prepared<T> => {
    const parsed = spec.schema.safeParse(next);
    if (!parsed.success) throw refusal(spec.name, firstIssue(parsed.error));
    return {
      value: parsed.data,
      save: () => {
        engine ??= context.openFile(context.dataDir, spec.name);
        engine.store = { schemaVersion: spec.version, data: parsed.data };
      },
    };
  };
  const found = readStoreFile(spec, context, filePath);
  return heldStore(spec.name, context, found?.data ?? spec.initial(), prepare, found?.migrated);
}
