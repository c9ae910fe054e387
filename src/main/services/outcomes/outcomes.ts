// The outcomes log: what networking produced, with edit, delete and undo like the time ledger.
import { z } from 'zod';
import { outcomeInput, type OutcomeInput } from '../../../shared/inputs.ts';
import { outcomeChannels, outcomeTypes, type Outcome } from '../../../shared/outcomes.ts';
import { dayKey, fromDayKey } from '../../../shared/calendar.ts';
import type { Clock } from '../../core/clock.ts';
import type { EventBus } from '../events.ts';
import { Failure, invalid } from '../failure.ts';
import { createListeners, type Listener } from '../listeners.ts';
import type { StoreContext } from '../store.ts';
import type { SharedDoc } from '../devices/sharedDoc.ts';
import { openSharedList } from '../devices/sharedList.ts';

export const outcomeSchema = z.object({
  id: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  type: z.enum(outcomeTypes),
  channel: z.enum(outcomeChannels),
  value: z.number().nonnegative().nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  person: z.string(),
  note: z.string(),
});

export interface OutcomesDeps {
  context: StoreContext;
  /** Where the log lives, shared with the person's other devices. */
  shared: SharedDoc;
  clock: Clock;
  events: EventBus;
  newId: () => string;
}

/** Newest day first; the same day keeps the order they were logged in (the shared list's tie). */
const newestFirst = (a: Outcome, b: Outcome) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

export function createOutcomes({ context, shared, clock, events, newId }: OutcomesDeps) {
  const store = openSharedList(
    {
      before: { name: 'outcomes', version: 1, schema: z.array(outcomeSchema), initial: () => [] },
      section: 'outcomes',
      item: outcomeSchema,
      order: newestFirst,
      itemName: 'outcome',
    },
    context,
    shared,
  );
  const deleted = new Map<string, Outcome>();
  const changes = createListeners<Outcome[]>();

  function told() {
    changes.tell(store.read());
    events.emit('outcomesChanged', store.read());
  }
  function save(next: Outcome[]) {
    store.write(next);
    told();
  }
  store.onMerge(told);

  function checked(input: OutcomeInput): Omit<Outcome, 'id'> {
    const outcome = outcomeInput.parse(input);
    if (Number.isNaN(fromDayKey(outcome.date))) throw invalid({ date: 'This date does not exist.' });
    if (outcome.date > dayKey(clock.now())) throw invalid({ date: 'The date cannot be in the future.' });
    return outcome;
  }

  function find(id: string): Outcome {
    const outcome = store.read().find((o) => o.id === id);
    if (!outcome) throw new Failure('not-found', 'This outcome no longer exists.');
    return outcome;
  }

  return {
    list: (): Outcome[] => store.read(),
    /** Hears every change of the log, before windows are told. */
    onChange: (listener: Listener<Outcome[]>) => changes.add(listener),
    add(input: OutcomeInput): Outcome {
      const outcome = { id: newId(), ...checked(input) };
      save([...store.read(), outcome]);
      return outcome;
    },
    update(id: string, input: OutcomeInput): Outcome {
      find(id);
      const outcome = { id, ...checked(input) };
      save(store.read().map((o) => (o.id === id ? outcome : o)));
      return outcome;
    },
    remove(id: string): Outcome {
      const outcome = find(id);
      deleted.set(id, outcome);
      save(store.read().filter((o) => o.id !== id));
      return outcome;
    },
    undoRemove(id: string): Outcome {
      const outcome = deleted.get(id);
      if (!outcome) throw new Failure('not-found', 'There is nothing to undo for this outcome.');
      deleted.delete(id);
      save([...store.read(), outcome]);
      return outcome;
    },
    /** Replaces the whole log: sample data, or a restore that was already validated and merged. */
    replace: (next: Outcome[]) => save(next),
  };
}
export type Outcomes = ReturnType<typeof createOutcomes>;
