import { elsewhereWords } from '../devices/deviceWords.ts';
import { useDevices } from '../devices/devicesStore.ts';

/** Beside an idle timer: a session another device is timing, so it is not started twice. */
export function RunningElsewhere() {
  const line = useDevices((state) => elsewhereWords(state.view));
  return line ? <p className="running-elsewhere">{line}</p> : null;
}
