// The last few lists a view asked for, filtered and sorted: paging through one costs a slice, not a sort.

/**
 * Remembers `size` answers, each by its query and the row arrays it was made from; a part made afresh (a sync,
 * new facts, the next minute) is a new array, so the answer is made again.
 */
export function listMemo<T>(size: number) {
  const answers = new Map<string, { from: readonly T[][]; rows: T[] }>();
  return (query: string, from: readonly T[][], make: () => T[]): T[] => {
    const known = answers.get(query);
    const fresh = known && known.from.length === from.length && known.from.every((part, i) => part === from[i]);
    const rows = fresh ? known.rows : make();
    // Asked for again, it moves to the end: the answers kept are the ones asked for last.
    answers.delete(query);
    answers.set(query, { from, rows });
    // Map keeps the order of insertion: the first key is the one asked for longest ago.
    if (answers.size > size) answers.delete(answers.keys().next().value!);
    return rows;
  };
}
