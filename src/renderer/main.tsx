import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/buttons.css';
import './styles/forms.css';
import './styles/tables.css';
import './styles/badges.css';
import './styles/banners.css';
import './styles/charts.css';
import './styles/progress.css';
import { App } from './App.tsx';
// Last, so that on paper it overrides every view's own rules.
import './styles/print.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
