// Explore: tabs for metrics (TelemetryQuery), traces and logs in one namespace, keeping the
// namespace and range in the URL.
import { currentNamespace, rememberNamespace, type ViewProps } from '../app/context';
import { NamespaceInput } from '../components/NamespaceInput';
import { LogsExplorer } from './LogsExplorer';
import { MetricsExplorer } from './MetricsExplorer';
import { TracesExplorer } from './TracesExplorer';

const TABS = ['metrics', 'traces', 'logs'] as const;

export function ExploreView(props: ViewProps) {
  const { state, setState } = props;
  if (state.route.view !== 'explore') return null;
  const tab = state.route.tab;
  const ns = currentNamespace(state);
  return (
    <section className="page">
      <div className="page-head">
        <h1>Explore</h1>
        <div role="tablist" aria-label="Signal" className="tabs">
          {TABS.map((t) => (
            <a key={t} role="tab" aria-selected={t === tab} href={`#/explore/${t}?ns=${encodeURIComponent(ns)}`}>
              {t[0].toUpperCase() + t.slice(1)}
            </a>
          ))}
        </div>
        <NamespaceInput
          value={ns}
          onChange={(v) => {
            rememberNamespace(v);
            setState({ ...state, params: { ...state.params, ns: v } });
          }}
        />
      </div>
      {tab === 'metrics' && <MetricsExplorer {...props} namespace={ns} />}
      {tab === 'traces' && <TracesExplorer {...props} namespace={ns} />}
      {tab === 'logs' && <LogsExplorer {...props} namespace={ns} />}
    </section>
  );
}
