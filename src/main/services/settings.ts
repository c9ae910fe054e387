import { z } from 'zod';
import { settingsPatch } from '../../shared/inputs.ts';
import type { QuietHours, Settings } from '../../shared/types.ts';
import { minuteOfDayOf } from '../core/time/quietHours.ts';
import type { EventBus } from './events.ts';
import { invalid } from './failure.ts';
import { createListeners, type Listener } from './listeners.ts';
import { openStore, type StoreContext } from './store.ts';
import type { Fields, Json } from '../core/devices/sharedRecord.ts';
import type { SharedDoc } from './devices/sharedDoc.ts';

export const defaultSettings: Settings = {
  dailyOnlineBudgetMin: 45,
  longestStretchMin: 30,
  weeklyOfflineTargetMin: 300,
  onlineShareTargetPct: 40,
  postsPerWeekTarget: 5,
  quietHours: { from: '22:00', to: '07:00' },
  weekStartsOn: 1,
  idleMinutes: 5,
  theme: 'system',
  graceDays: 3,
  syncEveryHours: 6,
  dailyWriteCap: 100,
  checkForUpdates: true,
  startAtLogin: false,
  discardShortSessions: true,
  gettingStarted: { account: 'open', budget: 'open', session: 'open', begun: false },
};

const sameQuietHours = (a: QuietHours | null | undefined, b: QuietHours) => a?.from === b.from && a.to === b.to;

export const settingsSchema = settingsPatch.required() as unknown as z.ZodType<Settings>;

/**
 * The settings that belong to the person and follow them to every device; the rest (updates, start at login,
 * the getting-started steps) are this computer's.
 */
export const personalSettings = [
  'dailyOnlineBudgetMin',
  'longestStretchMin',
  'weeklyOfflineTargetMin',
  'onlineShareTargetPct',
  'postsPerWeekTarget',
  'quietHours',
  'weekStartsOn',
  'idleMinutes',
  'theme',
  'graceDays',
  'syncEveryHours',
  'dailyWriteCap',
  'discardShortSessions',
] as const satisfies readonly (keyof Settings)[];

/**
 * Applies what the operating system also holds (start at login) before it is saved; throwing a Failure
 * refuses the change and nothing is saved.
 */
export type ApplyToSystem = (next: Settings, previous: Settings) => void;

export function createSettings(
  context: StoreContext,
  shared: SharedDoc,
  events: EventBus,
  applyToSystem?: ApplyToSystem,
) {
  const store = openStore(
    {
      name: 'settings',
      version: 5,
      schema: settingsSchema,
      initial: () => defaultSettings,
      // Version 2 added the follower policy: grace period, sync interval and daily write cap.
      migrations: {
        2: (old) => ({ graceDays: 3, syncEveryHours: 6, dailyWriteCap: 100, ...(old as object) }),
        // Version 3 added update checks (on) and start at login (off).
        3: (old) => ({ checkForUpdates: true, startAtLogin: false, ...(old as object) }),
        // Version 4 added discarding sessions shorter than a minute (on).
        4: (old) => ({ discardShortSessions: true, ...(old as object) }),
        // Version 5 moved the quiet hours' default to 22:00–07:00 (only where the old default was never changed),
        // and added the getting-started steps, which someone who already uses Twoway does not need.
        5: (old) => ({
          gettingStarted: { account: 'skipped', budget: 'skipped', session: 'skipped', begun: false },
          ...(old as object),
          ...(sameQuietHours((old as Partial<Settings>).quietHours, { from: '20:00', to: '08:00' })
            ? { quietHours: defaultSettings.quietHours }
            : {}),
        }),
      },
    },
    context,
  );
  const changes = createListeners<Settings>();

  /** The person's settings as the devices last set them, each checked as if typed here; a bad one is left out. */
  function fromDevices(): Partial<Settings> {
    const found: Record<string, unknown> = {};
    for (const [name, fields] of shared.fields('settings')) {
      if (!(personalSettings as readonly string[]).includes(name)) continue;
      const parsed = settingsPatch.safeParse({ [name]: fields.value });
      if (parsed.success) Object.assign(found, parsed.data);
    }
    return found as Partial<Settings>;
  }

  /** Takes what the other devices set; true when anything changed here. */
  function adopt(): boolean {
    const current = store.read();
    const next = { ...current, ...fromDevices() };
    if (JSON.stringify(next) === JSON.stringify(current)) return false;
    store.keep(next);
    return true;
  }

  /** Shares the person's settings this device changed; an earlier Twoway's choices join where no device set one. */
  function share(patch: Partial<Settings>, onlyUnset = false) {
    const held = shared.fields('settings');
    const changes = personalSettings
      .filter((name) => name in patch && !(onlyUnset && held.has(name)))
      .map((name): [string, Fields] => [name, { value: (patch[name] ?? null) as Json }]);
    shared.set('settings', changes, context.clock.now());
  }

  const changedHere = Object.fromEntries(
    personalSettings
      .filter((name) => JSON.stringify(store.read()[name]) !== JSON.stringify(defaultSettings[name]))
      .map((name) => [name, store.read()[name]]),
  ) as Partial<Settings>;
  share(changedHere, true);
  adopt();
  shared.onMerge(({ sections }) => {
    if (!sections.has('settings') || !adopt()) return;
    changes.tell(store.read());
    events.emit('settingsChanged', store.read());
  });

  return {
    get: (): Settings => store.read(),
    /** Hears every saved change, before windows are told. */
    onChange: (listener: Listener<Settings>) => changes.add(listener),
    update(patch: Partial<Settings>): Settings {
      const previous = store.read();
      const next = { ...previous, ...patch };
      if (next.quietHours && minuteOfDayOf(next.quietHours.from) === minuteOfDayOf(next.quietHours.to)) {
        throw invalid({ 'quietHours.to': 'Quiet hours need an end different from their start.' });
      }
      applyToSystem?.(next, previous);
      try {
        share(patch);
        store.write(next);
      } catch (error) {
        applyToSystem?.(previous, next);
        throw error;
      }
      changes.tell(next);
      events.emit('settingsChanged', next);
      return next;
    },
  };
}
export type SettingsService = ReturnType<typeof createSettings>;
