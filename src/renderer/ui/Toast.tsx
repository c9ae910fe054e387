import { useEffect, useEffectEvent, useRef, useState, type FocusEvent } from 'react';
import './Toast.css';

export interface ToastMessage {
  /** A new id shows the toast afresh and restarts its time, even with the same words. */
  id: number;
  text: string;
  /** One action, such as Undo; Ctrl+Z (⌘Z) runs it too, from anywhere but a text field. */
  action?: { label: string; run(): Promise<void> };
}

const isMac = /Mac/.test(navigator.platform);
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    (target.tagName === 'INPUT' && target.getAttribute('type') !== 'checkbox'));

/**
 * A short note at the bottom of the window, read out politely by screen readers. It leaves after `duration`
 * ms, but never while the pointer or the keyboard focus is on it.
 */
export function Toast({
  toast,
  onDismiss,
  duration = 6000,
}: {
  toast: ToastMessage | null;
  onDismiss(): void;
  duration?: number;
}) {
  const [held, setHeld] = useState({ pointer: false, focus: false });
  const [failure, setFailure] = useState<{ id: number; text: string } | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const paused = held.pointer || held.focus;
  const error = failure && failure.id === toast?.id ? failure.text : '';

  // Focus inside a toast that leaves goes back where it came from, not to the top of the page.
  function dismiss() {
    if (box.current?.contains(document.activeElement) && returnFocus.current?.isConnected) returnFocus.current.focus();
    setHeld({ pointer: false, focus: false });
    onDismiss();
  }
  const timeUp = useEffectEvent(() => dismiss());

  const id = toast?.id;
  useEffect(() => {
    if (id === undefined || paused || error) return;
    const timer = setTimeout(timeUp, duration);
    return () => clearTimeout(timer);
  }, [id, paused, error, duration]);

  async function act() {
    if (!toast?.action) return;
    try {
      await toast.action.run();
      dismiss();
    } catch (problem) {
      setFailure({ id: toast.id, text: problem instanceof Error ? problem.message : String(problem) });
    }
  }
  const shortcut = useEffectEvent(() => void act());

  const hasAction = toast?.action !== undefined;
  useEffect(() => {
    if (!hasAction) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || !(isMac ? event.metaKey : event.ctrlKey)) return;
      // A modal dialog in front owns the keyboard: the undo would act unseen behind it.
      if (event.shiftKey || event.altKey || typing(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      shortcut();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hasAction]);

  const onFocus = (event: FocusEvent) => {
    if (!held.focus && event.relatedTarget instanceof HTMLElement) returnFocus.current = event.relatedTarget;
    setHeld((h) => ({ ...h, focus: true }));
  };
  const onBlur = (event: FocusEvent) => {
    if (!box.current?.contains(event.relatedTarget as Node | null)) setHeld((h) => ({ ...h, focus: false }));
  };

  // The live region stays in the page, so a toast appearing in it is announced.
  return (
    <div className="toast-region" role="status">
      {toast && (
        <div
          key={toast.id}
          ref={box}
          className="toast-float"
          onMouseEnter={() => setHeld((h) => ({ ...h, pointer: true }))}
          onMouseLeave={() => setHeld((h) => ({ ...h, pointer: false }))}
          onFocus={onFocus}
          onBlur={onBlur}
          onKeyDown={(event) => {
            if (event.key === 'Escape') dismiss();
          }}
        >
          <span className="toast-text">{toast.text}</span>
          {toast.action && (
            <>
              <button
                type="button"
                className="button small toast-action"
                aria-keyshortcuts={isMac ? 'Meta+Z' : 'Control+Z'}
                onClick={() => void act()}
              >
                {toast.action.label}
              </button>
              <span className="toast-hint" aria-hidden="true">
                {isMac ? '⌘Z' : 'Ctrl+Z'}
              </span>
            </>
          )}
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={dismiss}>
            ×
          </button>
          {error && <span className="toast-error">{error}</span>}
        </div>
      )}
    </div>
  );
}
