import { useEffect, type ReactNode } from 'react';
import type { Route, View } from '../shared/routes.ts';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { Notices } from './shell/Notices.tsx';
import { ReminderBanner } from './shell/ReminderBanner.tsx';
import { Sidebar } from './shell/Sidebar.tsx';
import { TimerQuestionBanner } from './shell/TimerQuestionBanner.tsx';
import { UpdateBanner } from './shell/UpdateBanner.tsx';
import { useRoute } from './route.ts';
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
import './App.css';

const titles: Record<View, string> = {
  dashboard: 'Dashboard',
  'catch-up': 'Catch-up',
  network: 'Network',
  time: 'Time',
  report: 'Report',
  outcomes: 'Outcomes',
  settings: 'Settings',
};
/** The view a route names, opened on what the route asks for. */
function screen(route: Exclude<Route, { view: 'mini' }>): ReactNode {
  switch (route.view) {
    case 'dashboard':
      return <Dashboard />;
    case 'catch-up':
      return <CatchUp tab={route.tab ?? 'posts'} />;
    case 'network':
      return <Network />;
    case 'time':
      return <Time log={route.log ?? false} />;
    case 'report':
      return <Report chosen={route.period} />;
    case 'outcomes':
      return <Outcomes />;
    case 'settings':
      return <Settings />;
  }
}

export function App() {
  const route = useRoute();
  const theme = useApp((state) => state.settings?.theme ?? 'system');
  useEffect(() => connectStores(), []);
  useTimerShortcuts();
  useTheme(theme);
  useEffect(() => {
    document.title = route.view === 'mini' ? 'Twoway' : `${titles[route.view]} · Twoway`;
  }, [route.view]);

  if (route.view === 'mini') {
    return (
      <ErrorBoundary what="The quick view">
        <Mini />
      </ErrorBoundary>
    );
  }
  const { view } = route;
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
          {screen(route)}
        </ErrorBoundary>
      </main>
    </div>
  );
}
