import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Settings } from '../../shared/types.ts';
import { ApiError } from '../api.ts';
import { useApp } from '../shell/appStore.ts';
import type { ToastMessage } from '../ui/Toast.tsx';

/** How long typing may pause before what was typed is saved; leaving the field saves at once. */
const typingPauseMs = 700;

/** Field names as the toast says them: 'Daily online budget saved'. */
export type Labels = Partial<Record<keyof Settings, string>>;

/**
 * Settings saved as they are edited: a choice at once, typing after a pause or on leaving the field. Each save
 * offers Undo; a value main refuses stays in its field with main's reason, and the saved one stays in force.
 */
export function useAutosave(labels: Labels) {
  const saved = useApp((state) => state.settings);
  const update = useApp((state) => state.api.updateSettings);
  // Edited and not saved yet (typing, or refused): shown over the saved settings.
  const [edits, setEdits] = useState<Partial<Settings>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const pending = useRef<Partial<Settings>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  async function save(patch: Partial<Settings>) {
    const keys = Object.keys(patch) as (keyof Settings)[];
    if (!saved || keys.length === 0) return;
    const before = Object.fromEntries(keys.map((key) => [key, saved[key]])) as Partial<Settings>;
    try {
      await update(patch);
    } catch (failure) {
      const fields = failure instanceof ApiError ? failure.fields : {};
      setErrors((current) => ({
        ...current,
        ...(Object.keys(fields).length > 0 ? fields : { form: String(failure) }),
      }));
      return;
    }
    // What was typed meanwhile stays an edit; what was saved is the settings' own value now.
    setEdits((current) => {
      const next = { ...current };
      for (const key of keys) if (Object.is(next[key], patch[key])) delete next[key];
      return next;
    });
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([field]) => !keys.some((key) => field.startsWith(key)))),
    );
    const what = keys.length === 1 ? (labels[keys[0]!] ?? 'Setting') : 'Settings';
    setToast({
      id: Date.now(),
      text: `${what} saved`,
      action: {
        label: 'Undo',
        run: async () => {
          await update(before);
          setEdits({});
          setErrors({});
        },
      },
    });
  }

  function flush() {
    clearTimeout(timer.current);
    const patch = pending.current;
    pending.current = {};
    void save(patch);
  }
  const flushOnLeave = useEffectEvent(flush);
  // Leaving the view saves what was typed and not yet saved.
  useEffect(() => () => flushOnLeave(), []);

  /**
   * An edit: `problem` (found here, such as an empty field) keeps it from being saved; `at once` saves it now,
   * else after a pause in typing.
   */
  function change(patch: Partial<Settings>, { atOnce = false, problem }: { atOnce?: boolean; problem?: string } = {}) {
    const keys = Object.keys(patch);
    setEdits((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = Object.fromEntries(
        Object.entries(current).filter(([field]) => field !== 'form' && !keys.some((key) => field.startsWith(key))),
      );
      return problem ? { ...next, [keys[0]!]: problem } : next;
    });
    for (const key of keys) delete pending.current[key as keyof Settings];
    if (problem) return;
    pending.current = { ...pending.current, ...patch };
    clearTimeout(timer.current);
    if (atOnce) flush();
    else timer.current = setTimeout(flush, typingPauseMs);
  }

  return {
    draft: saved && { ...saved, ...edits },
    errors,
    change,
    flush,
    toast,
    dismissToast: () => setToast(null),
  };
}
