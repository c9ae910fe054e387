import { useEffect, type ComponentType } from 'react';
import { Notices } from './components/Notices.tsx';
import { views, useView, type View } from './route.ts';
import { useApp } from './stores/appStore.ts';
import { connectStores } from './stores/connect.ts';
import { Dashboard } from './views/Dashboard.tsx';
import { Network } from './views/Network.tsx';
import { Report } from './views/Report.tsx';
import { Settings } from './views/Settings.tsx';
import { Time } from './views/Time.tsx';

const titles: Record<View, string> = {
  dashboard: 'Dashboard',
  network: 'Network',
  time: 'Time',
  report: 'Report',
  settings: 'Settings',
};
const screens: Record<View, ComponentType> = {
  dashboard: Dashboard,
  network: Network,
  time: Time,
  report: Report,
  settings: Settings,
};

export function App() {
  const view = useView();
  const theme = useApp((state) => state.settings?.theme ?? 'system');
  useEffect(() => connectStores(), []);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    document.title = `${titles[view]} · Twoway`;
  }, [view]);

  const Screen = screens[view];
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Twoway">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">
            ⇄
          </span>{' '}
          Twoway
        </p>
        <ul>
          {views.map((name) => (
            <li key={name}>
              <a href={`#/${name}`} aria-current={view === name ? 'page' : undefined}>
                {titles[name]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <h1 className="view-title">{titles[view]}</h1>
        <Notices />
        <Screen />
      </main>
    </div>
  );
}
