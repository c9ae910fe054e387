// Signing in with Mastodon: what the user types to start and finish it, and the state the window shows.
import { z } from 'zod';
import { serviceUrl } from './inputs.ts';

export const signInStart = z
  .object({
    instanceUrl: serviceUrl('https://mastodon.social'),
    acceptWeakStorage: z.boolean().optional(),
  })
  .strict();

/** The code the instance shows when Twoway cannot listen for its answer (pasted by the user). */
export const signInCode = z
  .object({
    id: z.string().min(1),
    code: z
      .string()
      .trim()
      .min(1, 'Paste the code your instance shows after you approve Twoway.')
      .max(512, 'This code is too long: copy only the code your instance shows.')
      .regex(/^[\x21-\x7e]+$/, 'A code has no spaces or special characters; copy it again.'),
  })
  .strict();

export type MastodonSignIn = {
  id: string;
  /** The instance's host, as the user knows it. */
  instance: string;
  /** The instance's page where the user approves Twoway. */
  authorizeUrl: string;
  /** Whether main opened that page in the system browser; if not (the browser preview), the window opens it. */
  openedInBrowser: boolean;
  /** When the sign-in gives up waiting. */
  until: number;
} & (
  | {
      step: 'waiting';
      /** 'browser': the page's answer comes back to Twoway by itself; 'code': the user pastes the code shown. */
      via: 'browser' | 'code';
    }
  | { step: 'finishing' }
  | { step: 'done'; accountId: string; handle: string }
  | { step: 'failed'; message: string }
);
