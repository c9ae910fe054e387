import { useEffect, useState } from 'react';

/** The current time, re-read every `everyMs` while `live`; a stopped timer costs no wake-ups. */
export function useNow(live: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [live, everyMs]);
  return now;
}
