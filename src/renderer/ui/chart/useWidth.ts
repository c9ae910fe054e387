import { useLayoutEffect, useRef, useState } from 'react';

/** The element's width in CSS pixels, kept current as it resizes, so SVG text keeps its size at any width. */
export function useWidth<T extends HTMLElement>(initial = 640) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth || initial);
    const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width || initial));
    observer.observe(element);
    return () => observer.disconnect();
  }, [initial]);
  return [ref, width] as const;
}
