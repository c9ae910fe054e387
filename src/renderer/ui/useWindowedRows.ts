import { useCallback, useEffect, useRef, useState } from 'react';

/** Rows are fetched 100 at a time: the backend pages, so a long list costs only what is in view. */
export const windowSize = 100;

export type FetchWindow<Row> = (offset: number, limit: number) => Promise<{ total: number; rows: Row[] }>;

interface Cache<Row> {
  key: string;
  total: number | null;
  fresh: Map<number, Row[]>;
  /** The previous query's windows, shown until this one's arrive, so a refresh does not flash empty. */
  stale: Map<number, Row[]>;
  error: string | null;
}

export interface WindowedRows<Row> {
  /** Null until the first window arrives. */
  total: number | null;
  error: string | null;
  rowAt(index: number): Row | undefined;
  /** The rows in view, whose windows to fetch. */
  show(first: number, last: number): void;
  /** Rows first to last of this query, from the windows at hand or fetched: a Shift-click's range. */
  rowsIn(first: number, last: number): Promise<Row[]>;
  retry(): void;
}

/**
 * A long list read window by window. `key` names the query: a new key fetches again (the visible windows
 * first), keeping the old rows in view meanwhile.
 */
export function useWindowedRows<Row>(key: string, fetchWindow: FetchWindow<Row>): WindowedRows<Row> {
  const [range, setRange] = useState({ first: 0, last: windowSize - 1 });
  const [cache, setCache] = useState<Cache<Row>>(() => ({
    key,
    total: null,
    fresh: new Map(),
    stale: new Map(),
    error: null,
  }));
  const pending = useRef(new Set<string>());
  const latest = useRef(cache);
  useEffect(() => {
    latest.current = cache;
  }, [cache]);

  // A new query: adjust during render, so no frame shows the old query as fresh.
  if (cache.key !== key) {
    setCache({
      key,
      total: cache.total,
      fresh: new Map(),
      stale: cache.fresh.size > 0 ? cache.fresh : cache.stale,
      error: null,
    });
  }

  useEffect(() => {
    // After a failure, wait for the user's retry rather than asking again at once.
    if (cache.error) return;
    const firstWindow = Math.floor(range.first / windowSize);
    const lastWindow = Math.floor(Math.max(range.first, range.last) / windowSize);
    for (let w = firstWindow; w <= lastWindow; w++) {
      const id = `${key}#${w}`;
      if (cache.key !== key || cache.fresh.has(w) || pending.current.has(id)) continue;
      pending.current.add(id);
      fetchWindow(w * windowSize, windowSize)
        .then(({ total, rows }) =>
          setCache((current) => {
            if (current.key !== key) return current;
            const stale = new Map(current.stale);
            stale.delete(w);
            return { ...current, total, fresh: new Map(current.fresh).set(w, rows), stale };
          }),
        )
        .catch((error: unknown) =>
          setCache((current) =>
            current.key === key
              ? { ...current, error: error instanceof Error ? error.message : String(error) }
              : current,
          ),
        )
        .finally(() => pending.current.delete(id));
    }
  }, [key, range, cache, fetchWindow]);

  const show = useCallback((first: number, last: number) => setRange({ first, last }), []);
  const rowsIn = useCallback(
    async (first: number, last: number) => {
      const rows: Row[] = [];
      for (let w = Math.floor(first / windowSize); w <= Math.floor(last / windowSize); w++) {
        const known = latest.current.key === key ? latest.current.fresh.get(w) : undefined;
        const windowRows = known ?? (await fetchWindow(w * windowSize, windowSize)).rows;
        rows.push(...windowRows.slice(Math.max(0, first - w * windowSize), last - w * windowSize + 1));
      }
      return rows;
    },
    [key, fetchWindow],
  );
  const retry = () => setCache({ ...cache, error: null });
  const rowAt = (index: number): Row | undefined => {
    const w = Math.floor(index / windowSize);
    return (cache.fresh.get(w) ?? cache.stale.get(w))?.[index % windowSize];
  };
  return { total: cache.total, error: cache.error, rowAt, show, rowsIn, retry };
}
