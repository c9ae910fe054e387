import { useEffect, type ComponentType } from 'react';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { Notices } from './shell/Notices.tsx';
import { ReminderBanner } from './shell/ReminderBanner.tsx';
import { Sidebar } from './shell/Sidebar.tsx';
import { TimerQuestionBanner } from './shell/TimerQuestionBanner.tsx';
import { UpdateBanner } from './shell/UpdateBanner.tsx';
import { useRoute, type View } from './route.ts';
import { useTimerShortcuts } from './shortcuts.ts';
import { useTheme } from './useTheme.ts';
import { useApp } from './shell/appStore.ts';
import { connectStores } from './shell/connectStores.ts';
import { CatchUp } from './catchUp/CatchUp.tsx';
import { Dashboard } from './dashboard/Dashboard.tsx';
import { Mini } from './quickView/Mini.tsx';
import { Network } from './balance/Network.tsx';
import { Outcomes } from './outcomes/Outcomes.tsx';
import { Report } from './report/Report.tsx';
import { Settings } from './settings/Settings.tsx';
import { Time } from './time/Time.tsx';

const titles: Record<View, string> = {
  dashboard: 'Dashboard',
  'catch-up': 'Catch-up',
  network: 'Network',
  time: 'Time',
  report: 'Report',
  outcomes: 'Outcomes',
  settings: 'Settings',
};
const screens: Record<View, ComponentType<{ params: URLSearchParams }>> = {
  dashboard: Dashboard,
  'catch-up': CatchUp,
  network: Network,
  time: Time,
  report: Report,
  outcomes: Outcomes,
  settings: Settings,
};

export function App() {
  const { view, params } = useRoute();
  const theme = useApp((state) => state.settings?.theme ?? 'system');
  useEffect(() => connectStores(), []);
  useTimerShortcuts();
  useTheme(theme);
  useEffect(() => {
    document.title = view === 'mini' ? 'Twoway' : `${titles[view]} · Twoway`;
  }, [view]);

  if (view === 'mini') {
    return (
      <ErrorBoundary what="The quick view">
        <Mini />
      </ErrorBoundary>
    );
  }
  const Screen = screens[view];
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The hash names the view, so skipping moves focus instead of the address.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <Sidebar view={view} titles={titles} />
      <main id="main" tabIndex={-1}>
        <h1 className="view-title">{titles[view]}</h1>
        <TimerQuestionBanner />
        <ReminderBanner />
        <Notices />
        <UpdateBanner />
        {/* Keyed by view, so going to another view and back draws it afresh. */}
        <ErrorBoundary key={view} what={`The ${titles[view]} view`}>
          <Screen params={params} />
        </ErrorBoundary>
      </main>
    </div>
  );
}
