// The renderer's only door to main: window.twoway from the preload (or the preview bridge), unwrapped.
import type {
  ApiErrorBody,
  EventName,
  Events,
  MethodInput,
  MethodName,
  MethodResult,
  TwowayApi,
} from '../shared/contract.ts';

declare global {
  interface Window {
    twoway: TwowayApi;
  }
}

/** A refusal from main, with the per-field messages forms show beside their inputs. */
export class ApiError extends Error {
  readonly code: ApiErrorBody['code'];
  readonly fields: Record<string, string>;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.code = body.code;
    this.fields = body.fields ?? {};
  }
}

type Args<M extends MethodName> = undefined extends MethodInput<M> ? [input?: MethodInput<M>] : [input: MethodInput<M>];

export async function call<M extends MethodName>(method: M, ...input: Args<M>): Promise<MethodResult<M>> {
  const invoke = window.twoway[method] as (
    input?: unknown,
  ) => Promise<{ ok: true; value: MethodResult<M> } | { ok: false; error: ApiErrorBody }>;
  const reply = await invoke(input[0]);
  if (!reply.ok) throw new ApiError(reply.error);
  return reply.value;
}

export function subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return window.twoway.subscribe(event, listener);
}
