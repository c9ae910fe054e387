// How the contract declares a method (its input schema, its result type) and an event (its payload type).
import type { z } from 'zod';

/** One method of the contract: its input schema and, as a phantom, its result type. */
export interface Method<I extends z.ZodType, R> {
  input: I;
  result?: R;
}
export const method = <R>() => ({
  takes: <I extends z.ZodType>(input: I): Method<I, R> => ({ input }),
});

/** One event main pushes: its payload type, as a phantom. The object of events is where the names come from. */
export interface Event<P> {
  payload?: P;
}
export const carries = <P>(): Event<P> => ({});
