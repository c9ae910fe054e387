// Builds every service on one data directory; both hosts (Electron and the browser preview) start here.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { AccountInput } from '../../shared/inputs.ts';
import type { AppStatus, AwayDetection, StoreNotice } from '../../shared/types.ts';
import { nothingDetected } from '../core/time/awayDetection.ts';
import type { Clock } from '../core/clock.ts';
import { demoCatchUp } from './demo/sampleCatchUp.ts';
import { demoAccountsData, demoEntries, demoOutcomes, demoProfiles } from './demo/sampleData.ts';
import { createAccounts } from './balance/accounts.ts';
import { createBackup } from './backup.ts';
import { createCatchUp } from './catchUp/briefing.ts';
import { createActionQueue } from './balance/actionQueue.ts';
import { addAccount } from './balance/addAccount.ts';
import { createDevices } from './devices/devices.ts';
import { openSharedDoc } from './devices/sharedDoc.ts';
import { openThisDevice } from './devices/thisDevice.ts';
import { createEventBus } from './events.ts';
import { Failure } from './failure.ts';
import { createMastodonSignIn } from './networks/mastodon/signIn.ts';
import { mastodonAccessRevoker } from './networks/mastodon/signOut.ts';
import type { ProviderFor } from './networks/provider.ts';
import { providerFactory } from './networks/providers.ts';
import { createOutcomes } from './outcomes/outcomes.ts';
import { createAvatars } from './balance/avatars.ts';
import { createPeopleDetails } from './balance/peopleDetails.ts';
import { createReminders } from './time/reminders.ts';
import { createReports } from './report/reports.ts';
import { realScheduler, type Scheduler } from './scheduler.ts';
import { memoryVault, type SecretVault } from './secrets.ts';
import { createSettings, type ApplyToSystem } from './settings.ts';
import type { OpenRawFile } from './store.ts';
import { createSyncing } from './balance/syncRunner.ts';
import { createTimeTracker } from './time/timeTracker.ts';
import { createUpdates, type Updater } from './updates.ts';
import { createXImports } from './networks/x/archiveImport.ts';

export interface AppOptions {
  dataDir: string;
  openFile: OpenRawFile;
  clock: Clock;
  host: AppStatus['host'];
  scheduler?: Scheduler;
  /** Milliseconds since the last input, where the system can tell (not on Wayland, not in a browser). */
  systemIdleMs?: (() => number) | null;
  /** What the system reports of time away (core/awayDetection); in the browser preview, nothing. */
  awayDetection?: AwayDetection;
  /** Whether a tray icon shows on this desktop now; none in the browser preview. */
  trayShows?: () => boolean;
  /** Where secrets are kept: encrypted by the OS in the desktop app, in memory elsewhere. */
  vault?: SecretVault;
  /** How the vault keeps them: known at once, or asked of the keychain on first use (the desktop app). */
  secretStorage?: AppStatus['secretStorage'] | (() => Promise<AppStatus['secretStorage']>);
  providerFor?: ProviderFor;
  newId?: () => string;
  /** The zone local times are in; CSV files state it. */
  timeZone?: string;
  /** The locale main writes times and counts in (messages, the tray, notifications): the system's, asked once by the host. */
  locale: string;
  /** Saves the window's report as a PDF where the host can (the desktop app); the path, or null if cancelled. */
  saveReportPdf?: ((fileName: string) => Promise<string | null>) | null;
  /** Opens a page in the system browser (the desktop app); null where the window opens it (the browser preview). */
  openInBrowser?: ((url: string) => Promise<void>) | null;
  /** Shows the main window (the quick view's Open Twoway); null where the page itself goes there (the preview). */
  openMainWindow?: (() => void) | null;
  /** How the app updates itself: the desktop app's updater; elsewhere none, and the reason. */
  updates?:
    | { source: 'desktop'; currentVersion: string; updater: Updater }
    | { source: 'development'; currentVersion: string }
    | { source: 'preview' };
  /** Applies settings the system also holds (start at login); absent, they are only saved. */
  applyToSystem?: ApplyToSystem;
  /** Asks the user for X archive files in the system's open dialog (the desktop app): their paths, or null. */
  chooseXArchive?: (() => Promise<string[] | null>) | null;
  /** Asks the user for a sync folder in the system's dialog (the desktop app): its path, or null. */
  chooseSyncFolder?: (() => Promise<string | null>) | null;
  /** What this device is called until the person names it: the computer's name. */
  deviceName?: string;
}

