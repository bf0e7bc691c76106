// The app shell: navigation (Dashboards, Explore, Alerts), the time picker, auto-refresh, the
// theme switch and the view the URL names.
import { useMemo } from 'react';
import { api } from '../api/resources';
import { AlertsView } from '../alerts/AlertsView';
import { DashboardList } from '../dashboards/DashboardList';
import { DashboardView } from '../dashboards/DashboardView';
import { ExploreView } from '../explore/ExploreView';
import { TraceView } from '../explore/TraceView';
import { parseDuration } from '../time/duration';
import { TimePicker } from '../time/TimePicker';
import type { TimeRange } from '../time/timeRange';
import type { ViewProps } from './context';
import { useTheme } from './theme';
import { useHashState, useTicker } from './useHashState';
import { REFRESH_CHOICES, type Refresh, routePath } from './urlState';

export const DEFAULT_RANGE: TimeRange = { kind: 'relative', last: '1h' };

export function App() {
  const [state, setState] = useHashState();
  const [theme, toggleTheme] = useTheme();
  const refreshMs = state.refresh === 'off' ? 0 : parseDuration(state.refresh);
  const [tick, refreshNow] = useTicker(refreshMs);
  const props: ViewProps = useMemo(() => ({ state, setState, tick, api }), [state, setState, tick]);
  const view = state.route.view;
  const nav = (path: string, label: string, active: boolean) => (
    <a href={`#${path}`} aria-current={active ? 'page' : undefined}>
      {label}
    </a>
  );

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">kubetel</span>
        <nav aria-label="Main">
          {nav('/dashboards', 'Dashboards', view === 'dashboards' || view === 'dashboard')}
          {nav('/explore/metrics', 'Explore', view === 'explore' || view === 'trace')}
          {nav('/alerts', 'Alerts', view === 'alerts')}
        </nav>
        <div className="spacer" />
        {view !== 'dashboards' && view !== 'alerts' && view !== 'trace' && (
          <TimePicker
            range={state.range ?? DEFAULT_RANGE}
            onChange={(range) => setState({ ...state, range }, true)}
          />
        )}
        <label className="refresh">
          <span className="sr-only">Auto-refresh</span>
          <select
            aria-label="Auto-refresh"
            value={state.refresh}
            onChange={(e) => setState({ ...state, refresh: e.target.value as Refresh })}
          >
            {REFRESH_CHOICES.map((r) => (
              <option key={r} value={r}>
                {r === 'off' ? 'Auto-refresh off' : `Every ${r}`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={refreshNow} title="Refresh now" aria-label="Refresh now">
          ⟳
        </button>
        <button type="button" onClick={toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </header>
      <main key={theme + routePath(state.route)}>
        {view === 'dashboards' && <DashboardList {...props} />}
        {view === 'dashboard' && <DashboardView {...props} />}
        {view === 'explore' && <ExploreView {...props} />}
        {view === 'trace' && <TraceView {...props} />}
        {view === 'alerts' && <AlertsView {...props} />}
      </main>
    </div>
  );
}
