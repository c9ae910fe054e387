// Versioned JSON stores, one file per concern. The engine that writes is injected: electron-store inside
// Electron, its engine conf in plain Node; both write atomically the same `{ schemaVersion, data }` files.
// Reading is a plain parse here: the engines re-read and copy a file as they open, which costs seconds on
// a large follower file, so an engine is only opened once something is written.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { StoreNotice } from '../../shared/types.ts';
import type { Clock } from '../core/clock.ts';

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
  write(next: T): void;
}

export interface StoreContext {
  dataDir: string;
  openFile: OpenRawFile;
  clock: Clock;
  /** Told when a file could not be used and was moved aside. */
  onNotice: (notice: StoreNotice) => void;
}

class Unusable extends Error {}

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
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Unusable(
      `its content is not what Twoway expects (${first?.path.join('.') || 'root'}: ${first?.message})`,
    );
  }
  return { data: parsed.data, migrated: version !== spec.version };
}

function asideName(file: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  return file.replace(/\.json$/, `.unreadable-${stamp}.json`);
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

export function openStore<T>(spec: StoreSpec<T>, context: StoreContext): Store<T> {
  fs.mkdirSync(context.dataDir, { recursive: true });
  const filePath = path.join(context.dataDir, `${spec.name}.json`);
  let engine: RawFile | null = null;
  const save = (data: T) => {
    engine ??= context.openFile(context.dataDir, spec.name);
    engine.store = { schemaVersion: spec.version, data };
  };
  let data: T;
  try {
    const content = readDocument(filePath);
    if (content === null || Object.keys(content).length === 0) {
      data = spec.initial();
    } else {
      const upgraded = upgrade(spec, content);
      data = upgraded.data;
      if (upgraded.migrated) save(data);
    }
  } catch (error) {
    // Never delete what the user had: move it aside, say so, and start this concern afresh.
    const reason = error instanceof Unusable ? error.message : 'it is not valid JSON or could not be read';
    const at = context.clock.now();
    const movedTo = asideName(filePath, at);
    fs.renameSync(filePath, movedTo);
    context.onNotice({ id: `${spec.name}-${at}`, store: spec.name, reason, movedTo, at });
    data = spec.initial();
  }
  return {
    read: () => data,
    write: (next) => {
      save(next);
      data = next;
    },
  };
}