export function createServices({
  dataDir,
  openFile,
  clock,
  host,
  scheduler = realScheduler,
  systemIdleMs = null,
  awayDetection = nothingDetected,
  trayShows = () => false,
  vault = memoryVault(),
  secretStorage = 'memory',
  providerFor = providerFactory({ clock, scheduler, vault }),
  newId = randomUUID,
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
  locale,
  saveReportPdf = null,
  openInBrowser = null,
  openMainWindow = null,
  updates: updateSource = { source: 'preview' },
  applyToSystem,
  chooseXArchive = null,
  chooseSyncFolder = null,
  deviceName = os.hostname(),
}: AppOptions) {
  const events = createEventBus();
  // The desktop app asks the keychain only when the first window wants its status or a secret is first used,
  // never while nothing is on screen (on macOS the first ask can prompt).
  let storage = typeof secretStorage === 'string' ? secretStorage : undefined;
  const knowStorage = async () => {
    storage ??= typeof secretStorage === 'string' ? secretStorage : await secretStorage();
    return storage;
  };
  let notices: StoreNotice[] = [];
  // Files opened later (an account's, on first view) and saves that fail or recover tell open windows at once.
  let started = false;
  const noticesChanged = (next: StoreNotice[]) => {
    notices = next;
    if (started) statusChanged();
  };
  const context = {
    dataDir,
    openFile,
    clock,
    onNotice: (notice: StoreNotice) => noticesChanged([...notices.filter((n) => n.id !== notice.id), notice]),
    onSaved: (store: string) => noticesChanged(notices.filter((n) => n.store !== store || n.movedTo !== null)),
  };

  const thisDevice = openThisDevice(context, deviceName);
  const shared = openSharedDoc({ context, device: thisDevice.get().id });
  const settings = createSettings(context, shared, events, applyToSystem);
  const time = createTimeTracker({ context, shared, clock, events, settings, scheduler, systemIdleMs, newId, locale });
  const devices = createDevices({
    shared,
    thisDevice,
    clock,
    scheduler,
    events,
    dataDir,
    timer: time,
    chooseFolder: chooseSyncFolder,
  });
  const revokeAccess = mastodonAccessRevoker({ clock, scheduler });
  const accounts = createAccounts({ context, clock, events, settings, vault, shared, revokeAccess });
  const syncing = createSyncing({ accounts, clock, scheduler, events, settings, providerFor, locale });
  const mastodonSignIn = createMastodonSignIn({
    accounts,
    syncing,
    clock,
    scheduler,
    events,
    secretStorage: knowStorage,
    openInBrowser,
  });
  const outcomes = createOutcomes({ context, shared, clock, events, newId });
  const catchUp = createCatchUp({ context, shared, accounts, clock, events, providerFor });
  const avatars = createAvatars({ dataDir, clock });
  const people = createPeopleDetails({
    context,
    shared,
    events,
    accounts,
    outcomes,
    catchUp,
    avatars,
    clock,
    scheduler,
    providerFor,
  });
  accounts.describeWith(people);
  const queue = createActionQueue({
    context,
    accounts,
    clock,
    scheduler,
    events,
    settings,
    providerFor,
    newId,
    locale,
    protectedIds: people.protectedIds,
    protectionOf: people.protectionOf,
  });
  const reports = createReports({ clock, settings, time, outcomes, accounts, catchUp, timeZone, devices });
  const backup = createBackup({ clock, settings, time, outcomes, accounts, catchUp, people });
  const xImports = createXImports({ accounts, clock, events, chooseFiles: chooseXArchive });
  const reminders = createReminders({ context, clock, events, settings, time, scheduler, lastWeek: reports.lastWeek });
  // Built before the reminders (the report reads the briefings), the catch-up hears them here.
  reminders.onChange(catchUp.reminded);
  const updates = createUpdates({
    source: updateSource.source,
    currentVersion: 'currentVersion' in updateSource ? updateSource.currentVersion : null,
    updater: 'updater' in updateSource ? updateSource.updater : null,
    clock,
    scheduler,
    events,
    settings,
    time,
  });

  const status = (): AppStatus => ({
    dataDir,
    host,
    notices,
    hasData: !time.isEmpty() || !accounts.isEmpty() || outcomes.list().length > 0,
    awayDetection,
    trayShows: trayShows(),
    // Not asked yet: nothing has been kept anywhere but in memory. No window sees this (statusChanged below).
    secretStorage: storage ?? 'memory',
  });
  const statusChanged = () => {
    const next = status();
    // Until the storage is known no window has a status; the first one it asks for carries this change.
    if (storage !== undefined) events.emit('statusChanged', next);
    return next;
  };
  started = true;

  return {
    events,
    settings,
    time,
    reminders,
    accounts,
    syncing,
    queue,
    outcomes,
    reports,
    backup,
    catchUp,
    people,
    mastodonSignIn,
    updates,
    xImports,
    devices,
    status,
    /** Tells open windows the status again, after something the host reports changed (a tray appeared). */
    statusChanged,
    /** The status a window shows: the first one asks how secrets are kept. */
    async currentStatus(): Promise<AppStatus> {
      await knowStorage();
      return status();
    },
    /** false where there is no other window: the quick view then shows the main view itself. */
    openMainWindow(): boolean {
      openMainWindow?.();
      return openMainWindow !== null;
    },
    async saveReportPdf(fileName: string) {
      if (!saveReportPdf) {
        throw new Failure(
          'unavailable',
          'Saving a PDF needs the desktop app; in the browser, use Print and choose PDF.',
        );
      }
      const saved = await saveReportPdf(fileName);
      return saved === null ? null : { path: saved };
    },
    /** Reads what start-up needs from the vault and plans the automatic syncs. */
    async start() {
      await accounts.loadWritable();
      devices.start();
      syncing.plan();
      reminders.evaluate();
    },
    /** A normal quit: the running session becomes an entry and no timer is left behind. */
    close() {
      // First, so the session this ends is not taken for a stop that should restart to update.
      updates.close();
      time.close();
      reminders.close();
      syncing.close();
      queue.close();
      catchUp.close();
      people.close();
      mastodonSignIn.close();
      devices.close();
    },
    addAccount: (input: AccountInput) =>
      addAccount(input, { accounts, syncing, clock, scheduler, secretStorage: knowStorage }),
    dismissNotice(id: string): AppStatus {
      notices = notices.filter((notice) => notice.id !== id);
      return statusChanged();
    },
    loadDemo(): AppStatus {
      // Sample data only ever fills an empty app, so it can never mix with or replace the user's own.
      if (status().hasData) throw new Failure('conflict', 'Sample data can only be loaded while Twoway is empty.');
      const now = clock.now();
      time.replace(demoEntries(now).map((entry) => ({ id: newId(), ...entry, device: devices.thisDevice() })));
      outcomes.replace(demoOutcomes(now).map((outcome) => ({ id: newId(), ...outcome })));
      const sample = demoAccountsData(now);
      for (const { account, data } of sample) accounts.put(account, data);
      for (const { accountId, state } of demoCatchUp(now, sample)) catchUp.put(accountId, state);
      for (const { accountId, profiles } of demoProfiles(now, sample)) people.putSample(accountId, profiles);
      return statusChanged();
    },
  };
}
export type Services = ReturnType<typeof createServices>;
