import type { EventName, Events } from '../../shared/contract.ts';

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

/** Main → renderer events; each host forwards them to its windows or streams. */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  listen(listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit: (event, payload) => {
      for (const listener of listeners) listener(event, payload);
    },
    listen: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
