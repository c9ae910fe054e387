// The contract's methods bound to the services, and the one entry point both hosts call.
import { contract, type MethodName, type MethodResult, type ParsedInput, type Reply } from '../../shared/contract.ts';
import type { Services } from './app.ts';
import { Failure } from './failure.ts';

/** Each handler gets its input as the method's schema parsed it, defaults filled in. */
type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => MethodResult<M> | Promise<MethodResult<M>> };

export function createApi(services: Services) {
  const { time, settings, accounts, syncing, queue, reminders, outcomes, reports, backup, devices } = services;
  const handlers: Handlers = {
    getAppStatus: () => services.currentStatus(),
    dismissNotice: ({ id }) => services.dismissNotice(id),
    loadDemo: () => services.loadDemo(),
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    getTimer: () => time.state(),
    startSession: ({ kind, activity, note }) => time.start(kind, activity, note),
    changeSession: (choice) => time.change(choice),
    stopSession: () => time.stop(),
    answerTimerQuestion: ({ answer }) => time.answer(answer),
    getReminder: () => reminders.current(),
    getHeldReminder: () => reminders.held(),
    answerReminder: ({ key, action }) => reminders.answer(key, action),
    getTimeSummary: () => time.summary(),
    listEntries: ({ from, to }) => time.list(from, to),
    addEntry: (entry) => time.add(entry),
    updateEntry: ({ id, entry }) => time.update(id, entry),
    deleteEntry: ({ id }) => time.remove(id),
    undoDelete: ({ id }) => time.undoRemove(id),
    entryHistory: ({ id }) => time.history(id),
    getReport: ({ from, to }) => reports.report(from, to),
    getComparison: ({ from, to }) => reports.comparison(from, to),
    listOutcomes: () => outcomes.list(),
    addOutcome: (outcome) => outcomes.add(outcome),
    updateOutcome: ({ id, outcome }) => outcomes.update(id, outcome),
    deleteOutcome: ({ id }) => outcomes.remove(id),
    undoDeleteOutcome: ({ id }) => outcomes.undoRemove(id),
    exportCsv: ({ table, from, to }) => reports.csv(table, from, to),
    saveReportPdf: ({ fileName }) => services.saveReportPdf(fileName),
    openMainWindow: () => services.openMainWindow(),
    exportBackup: () => backup.export(),
    previewRestore: ({ text }) => backup.preview(text),
    restoreBackup: ({ text }) => backup.restore(text),
    listBalances: () => accounts.balances(),
    addAccount: (input) => services.addAccount(input),
    importXArchive: (input) => services.xImports.fromUpload(input),
    importXArchiveFromDialog: (input) => services.xImports.fromDialog(input),
    cancelXImport: () => {
      services.xImports.cancel();
      return null;
    },
    removeAccount: async ({ accountId, revoke }) => {
      accounts.find(accountId); // an account Twoway does not have is refused before anything is touched
      // The access ends on the server first: an instance out of reach keeps everything here as it was.
      if (revoke) await accounts.endAccess(accountId);
      syncing.cancel(accountId);
      queue.forget(accountId);
      services.catchUp.forget(accountId);
      services.people.forget(accountId);
      await accounts.remove(accountId);
      return null;
    },
    startMastodonSignIn: (input) => services.mastodonSignIn.start(input),
    getMastodonSignIn: () => services.mastodonSignIn.current(),
    openMastodonSignInPage: () => services.mastodonSignIn.reopen(),
    finishMastodonSignIn: ({ id, code }) => services.mastodonSignIn.finishWithCode(id, code),
    cancelMastodonSignIn: () => services.mastodonSignIn.cancel(),
    syncAccount: ({ accountId, full }) => {
      void syncing.sync(accountId, full);
      return null;
    },
    cancelSync: ({ accountId }) => {
      syncing.cancel(accountId);
      return null;
    },
    getSyncProgress: () => syncing.progress(),
    listNotFollowingBack: ({ accountId, ...query }) => accounts.notFollowingBack(accountId, query),
    listDue: ({ accountId, search, only }) =>
      accounts
        .notFollowingBack(accountId, {
          search,
          filter: 'due',
          only,
          sort: 'oldest',
          offset: 0,
          limit: Infinity,
        })
        .rows.map(({ accountId: owner, person: { id, handle, displayName } }) => ({
          accountId: owner,
          person: { id, handle, displayName },
        })),
    countPickedShown: ({ accountId, picked, ...shown }) => accounts.pickedShown(accountId, picked, shown),
    listGhosts: ({ accountId, ...window }) => accounts.ghosts(accountId, window),
    countDue: ({ graceDays }) => accounts.dueCounts(graceDays),
    listNotFollowedBack: ({ accountId, ...window }) => accounts.notFollowedBack(accountId, window),
    getQueue: () => queue.view(),
    enqueue: ({ accountId, action, personIds, includeProtected }) =>
      queue.enqueue(accountId, action, personIds, includeProtected),
    cancelQueued: ({ itemId }) => queue.cancel(itemId),
    undoQueued: ({ itemId }) => queue.undo(itemId),
    markQueuedDone: ({ itemId }) => queue.markDone(itemId),
    getCatchUp: ({ withScanned }) => services.catchUp.briefing(withScanned),
    refreshCatchUp: ({ accountId, onlyStale }) => {
      // Progress and the result arrive as catchUpChanged events; a refusal (a sample account) answers here.
      void services.catchUp.refresh(accountId, onlyStale);
      return null;
    },
    cancelCatchUp: ({ accountId }) => {
      services.catchUp.cancel(accountId);
      return null;
    },
    markScanned: ({ target, scanned }) => {
      services.catchUp.markScanned(target, scanned);
      return services.catchUp.summary();
    },
    markMention: ({ accountId, mentionId, state }) => {
      services.catchUp.markMention(accountId, mentionId, state);
      return services.catchUp.summary();
    },
    setKeep: ({ accountId, personId, keep, reason }) => {
      accounts.setKeep(accountId, personId, keep);
      services.people.setKeepReason(accountId, personId, keep ? reason || null : null);
      return null;
    },
    getPersonDetails: ({ accountId, personId }) => services.people.details(accountId, personId),
    getAvatar: ({ accountId, personId }) => services.people.avatar(accountId, personId),
    suggestPeople: ({ search }) => services.people.suggest(search),
    setProtected: ({ accountId, personId, protected: on }) => {
      services.people.setProtected(accountId, personId, on);
      return null;
    },
    getUpdates: () => services.updates.status(),
    checkForUpdatesNow: () => services.updates.checkNow(),
    restartToUpdate: ({ when }) => services.updates.restart(when),
    cancelRestartToUpdate: () => services.updates.cancelRestart(),
    getDevices: () => devices.view(),
    renameDevice: ({ name }) => devices.rename(name),
    syncThroughFolder: ({ path }) => devices.syncThroughFolder(path),
    syncThroughServer: ({ url, document }) => devices.syncThroughServer(url, document),
    stopSyncing: () => devices.stopSyncing(),
    removeDevice: ({ id }) => devices.removeDevice(id),
    syncNow: () => devices.syncNow(),
  };

  /** Parses the input with the method's schema and turns every refusal into a typed error reply. */
  return async function dispatch(name: string, input: unknown): Promise<Reply<unknown>> {
    if (!Object.hasOwn(contract, name)) {
      return { ok: false, error: { code: 'not-found', message: `There is no method called “${name}”.` } };
    }
    const method = name as MethodName;
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) {
      const fields = Object.fromEntries(
        parsed.error.issues.map((issue) => [issue.path.join('.') || 'input', issue.message]),
      );
      return {
        ok: false,
        error: { code: 'invalid-input', message: parsed.error.issues[0]?.message ?? 'Invalid input.', fields },
      };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof Failure) return { ok: false, error: error.toBody() };
      console.error(`twoway: ${method} failed`, error);
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `Twoway could not do this: ${detail}` } };
    }
  };
}
export type Dispatch = ReturnType<typeof createApi>;
