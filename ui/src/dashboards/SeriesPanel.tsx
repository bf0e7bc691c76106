// The visualisations of query results: TimeSeries (uPlot chart), Stat (one big number per series)
// and Table (one row per series with its labels and value).
import { useMemo } from 'react';
import type { Panel, QuerySeries, TelemetryQuery } from '../api/types';
import { parseDuration } from '../time/duration';
import { TimeSeriesChart } from '../components/TimeSeriesChart';
import { alignSeries, formatValue, lastValue, seriesName } from './chartData';

export function SeriesPanel({ panel, query, height }: { panel: Panel; query: TelemetryQuery; height: number }) {
  const series = query.status?.series ?? [];
  const aligned = useMemo(() => alignSeries(series), [series]);
  if (series.length === 0) return <p className="muted">No data in this range.</p>;
  const end = query.status?.window?.end ? Date.parse(query.status.window.end) : undefined;
  const stepMs = query.status?.step ? parseDuration(query.status.step) : undefined;
  const latest = (s: QuerySeries) => lastValue(s, end, stepMs);
  if (panel.type === 'Stat') {
    return (
      <div className="stats">
        {series.slice(0, 12).map((s) => (
          <div key={seriesName(s.labels)} className="stat">
            <div className="stat-value">{formatValue(latest(s), panel.unit)}</div>
            {series.length > 1 && <div className="muted small">{seriesName(s.labels)}</div>}
          </div>
        ))}
      </div>
    );
  }
  if (panel.type === 'Table') {
    const keys = [...new Set(series.flatMap((s) => Object.keys(s.labels ?? {})))].sort();
    return (
      <table className="grid-table">
        <thead>
          <tr>
            {keys.map((k) => <th key={k}>{k}</th>)}
            <th>{query.status?.aggregation ?? 'value'}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={seriesName(s.labels)}>
              {keys.map((k) => <td key={k}>{s.labels?.[k] ?? ''}</td>)}
              <td className="num">{formatValue(latest(s), panel.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return <TimeSeriesChart data={aligned} unit={panel.unit} height={height} title={panel.title} />;
}
