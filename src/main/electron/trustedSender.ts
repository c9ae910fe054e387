// Which IPC requests main answers: only those from the top frame of a window Twoway created, showing Twoway's
// own page. Plain shapes (Electron's objects fit them), so this runs in plain Node tests.
import { fileURLToPath } from 'node:url';

/** What we read of the frame that sent a request (Electron's WebFrameMain). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: object | null;
  readonly frameTreeNodeId: number;
}

/** What we read of a window we created (Electron's BrowserWindow). */
export interface OurWindow {
  isDestroyed(): boolean;
  readonly webContents: { readonly mainFrame: { readonly frameTreeNodeId: number } };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether `url` shows our renderer: the same file when it is loaded from disk (any query or hash), the same
 * origin when it comes from the dev server.
 */
export function isRendererUrl(url: string, rendererUrl: string): boolean {
  const actual = parse(url);
  const ours = parse(rendererUrl);
  if (!actual || !ours || actual.protocol !== ours.protocol) return false;
  if (ours.protocol === 'file:') {
    // Compare paths, not spellings: encodings of the same path differ between Node and Chromium. A path no file
    // can have (an encoded '/') names no file of ours.
    try {
      return actual.host === ours.host && fileURLToPath(actual) === fileURLToPath(ours);
    } catch {
      return false;
    }
  }
  if (ours.protocol === 'http:' || ours.protocol === 'https:') return actual.origin === ours.origin;
  return false;
}

export function isTrustedSender(
  frame: SenderFrame | null,
  rendererUrl: string,
  windows: readonly OurWindow[],
): boolean {
  // A frame that navigated away or was destroyed before the request arrived is null.
  if (!frame || frame.parent !== null) return false;
  if (!isRendererUrl(frame.url, rendererUrl)) return false;
  return windows.some(
    (window) => !window.isDestroyed() && window.webContents.mainFrame.frameTreeNodeId === frame.frameTreeNodeId,
  );
}
