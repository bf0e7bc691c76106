// Loads a panel's data through the API (a TelemetryQuery, or a traces/logs list) and turns it into
// CSV and JSON for export.
import type { Api } from '../api/resources';
import type { LogRecord, Panel, QueryFilter, TelemetryQuery, Trace } from '../api/types';
import { objectsToCsv, seriesToCsv } from '../export/csv';
import { fetchNewestLogs } from '../logs/fetchLogs';
import type { TimeRange } from '../time/timeRange';
import { LIST_LIMIT, panelRequest } from './panelQuery';
import type { VariableValues } from './variables';

export type PanelData =
  | { kind: 'series'; query: TelemetryQuery }
  | { kind: 'traces'; items: Trace[]; unsupported: QueryFilter[] }
  | { kind: 'logs'; items: LogRecord[]; unsupported: QueryFilter[]; narrowedTo?: string };

export async function loadPanel(
  api: Api,
  namespace: string,
  panel: Panel,
  values: VariableValues,
  range: TimeRange,
  signal?: AbortSignal,
): Promise<PanelData> {
  const req = panelRequest(panel, values, range);
  if (req.kind === 'query') {
    return { kind: 'series', query: await api.runQuery(namespace, req.spec, signal) };
  }
  if (req.signal === 'traces') {
    const list = await api.listTraces(namespace, req.params, signal);
    return { kind: 'traces', items: list.items, unsupported: req.unsupported };
  }
  const logs = await fetchNewestLogs(api, namespace, req.params, LIST_LIMIT, signal);
  return { kind: 'logs', items: logs.items, unsupported: req.unsupported, narrowedTo: logs.narrowedTo };
}

export const TRACE_COLUMNS = [
  'metadata.name', 'status.rootService', 'status.rootSpan', 'status.spanCount', 'status.errorCount',
  'status.durationNanos', 'status.status', 'status.start',
];
export const LOG_COLUMNS = [
  'spec.timestamp', 'spec.severity', 'spec.service', 'spec.pod', 'spec.body', 'spec.traceId', 'spec.spanId',
];

export function panelCsv(data: PanelData): string {
  if (data.kind === 'series') return seriesToCsv(data.query.status?.series ?? []);
  if (data.kind === 'traces') return objectsToCsv(data.items, TRACE_COLUMNS);
  return objectsToCsv(data.items, LOG_COLUMNS);
}

export function panelJson(data: PanelData): string {
  if (data.kind === 'series') return JSON.stringify(data.query.status ?? {}, null, 2);
  return JSON.stringify(data.items, null, 2);
}
