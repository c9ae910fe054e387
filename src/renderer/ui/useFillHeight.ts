import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The height that lets a list reach the bottom of the window with what follows it (the selection bar) still in
 * view; never less than `least`. It follows the window's size and whatever above the list grows or shrinks.
 */
export function useFillHeight(element: RefObject<HTMLElement | null>, least: number): number {
  const [height, setHeight] = useState(least);
  useLayoutEffect(() => {
    const measure = () => {
      const list = element.current;
      if (!list) return;
      const box = list.getBoundingClientRect();
      // What follows the list inside its panel, and the page's own bottom margin, must fit below it.
      const panel = list.closest('.tab-panel') ?? list.parentElement;
      const below = panel ? panel.getBoundingClientRect().bottom - box.bottom : 0;
      const main = list.closest('main');
      const margin = main ? parseFloat(getComputedStyle(main).paddingBottom) || 0 : 0;
      const top = box.top + window.scrollY;
      setHeight(Math.max(least, Math.floor(window.innerHeight - top - below - margin)));
    };
    measure();
    window.addEventListener('resize', measure);
    // Whatever grows or shrinks in the page (the view, a banner above it) may move the list: each child of
    // <main> is watched, and children that come and go. The list's own height never moves its top, so
    // measuring again settles at once. (The page itself is at least the window's height: it cannot tell.)
    const main = element.current?.closest('main') ?? document.body;
    const sizes = new ResizeObserver(measure);
    const watch = () => {
      sizes.disconnect();
      for (const child of main.children) sizes.observe(child);
    };
    watch();
    const children = new MutationObserver(() => {
      watch();
      measure();
    });
    children.observe(main, { childList: true });
    return () => {
      window.removeEventListener('resize', measure);
      sizes.disconnect();
      children.disconnect();
    };
  }, [element, least]);
  return height;
}
