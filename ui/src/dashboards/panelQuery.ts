// The mapping from a Dashboard panel to what the UI asks the API for: a TelemetryQuery spec
// (TimeSeries, Stat, Table) or a traces/logs list request (TraceList, LogList), with the
// dashboard's time range and variables applied.
import { filtersToSelectors } from '../api/selectors';
import type { Panel, QueryFilter, TelemetryQuerySpec } from '../api/types';
import { chooseStep, parseDuration } from '../time/duration';
import { type TimeRange, listWindow, queryWindow, rangeDurationMs } from '../time/timeRange';
import { type VariableValues, substituteFilters } from './variables';

/** Most points per series the server returns (QueryLimits.MAX_POINTS). */
export const MAX_POINTS = 11_000;

/** Rows a TraceList or LogList panel reads. */
export const LIST_LIMIT = 200;

export type PanelRequest =
  | { kind: 'query'; spec: TelemetryQuerySpec }
  | {
      kind: 'list';
      signal: 'traces' | 'logs';
      params: Record<string, string | number>;
      unsupported: QueryFilter[];
    };

/**
 * The step for a panel: about 30 buckets for Stat/Table (they show the latest complete bucket; the
 * server aligns buckets to multiples of the step, so one bucket over the whole range is not
 * possible), about 40 points per grid column otherwise.
 */
export function panelStep(panel: Panel, rangeMs: number): string {
  if (panel.type === 'Stat' || panel.type === 'Table') return chooseStep(rangeMs, 30);
  const own = panel.query.step;
  if (own) {
    try {
      const ms = parseDuration(own);
      if (ms >= 1000 && ms % 1000 === 0 && rangeMs / ms <= MAX_POINTS) return own;
    } catch {
      // fall through to a computed step
    }
  }
  const width = panel.gridPos?.w ?? 12;
  return chooseStep(rangeMs, Math.min(1000, Math.max(60, width * 40)));
}

/** The TelemetryQuery spec a TimeSeries, Stat or Table panel creates. */
export function panelToQuerySpec(
  panel: Panel,
  values: VariableValues,
  range: TimeRange,
): TelemetryQuerySpec {
  const q = panel.query;
  const spec: TelemetryQuerySpec = { signal: q.signal };
  if (q.metric) spec.metric = q.metric;
  const filters = substituteFilters(q.filters, values);
  if (filters.length) spec.filters = filters;
  if (q.aggregation) spec.aggregation = q.aggregation;
  if (q.groupBy?.length) spec.groupBy = [...q.groupBy];
  spec.step = panelStep(panel, rangeDurationMs(range));
  return { ...spec, ...queryWindow(range) };
}

/** What a panel asks the API for. */
export function panelRequest(panel: Panel, values: VariableValues, range: TimeRange): PanelRequest {
  if (panel.type === 'TraceList' || panel.type === 'LogList') {
    const signal = panel.type === 'TraceList' ? 'traces' : 'logs';
    const sel = filtersToSelectors(signal, substituteFilters(panel.query.filters, values));
    const params: Record<string, string | number> = { ...listWindow(range), limit: LIST_LIMIT };
    if (sel.labelSelector) params.labelSelector = sel.labelSelector;
    if (sel.fieldSelector) params.fieldSelector = sel.fieldSelector;
    return { kind: 'list', signal, params, unsupported: sel.unsupported };
  }
  return { kind: 'query', spec: panelToQuerySpec(panel, values, range) };
}
