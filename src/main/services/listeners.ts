// How one service hears of another's changes: the producer owns the listeners and offers `onChange`, the
// composition root (app.ts) connects them. The event bus carries only what windows are told.

export type Listener<T> = (value: T) => void;

/** A service's `onChange`: adds a listener, returns a function that removes it. */
export type OnChange<T> = (listener: Listener<T>) => () => void;

export interface Listeners<T> {
  /** Adds a listener; returns a function that removes it. */
  add(listener: Listener<T>): () => void;
  /** Tells every listener, in the order they were added. */
  tell(value: T): void;
}

export function createListeners<T>(): Listeners<T> {
  const listeners = new Set<Listener<T>>();
  return {
    add(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    tell(value) {
      for (const listener of listeners) listener(value);
    },
  };
}
