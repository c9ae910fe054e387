import { describe, expect, it } from 'vitest';
import {
  blurGraceMs,
  clickShowsPopover,
  popoverGap,
  popoverPosition,
  trayAnchor,
  trayEdge,
  type Rect,
} from '../../src/main/core/desktop/popoverPosition.ts';

const size = { width: 320, height: 420 };
const inside = (point: { x: number; y: number }, area: Rect) =>
  point.x >= area.x &&
  point.y >= area.y &&
  point.x + size.width <= area.x + area.width &&
  point.y + size.height <= area.y + area.height;

// A 1920×1080 screen in its usual layouts.
const windowsBottom = {
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  icon: { x: 1700, y: 1044, width: 24, height: 32 },
};
const macMenuBar = {
  workArea: { x: 0, y: 25, width: 1920, height: 1055 },
  icon: { x: 1500, y: 0, width: 28, height: 24 },
};

describe('popoverPosition', () => {
  it('opens above an icon on a bottom taskbar, centred on it', () => {
    const { workArea, icon } = windowsBottom;
    expect(trayEdge(icon, workArea)).toBe('bottom');
    expect(popoverPosition(icon, size, workArea)).toEqual({ x: 1712 - 160, y: 1044 - popoverGap - 420 });
  });

  it('opens below an icon in a top bar (the macOS menu bar)', () => {
    const { workArea, icon } = macMenuBar;
    expect(trayEdge(icon, workArea)).toBe('top');
    expect(popoverPosition(icon, size, workArea)).toEqual({ x: 1514 - 160, y: 24 + popoverGap });
  });

  it('stays inside the work area when the icon is near a corner', () => {
    const corner = { x: 1900, y: 1044, width: 20, height: 32 };
    const at = popoverPosition(corner, size, windowsBottom.workArea);
    expect(at).toEqual({ x: 1920 - 320, y: 1044 - popoverGap - 420 });
    expect(inside(at, windowsBottom.workArea)).toBe(true);
    const topLeft = popoverPosition({ x: 2, y: 0, width: 24, height: 24 }, size, macMenuBar.workArea);
    expect(topLeft.x).toBe(0);
    expect(inside(topLeft, macMenuBar.workArea)).toBe(true);
  });

  it('opens beside an icon on a side taskbar', () => {
    const right = { x: 1872, y: 1000, width: 48, height: 32 };
    const workArea = { x: 0, y: 0, width: 1872, height: 1080 };
    expect(trayEdge(right, workArea)).toBe('right');
    expect(popoverPosition(right, size, workArea)).toEqual({ x: 1872 - popoverGap - 320, y: 1080 - 420 });
    const left = { x: 0, y: 500, width: 48, height: 32 };
    const leftArea = { x: 48, y: 0, width: 1872, height: 1080 };
    expect(trayEdge(left, leftArea)).toBe('left');
    expect(popoverPosition(left, size, leftArea)).toEqual({ x: 48 + popoverGap, y: 516 - 210 });
  });

  it('works on a second display left of and above the first', () => {
    const workArea = { x: -1280, y: -1024, width: 1280, height: 984 };
    const icon = { x: -300, y: -36, width: 24, height: 32 };
    const at = popoverPosition(icon, size, workArea);
    expect(at).toEqual({ x: -288 - 160, y: -36 - popoverGap - 420 });
    expect(inside(at, workArea)).toBe(true);
  });

  it('opens toward the screen from a pointer inside the work area (Linux, a menu item)', () => {
    const workArea = { x: 0, y: 27, width: 1920, height: 1053 };
    const nearTop = trayAnchor(null, { x: 1800, y: 40 });
    expect(popoverPosition(nearTop, size, workArea)).toEqual({ x: 1600, y: 40 + popoverGap });
    const nearBottom = trayAnchor(null, { x: 900, y: 1000 });
    expect(popoverPosition(nearBottom, size, workArea)).toEqual({ x: 740, y: 1000 - popoverGap - 420 });
  });

  it('gives whole pixels, and the work area’s corner for a popover larger than the screen', () => {
    const odd = { x: 1700.5, y: 1044, width: 23, height: 32 };
    const at = popoverPosition(odd, size, windowsBottom.workArea);
    expect(Number.isInteger(at.x) && Number.isInteger(at.y)).toBe(true);
    const tiny = { x: 10, y: 10, width: 200, height: 300 };
    expect(popoverPosition({ x: 100, y: 310, width: 20, height: 20 }, size, tiny)).toEqual({ x: 10, y: 10 });
  });
});

describe('trayAnchor', () => {
  it('uses the icon’s bounds where the system tells them', () => {
    expect(trayAnchor(windowsBottom.icon, { x: 5, y: 5 })).toBe(windowsBottom.icon);
  });

  it('uses the pointer where the bounds are empty or unknown (Linux)', () => {
    expect(trayAnchor({ x: 0, y: 0, width: 0, height: 0 }, { x: 1800, y: 12 })).toEqual({
      x: 1800,
      y: 12,
      width: 0,
      height: 0,
    });
    expect(trayAnchor(null, { x: 3, y: 4 })).toEqual({ x: 3, y: 4, width: 0, height: 0 });
  });
});

describe('clickShowsPopover', () => {
  const now = 1_000_000;

  it('shows a hidden popover and hides a showing one', () => {
    expect(clickShowsPopover(false, null, now)).toBe(true);
    expect(clickShowsPopover(true, null, now)).toBe(false);
  });

  it('keeps it hidden when the click itself took the focus away a moment ago', () => {
    expect(clickShowsPopover(false, now - 50, now)).toBe(false);
    expect(clickShowsPopover(false, now - blurGraceMs + 1, now)).toBe(false);
  });

  it('shows it again for a click well after it hid', () => {
    expect(clickShowsPopover(false, now - blurGraceMs, now)).toBe(true);
    expect(clickShowsPopover(false, now - 60_000, now)).toBe(true);
  });
});
