// Refuses insecure windows. Every renderer's safety rests on these settings: with them, a page (or anything
// injected into it) reaches main only through the contract the preload exposes. Type-only imports, so the
// guard runs in plain Node tests.
import type { WebPreferences } from 'electron';

/** Each setting with its one acceptable value; a missing one is filled in, a different one is refused. */
export const requiredWebPreferences = {
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  sandbox: true,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
} as const satisfies WebPreferences;

type Required = typeof requiredWebPreferences;

export class InsecureWindowError extends Error {}

/** The preferences to create a window with; throws if any of them asks for less than the required setting. */
export function secureWebPreferences(prefs: WebPreferences = {}, windowName = 'window'): WebPreferences & Required {
  for (const [key, value] of Object.entries(requiredWebPreferences)) {
    const given = prefs[key as keyof Required];
    if (given !== undefined && given !== value) {
      throw new InsecureWindowError(
        `Refusing to create the ${windowName}: webPreferences.${key} must be ${value}, not ${String(given)}.`,
      );
    }
  }
  return { ...prefs, ...requiredWebPreferences };
}
