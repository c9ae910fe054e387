import { routeHash, views, type View } from '../../shared/routes.ts';
import { UnreadCount } from '../catchUp/UnreadCount.tsx';
import { NavIcon } from './NavIcon.tsx';
import './Sidebar.css';

/**
 * The views, each by picture and name. Below 1100 px wide only the pictures show; the name stays the link's
 * accessible name and appears beside the picture on hover and keyboard focus.
 */
export function Sidebar({ view, titles }: { view: View; titles: Record<View, string> }) {
  return (
    <nav className="sidebar" aria-label="Twoway">
      <p className="brand">
        <span className="brand-mark" aria-hidden="true">
          ⇄
        </span>{' '}
        <span className="brand-name">Twoway</span>
      </p>
      <ul>
        {views.map((name) => (
          <li key={name}>
            <a href={routeHash({ view: name })} aria-current={view === name ? 'page' : undefined}>
              <NavIcon view={name} />
              <span className="nav-label">{titles[name]}</span>
              {name === 'catch-up' && <UnreadCount />}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
