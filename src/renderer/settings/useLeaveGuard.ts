import { useEffect } from 'react';
import { routePrefix } from '../../shared/routes.ts';

/**
 * While `dirty`, leaving asks `question` first: for another view through a link in the window, and for closing
 * or reloading it. For forms whose effect is shown before they are saved, where saving as you type cannot be.
 */
export function useLeaveGuard(dirty: boolean, question: string) {
  useEffect(() => {
    if (!dirty) return;
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest(`a[href^="${routePrefix}"]`) : null;
      if (!link || link.getAttribute('href') === window.location.hash) return;
      if (!window.confirm(question)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    const onUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    document.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [dirty, question]);
}
