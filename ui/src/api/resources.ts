// Typed calls for each resource the UI reads: Dashboards and AlertRules (kubetel.io), metrics,
// traces and logs lists, one trace, and TelemetryQuery creation (telemetry.kubetel.io).
import { type KubeClient, kube } from './client';
import { KUBETEL, type Params, TELEMETRY } from './paths';
import type { ApiError } from './status';
import type {
  AlertRule,
  Dashboard,
  KubeList,
  LogRecord,
  Metric,
  TelemetryQuery,
  TelemetryTenant,
  TelemetryQuerySpec,
  Trace,
} from './types';

export interface Api {
  listDashboards(namespace?: string, signal?: AbortSignal): Promise<KubeList<Dashboard>>;
  getDashboard(namespace: string, name: string, signal?: AbortSignal): Promise<Dashboard>;
  listAlertRules(namespace?: string, signal?: AbortSignal): Promise<KubeList<AlertRule>>;
  listTenants(signal?: AbortSignal): Promise<KubeList<TelemetryTenant>>;
  listMetrics(namespace: string, params: Params, signal?: AbortSignal): Promise<KubeList<Metric>>;
  listTraces(namespace: string, params: Params, signal?: AbortSignal): Promise<KubeList<Trace>>;
  getTrace(namespace: string, traceId: string, signal?: AbortSignal): Promise<Trace>;
  listLogs(namespace: string, params: Params, signal?: AbortSignal): Promise<KubeList<LogRecord>>;
  /** Streams log records from resourceVersion on; returns the function that stops it. */
  watchLogs(namespace: string, params: Params, onRecord: (r: LogRecord) => void, onError: (e: ApiError) => void): () => void;
  runQuery(namespace: string, spec: TelemetryQuerySpec, signal?: AbortSignal): Promise<TelemetryQuery>;
}

/** The TelemetryQuery body for a spec: generateName only, nothing is stored. */
export function queryBody(namespace: string, spec: TelemetryQuerySpec): TelemetryQuery {
  return {
    apiVersion: `${TELEMETRY.group}/${TELEMETRY.version}`,
    kind: 'TelemetryQuery',
    metadata: { generateName: 'ui-', namespace },
    spec,
  };
}

export function createApi(client: KubeClient = kube): Api {
  return {
    listDashboards: (namespace, signal) =>
      client.list<Dashboard>({ ...KUBETEL, resource: 'dashboards', namespace }, undefined, { signal }),
    getDashboard: (namespace, name, signal) =>
      client.get<Dashboard>({ ...KUBETEL, resource: 'dashboards', namespace, name }, undefined, {
        signal,
      }),
    listAlertRules: (namespace, signal) =>
      client.list<AlertRule>({ ...KUBETEL, resource: 'alertrules', namespace }, undefined, { signal }),
    listTenants: (signal) =>
      client.list<TelemetryTenant>({ ...KUBETEL, resource: 'telemetrytenants' }, undefined, { signal }),
    listMetrics: (namespace, params, signal) =>
      client.list<Metric>({ ...TELEMETRY, resource: 'metrics', namespace }, params, { signal }),
    listTraces: (namespace, params, signal) =>
      client.list<Trace>({ ...TELEMETRY, resource: 'traces', namespace }, params, { signal }),
    getTrace: (namespace, traceId, signal) =>
      client.get<Trace>({ ...TELEMETRY, resource: 'traces', namespace, name: traceId }, undefined, {
        signal,
      }),
    listLogs: (namespace, params, signal) =>
      client.list<LogRecord>({ ...TELEMETRY, resource: 'logs', namespace }, params, { signal }),
    watchLogs: (namespace, params, onRecord, onError) =>
      client.watch<LogRecord>({ ...TELEMETRY, resource: 'logs', namespace }, params, {
        onEvent: (e) => (e.type === 'ADDED' || e.type === 'MODIFIED') && onRecord(e.object),
        onError,
      }),
    runQuery: (namespace, spec, signal) =>
      client.create<TelemetryQuery>(
        { ...TELEMETRY, resource: 'queries', namespace },
        queryBody(namespace, spec),
        { signal },
      ),
  };
}

/** The API the app uses. */
export const api = createApi();
