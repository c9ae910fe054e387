import { useState, type ReactNode } from 'react';
import './UndoToast.css';

/** What was just deleted, with Undo; says why when the undo cannot happen. */
export function UndoToast({ children, onUndo }: { children: ReactNode; onUndo(): Promise<void> }) {
  const [error, setError] = useState('');
  return (
    <div className="toast" role="status">
      {children}
      <button
        type="button"
        className="button small"
        onClick={() => onUndo().catch((failure: Error) => setError(failure.message))}
      >
        Undo
      </button>
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
