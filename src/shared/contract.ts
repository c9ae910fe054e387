// The API the renderer may call and the events main pushes. Both hosts (Electron IPC and the browser
// preview) register exactly these methods and parse every input with the method's schema; the methods are
// declared by feature in contract/, and this is the one place that puts them together.
import type { z } from 'zod';
import { accountMethods } from './contract/accounts.ts';
import { appMethods } from './contract/app.ts';
import { catchUpMethods } from './contract/catchUp.ts';
import { devicesMethods } from './contract/devices.ts';
import type { EventName, Events } from './contract/events.ts';
import { peopleMethods } from './contract/people.ts';
import { queueMethods } from './contract/queue.ts';
import { reportMethods } from './contract/report.ts';
import { timeMethods } from './contract/time.ts';

export type { Download, RestoreSummary } from './contract/app.ts';
export type { DueCounts, GhostRow, NotFollowedBackRow, NotFollowingBackRow } from './contract/people.ts';
export { eventNames, type EventName, type Events } from './contract/events.ts';

export const contract = {
  ...appMethods,
  ...timeMethods,
  ...reportMethods,
  ...accountMethods,
  ...peopleMethods,
  ...queueMethods,
  ...catchUpMethods,
  ...devicesMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];
/** What the renderer may send: defaults and optional fields may be left out. */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler gets: the input as its schema parsed it, defaults filled in. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Exclude<Contract[M]['result'], undefined>;

export type ErrorCode = 'invalid-input' | 'not-found' | 'conflict' | 'unavailable' | 'internal';

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Per field messages, keyed by the input path ('end', 'quietHours.from'). */
  fields?: Record<string, string>;
}

export type Reply<R> = { ok: true; value: R } | { ok: false; error: ApiErrorBody };

/** What the preload exposes as window.twoway and the preview bridge imitates. */
export type TwowayApi = {
  [M in MethodName]: (input?: MethodInput<M>) => Promise<Reply<MethodResult<M>>>;
} & {
  subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

export const ipcChannel = (name: MethodName | EventName) => `twoway:${name}`;
