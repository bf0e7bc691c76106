// Explore metrics: pick a metric (from the namespace's Metric objects), filter by attributes,
// aggregate and group by, run as a TelemetryQuery and chart the result; export CSV/JSON.
import { useMemo, useState } from 'react';
import type { ViewProps } from '../app/context';
import type { Aggregation, TelemetryQuerySpec } from '../api/types';
import { ErrorBox, Loading } from '../components/ErrorBox';
import { TimeSeriesChart } from '../components/TimeSeriesChart';
import { useAsync } from '../components/useAsync';
import { alignSeries } from '../dashboards/chartData';
import { download, seriesToCsv } from '../export/csv';
import { chooseStep } from '../time/duration';
import { listWindow, queryWindow, rangeDurationMs } from '../time/timeRange';
import { parseFilterText } from './filterText';

const AGGREGATIONS: Aggregation[] = ['avg', 'sum', 'min', 'max', 'count', 'rate', 'p50', 'p90', 'p95', 'p99'];

export function MetricsExplorer({ state, setState, tick, api, namespace }: ViewProps & { namespace: string }) {
  const range = state.range ?? { kind: 'relative' as const, last: '1h' };
  const p = state.params;
  const [draft, setDraft] = useState({ metric: p.metric ?? '', filters: p.filters ?? '', agg: p.agg ?? 'avg', groupBy: p.groupBy ?? '', step: p.step ?? '' });
  const catalog = useAsync(async (s) => {
    const list = await api.listMetrics(namespace, { ...listWindow({ kind: 'relative', last: '15m' }), limit: 500 }, s);
    const names = new Map<string, string>();
    for (const m of list.items) names.set(m.spec.metricName, m.spec.unit ?? '');
    return names;
  }, namespace);

  let spec: TelemetryQuerySpec | undefined;
  let parseError: unknown;
  try {
    if (p.metric) {
      const filters = parseFilterText(p.filters ?? '');
      spec = {
        signal: 'metrics', metric: p.metric, aggregation: (p.agg as Aggregation) ?? 'avg',
        step: p.step || chooseStep(rangeDurationMs(range), 500), ...queryWindow(range),
      };
      if (filters.length) spec.filters = filters;
      const groupBy = (p.groupBy ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (groupBy.length) spec.groupBy = groupBy;
    }
  } catch (e) {
    parseError = e;
  }
  const result = useAsync((s) => api.runQuery(namespace, spec!, s), JSON.stringify([namespace, spec, tick]), !!spec);
  const series = result.data?.status?.series;
  const aligned = useMemo(() => alignSeries(series ?? []), [series]);
  const unit = catalog.data?.get(p.metric ?? '') || undefined;

  const run = (e: React.FormEvent) => {
    e.preventDefault();
    setState({ ...state, params: { ...p, ns: namespace, ...draft } }, true);
  };
  return (
    <div>
      <form className="query-form" onSubmit={run}>
        <label>
          Metric{' '}
          <input list="metric-names" value={draft.metric} onChange={(e) => setDraft({ ...draft, metric: e.target.value })} placeholder="http.server.request.duration" required />
        </label>
        <datalist id="metric-names">
          {[...(catalog.data?.keys() ?? [])].sort().map((m) => <option key={m} value={m} />)}
        </datalist>
        <label>
          Filters{' '}
          <input value={draft.filters} onChange={(e) => setDraft({ ...draft, filters: e.target.value })} placeholder="service=checkout, http.route in (/cart,/pay)" />
        </label>
        <label>
          Aggregation{' '}
          <select value={draft.agg} onChange={(e) => setDraft({ ...draft, agg: e.target.value })}>
            {AGGREGATIONS.map((a) => <option key={a}>{a}</option>)}
          </select>
        </label>
        <label>
          Group by{' '}
          <input value={draft.groupBy} onChange={(e) => setDraft({ ...draft, groupBy: e.target.value })} placeholder="service, http.route" />
        </label>
        <label>
          Step <input value={draft.step} onChange={(e) => setDraft({ ...draft, step: e.target.value })} placeholder="auto" size={6} />
        </label>
        <button type="submit">Run query</button>
      </form>
      {catalog.error !== undefined && <ErrorBox error={catalog.error} />}
      {parseError !== undefined && <ErrorBox error={parseError} />}
      {result.error !== undefined && <ErrorBox error={result.error} />}
      {result.loading && <Loading what="query" />}
      {series && (
        <div className="panel">
          <header className="panel-head">
            <h2>{p.metric} ({result.data?.status?.aggregation ?? p.agg}, step {result.data?.status?.step})</h2>
            <div className="spacer" />
            <button type="button" className="small" onClick={() => download('query.csv', 'text/csv', seriesToCsv(series))}>CSV</button>
            <button type="button" className="small" onClick={() => download('query.json', 'application/json', JSON.stringify(result.data?.status, null, 2))}>JSON</button>
          </header>
          {series.length === 0 ? <p className="muted">No data in this range.</p> : <TimeSeriesChart data={aligned} unit={unit} height={360} title={p.metric ?? ''} />}
        </div>
      )}
    </div>
  );
}
