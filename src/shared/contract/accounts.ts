// The contract's methods for network accounts: adding, importing an X archive, Mastodon sign-in, syncing, removing.
import { z } from 'zod';
import { accountInput, none, xHandle } from '../inputs.ts';
import { signInCode, signInStart, type MastodonSignIn } from '../mastodonSignIn.ts';
import type { AccountBalance, SyncProgress } from '../types.ts';
import type { XImportResult } from '../xImport.ts';
import { method } from './method.ts';

export const accountRef = z.object({ accountId: z.string().min(1) }).strict();
/** A re-import names its account (the archive must be that account's); a first import may name the handle. */
const xImportTarget = { accountId: z.string().min(1).optional(), handle: xHandle.optional() };

export const accountMethods = {
  listBalances: method<AccountBalance[]>().takes(none),
  addAccount: method<AccountBalance>().takes(accountInput),
  /** The archive's bytes, uploaded (the browser preview); null when cancelled. */
  importXArchive: method<XImportResult | null>().takes(
    z
      .object({
        ...xImportTarget,
        files: z
          .array(
            z.object({
              name: z.string().min(1).max(255),
              base64: z
                .string()
                .max(
                  140_000_000,
                  'This file is larger than 100 MB: upload follower.js and following.js from the archive’s data folder instead.',
                ),
            }),
          )
          .min(1, 'Choose the archive .zip, or follower.js and following.js.')
          .max(40),
      })
      .strict(),
  ),
  /**
   * Opens the system's open dialog in main and imports the files chosen there (the desktop app): no path ever
   * crosses IPC, so main reads only what the user picked. Null when the dialog or the import is cancelled.
   */
  importXArchiveFromDialog: method<XImportResult | null>().takes(z.object(xImportTarget).strict()),
  cancelXImport: method<null>().takes(none),
  /** Ends the access a Mastodon sign-in gave Twoway on its instance first; `revoke: false` removes it here only. */
  removeAccount: method<null>().takes(accountRef.extend({ revoke: z.boolean().default(true) })),
  /** Registers Twoway on the instance and opens its approval page; what follows arrives as mastodonSignInChanged. */
  startMastodonSignIn: method<MastodonSignIn>().takes(signInStart),
  getMastodonSignIn: method<MastodonSignIn | null>().takes(none),
  /** Opens the approval page again; in the browser preview the window opens it itself. */
  openMastodonSignInPage: method<MastodonSignIn>().takes(none),
  /** The code the instance showed, where Twoway could not listen for its answer. */
  finishMastodonSignIn: method<MastodonSignIn>().takes(signInCode),
  cancelMastodonSignIn: method<null>().takes(none),
  syncAccount: method<null>().takes(accountRef.extend({ full: z.boolean().default(false) })),
  cancelSync: method<null>().takes(accountRef),
  getSyncProgress: method<SyncProgress[]>().takes(none),
} as const;
