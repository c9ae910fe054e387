// Where the tray popover opens: beside the tray icon, on the side facing the screen, inside the display's work
// area; and whether a click on the tray opens it or closes it. Plain rectangles, so it runs in plain Node.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}

export type TrayEdge = 'top' | 'bottom' | 'left' | 'right';

/** Space between the icon and the popover. */
export const popoverGap = 4;
/** A tray click this soon after the popover lost focus is the click that took the focus away. */
export const blurGraceMs = 300;

/**
 * What the popover opens beside: the tray icon where the system tells its bounds (macOS, Windows), the pointer
 * where it does not (Linux reports an empty rectangle) — the user just clicked the tray or its menu there.
 */
export function trayAnchor(trayBounds: Rect | null, cursor: Point): Rect {
  if (trayBounds && trayBounds.width > 0 && trayBounds.height > 0) return trayBounds;
  return { x: cursor.x, y: cursor.y, width: 0, height: 0 };
}

/**
 * The screen edge the tray sits on. A tray outside the work area is on the panel that took that space; one inside
 * it (an auto-hiding panel, or the pointer on a menu) counts as being on the nearer of top and bottom.
 */
export function trayEdge(anchor: Rect, workArea: Rect): TrayEdge {
  const centreX = anchor.x + anchor.width / 2;
  const centreY = anchor.y + anchor.height / 2;
  if (centreY >= workArea.y + workArea.height) return 'bottom';
  if (centreY < workArea.y) return 'top';
  if (centreX >= workArea.x + workArea.width) return 'right';
  if (centreX < workArea.x) return 'left';
  return centreY >= workArea.y + workArea.height / 2 ? 'bottom' : 'top';
}

function clamp(value: number, low: number, high: number): number {
  // A popover wider than the work area starts at its edge.
  return Math.max(low, Math.min(value, high));
}

/**
 * The popover's top-left corner: above an icon at the bottom, below one at the top, beside one on the left or
 * right, centred on the icon along that edge, and moved back inside the work area where it would stick out.
 */
export function popoverPosition(anchor: Rect, size: Size, workArea: Rect): Point {
  const centreX = anchor.x + anchor.width / 2;
  const centreY = anchor.y + anchor.height / 2;
  let x = centreX - size.width / 2;
  let y = centreY - size.height / 2;
  switch (trayEdge(anchor, workArea)) {
    case 'bottom':
      y = anchor.y - popoverGap - size.height;
      break;
    case 'top':
      y = anchor.y + anchor.height + popoverGap;
      break;
    case 'right':
      x = anchor.x - popoverGap - size.width;
      break;
    case 'left':
      x = anchor.x + anchor.width + popoverGap;
      break;
  }
  return {
    x: clamp(Math.round(x), workArea.x, workArea.x + workArea.width - size.width),
    y: clamp(Math.round(y), workArea.y, workArea.y + workArea.height - size.height),
  };
}

/**
 * Whether a click on the tray shows the popover: not when it is showing (the click closes it), and not right
 * after it hid because it lost focus — on Windows that focus went to this very click, meant to close it.
 */
export function clickShowsPopover(visible: boolean, hiddenOnBlurAt: number | null, now: number): boolean {
  if (visible) return false;
  return hiddenOnBlurAt === null || now - hiddenOnBlurAt >= blurGraceMs;
}
