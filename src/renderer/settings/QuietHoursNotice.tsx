import { useEffect, useState } from 'react';
import { quietNotice } from '../../shared/quietNotice.ts';
import type { HeldReminder, Settings } from '../../shared/types.ts';
import { call } from '../api.ts';
import { clockTime } from '../format.ts';
import { useNow } from '../useNow.ts';

/** Beside the quiet hours: the reminder or digest they hold back right now, and until when. */
export function QuietHoursNotice({ quietHours }: { quietHours: Settings['quietHours'] }) {
  const [held, setHeld] = useState<HeldReminder | null>(null);
  // Asked again each minute, and whenever the saved quiet hours change.
  const now = useNow(true, 60_000);
  const key = JSON.stringify(quietHours);
  useEffect(() => {
    let current = true;
    call('getHeldReminder').then(
      (answer) => current && setHeld(answer),
      () => current && setHeld(null),
    );
    return () => {
      current = false;
    };
  }, [now, key]);
  if (!held) return null;
  return <p className="note quiet-held">{quietNotice(held, clockTime)}</p>;
}
