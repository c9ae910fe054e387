import { z } from 'zod';
import { settingsPatch } from '../../shared/inputs.ts';
import type { QuietHours, Settings } from '../../shared/types.ts';
import { minuteOfDayOf } from '../core/time/quietHours.ts';
import type { EventBus } from './events.ts';
import { invalid } from './failure.ts';
import { createListeners, type Listener } from './listeners.ts';
import { openStore, type StoreContext } from './store.ts';

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
 * Applies what the operating system also holds (start at login) before it is saved; throwing a Failure
 * refuses the change and nothing is saved.
 */
export type ApplyToSystem = (next: Settings, previous: Settings) => void;

export function createSettings(context: StoreContext, events: EventBus, applyToSystem?: ApplyToSystem) {
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
