import { useState } from 'react';
import { useCatchUp } from './catchUpStore.ts';
import { useTime } from '../time/timeStore.ts';
import './ScanningOffer.css';

/** With no session running, reading the briefing would go untimed: offer the online scanning session. */
export function ScanningOffer() {
  const idle = useTime((state) => state.timer !== null && state.timer.running === null);
  const startScanning = useCatchUp((state) => state.api.startScanning);
  const [error, setError] = useState('');
  if (!idle) return null;
  return (
    <div className="scanning-offer" role="region" aria-label="Time this catch-up">
      <p>No session is running. Reading and answering your followers is online time — time it as a scanning session?</p>
      <button
        type="button"
        className="button online"
        onClick={() =>
          void startScanning().catch((failure: unknown) =>
            setError(failure instanceof Error ? failure.message : String(failure)),
          )
        }
      >
        Start scanning session
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
