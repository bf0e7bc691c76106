// One dashboard: its title, variables, the status conditions when it (or a panel) is invalid, and
// its panels on the 24-column grid.
import { useEffect } from 'react';
import type { ViewProps } from '../app/context';
import { refreshFromInterval } from '../app/urlState';
import { parseDuration } from '../time/duration';
import { ErrorBox, Loading } from '../components/ErrorBox';
import { useAsync } from '../components/useAsync';
import type { TimeRange } from '../time/timeRange';
import { failingConditions, panelsNamed } from './conditions';
import { PanelView } from './PanelView';
import { VariableBar } from './VariableBar';
import { effectiveValues } from './variables';

export function DashboardView({ state, setState, tick, api }: ViewProps) {
  const route = state.route.view === 'dashboard' ? state.route : { namespace: '', name: '' };
  const { namespace, name } = route;
  const { data: dash, error, loading } = useAsync(
    (s) => api.getDashboard(namespace, name, s),
    `${namespace}/${name}`,
    !!name,
  );
  // Without a range in the URL, the dashboard's own timeRange (and, unless the URL names one, its
  // refreshInterval) apply and are written to the URL, so the pickers show them and links share them.
  useEffect(() => {
    if (dash && !state.range) {
      const refresh = window.location.hash.includes('refresh=')
        ? state.refresh
        : refreshFromInterval(dash.spec.refreshInterval ?? '30s', parseDuration);
      setState({ ...state, range: { kind: 'relative', last: dash.spec.timeRange || '1h' }, refresh });
    }
  }, [dash, state, setState]);
  if (!name) return null;
  if (error !== undefined) return <section className="page"><ErrorBox error={error} /></section>;
  if (loading || !dash) return <section className="page"><Loading what="dashboard" /></section>;

  const range: TimeRange = state.range ?? { kind: 'relative', last: dash.spec.timeRange || '1h' };
  const values = effectiveValues(dash, state.vars);
  const failing = failingConditions(dash.status?.conditions);
  const badPanels = new Map<number, string>();
  for (const c of failing) for (const i of panelsNamed(c.message)) badPanels.set(i, c.message ?? '');
  const panels = dash.spec.panels ?? [];

  return (
    <section className="page">
      <div className="page-head">
        <h1>{dash.spec.title}</h1>
        <span className="muted">{namespace}</span>
      </div>
      {dash.spec.description && <p className="muted">{dash.spec.description}</p>}
      {failing.map((c) => (
        <div key={c.type} className="warning" role="status">
          <strong>{c.type}={c.status}</strong> {c.reason && `(${c.reason})`} {c.message}
        </div>
      ))}
      <VariableBar
        api={api}
        namespace={namespace}
        variables={dash.spec.variables ?? []}
        values={values}
        range={range}
        onChange={(vars) => setState({ ...state, vars }, true)}
      />
      <div className="dash-grid">
        {panels.map((p, i) => (
          <PanelView
            key={`${i}-${p.title}`}
            api={api}
            namespace={namespace}
            panel={p}
            values={values}
            range={range}
            tick={tick}
            problem={badPanels.get(i)}
          />
        ))}
      </div>
      {panels.length === 0 && <p className="muted">This dashboard has no panels.</p>}
    </section>
  );
}
