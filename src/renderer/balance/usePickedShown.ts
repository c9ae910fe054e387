import { useEffect, useState } from 'react';
import { call } from '../api.ts';
import type { Selection } from './networkStore.ts';
import type { PickedShown } from './selectionWords.ts';

type Query = {
  list: 'not-following-back' | 'ghosts';
  accountId: string | null;
  search: string;
  filter?: 'all' | 'due' | 'waiting' | 'kept';
  only?: 'anyone' | 'never-interacted' | 'inactive';
};

/**
 * Of the people picked, how many the list on screen shows, and what hides the others (main counts it, from the
 * whole list, not the rows in view); null until it answers for this selection and query.
 */
export function usePickedShown(selected: Selection, query: Query): PickedShown | null {
  const [answer, setAnswer] = useState<{ key: string; of: Selection; shown: PickedShown } | null>(null);
  const key = JSON.stringify(query);
  useEffect(() => {
    if (selected.size === 0) return;
    let current = true;
    const picked = [...selected.values()].map((p) => ({ accountId: p.accountId, personId: p.person.id }));
    void call('countPickedShown', { ...(JSON.parse(key) as Query), picked }).then(
      (shown) => current && setAnswer({ key, of: selected, shown }),
      () => current && setAnswer(null),
    );
    return () => {
      current = false;
    };
  }, [selected, key]);
  return answer?.key === key && answer.of === selected ? answer.shown : null;
}
