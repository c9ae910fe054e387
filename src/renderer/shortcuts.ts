import { useEffect } from 'react';
import { useTime } from './time/timeStore.ts';

/** Start and stop from anywhere in the app (the desktop menu carries the same accelerators). */
export const shortcuts = {
  online: { keys: 'Control+Shift+O', hint: 'Ctrl+Shift+O' },
  offline: { keys: 'Control+Shift+F', hint: 'Ctrl+Shift+F' },
  stop: { keys: 'Control+Shift+S', hint: 'Ctrl+Shift+S' },
} as const;

export function useTimerShortcuts() {
  const api = useTime((state) => state.api);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey) return;
      const action = { O: () => api.start('online'), F: () => api.start('offline'), S: () => api.stop() }[
        event.key.toUpperCase()
      ];
      if (!action) return;
      event.preventDefault();
      void action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api]);
}
