import { useEffect } from 'react';
import type { ThemeChoice } from '../shared/types.ts';

/** Puts the chosen theme on <html data-theme>, following the system's light or dark while 'system' is chosen. */
export function useTheme(choice: ThemeChoice) {
  useEffect(() => {
    const system = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      document.documentElement.dataset.theme = choice === 'system' ? (system.matches ? 'dark' : 'light') : choice;
    };
    apply();
    system.addEventListener('change', apply);
    return () => system.removeEventListener('change', apply);
  }, [choice]);
}
