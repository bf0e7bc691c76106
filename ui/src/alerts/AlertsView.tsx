// Alerts: the AlertRules of every readable namespace (or one), with state, last value, threshold,
// severity and conditions; expanding a rule runs its query to show the series now over threshold.
import { useState } from 'react';
import type { ViewProps } from '../app/context';
import type { AlertRule } from '../api/types';
import { ErrorBox, Loading } from '../components/ErrorBox';
import { NamespaceInput } from '../components/NamespaceInput';
import { useAsync } from '../components/useAsync';
import { formatValue, lastValue, seriesName } from '../dashboards/chartData';
import { failingConditions } from '../dashboards/conditions';
import type { Api } from '../api/resources';
import { comparatorSymbol, firingSeries } from './firing';
import { TenantsSection } from './TenantsSection';

const STATE_ORDER: Record<string, number> = { Firing: 0, Pending: 1, Inactive: 2 };

function FiringSeries({ api, rule, tick }: { api: Api; rule: AlertRule; tick: number }) {
  const ns = rule.metadata.namespace!;
  const { data, error, loading } = useAsync(
    (s) => api.runQuery(ns, { ...rule.spec.query, range: rule.spec.query.range ?? '15m', start: undefined, end: undefined }, s),
    JSON.stringify([ns, rule.metadata.name, tick]),
  );
  if (error !== undefined) return <ErrorBox error={error} />;
  if (loading && !data) return <Loading what="series" />;
  const over = firingSeries(data?.status?.series ?? [], rule.spec.condition);
  if (over.length === 0) return <p className="muted small">No series meets the condition right now.</p>;
  return (
    <ul className="small">
      {over.map((s) => (
        <li key={seriesName(s.labels)}>
          {seriesName(s.labels)}: <strong>{formatValue(lastValue(s))}</strong>
        </li>
      ))}
    </ul>
  );
}

export function AlertsView({ state, setState, tick, api }: ViewProps) {
  const ns = state.params.ns ?? '';
  const { data, error, loading } = useAsync((s) => api.listAlertRules(ns || undefined, s), `${ns}|${tick}`);
  const [open, setOpen] = useState<string | undefined>();
  const rules = [...(data?.items ?? [])].sort(
    (a, b) => (STATE_ORDER[a.status?.state ?? 'Inactive'] ?? 3) - (STATE_ORDER[b.status?.state ?? 'Inactive'] ?? 3),
  );
  return (
    <section className="page">
      <div className="page-head">
        <h1>Alerts</h1>
        <NamespaceInput value={ns} allowAll onChange={(v) => setState({ ...state, params: v ? { ns: v } : {} })} />
      </div>
      {error !== undefined && <ErrorBox error={error} />}
      {loading && !data && <Loading what="alert rules" />}
      {data && rules.length === 0 && <p className="muted">No alert rules{ns ? ` in ${ns}` : ''}.</p>}
      {rules.length > 0 && (
        <table className="grid-table">
          <thead>
            <tr>
              <th>State</th><th>Rule</th><th>Namespace</th><th>Severity</th><th>Last value</th><th>Condition</th><th>Since</th><th>Series</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => {
              const id = `${r.metadata.namespace}/${r.metadata.name}`;
              const c = r.spec.condition;
              const bad = failingConditions(r.status?.conditions);
              return [
                <tr key={id}>
                  <td className={`state-${(r.status?.state ?? 'Unknown').toLowerCase()}`}>{r.status?.state ?? 'Unknown'}</td>
                  <td>
                    {r.metadata.name}
                    {r.spec.annotations?.summary && <div className="muted small">{r.spec.annotations.summary}</div>}
                    {bad.map((b) => <div key={b.type} className="sev-warn small">{b.type}={b.status}: {b.message}</div>)}
                  </td>
                  <td>{r.metadata.namespace}</td>
                  <td>{r.spec.severity ?? 'warning'}</td>
                  <td className="num">{formatValue(r.status?.lastValue)}</td>
                  <td>{comparatorSymbol(c.comparator)} {c.threshold} for {r.spec.for ?? '0s'}</td>
                  <td className="nowrap">{r.status?.firingSince ?? ''}</td>
                  <td>
                    <button type="button" className="small" aria-expanded={open === id} onClick={() => setOpen(open === id ? undefined : id)}>
                      {open === id ? 'Hide' : 'Show'}
                    </button>
                  </td>
                </tr>,
                open === id && (
                  <tr key={`${id}-series`}>
                    <td colSpan={8}>
                      <FiringSeries api={api} rule={r} tick={tick} />
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      )}
      <TenantsSection api={api} tick={tick} />
    </section>
  );
}
