// TypeScript shapes of the Kubernetes objects the UI reads: metadata, lists, watch events, the
// kubetel.io custom resources (Dashboard, AlertRule) and the telemetry.kubetel.io resources
// (Metric, Trace, LogRecord, TelemetryQuery), as documented in docs/api-resources.md.

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface KubeObject<S = unknown, T = unknown> {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec: S;
  status?: T;
}

export interface KubeList<T> {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: T[];
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent<T> {
  type: WatchEventType;
  object: T;
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
}

// ---- telemetry query (model/.../TelemetryQuerySpec.java)
export type Signal = 'metrics' | 'traces' | 'logs';
export type Aggregation =
  | 'avg' | 'sum' | 'min' | 'max' | 'count' | 'rate' | 'p50' | 'p90' | 'p95' | 'p99';
export type FilterOperator = 'Equals' | 'NotEquals' | 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface QueryFilter {
  key: string;
  operator?: FilterOperator;
  values?: string[];
}

export interface TelemetryQuerySpec {
  signal: Signal;
  metric?: string;
  filters?: QueryFilter[];
  aggregation?: Aggregation;
  groupBy?: string[];
  step?: string;
  range?: string;
  start?: string;
  end?: string;
}

export interface ObservedWindow {
  start: string;
  end: string;
}

export interface SeriesPoint {
  time: string;
  value: number | null;
}

export interface QuerySeries {
  labels: Record<string, string>;
  points: SeriesPoint[];
}

export interface TelemetryQueryStatus {
  window: ObservedWindow;
  step: string;
  aggregation?: string;
  series: QuerySeries[];
}

export type TelemetryQuery = KubeObject<TelemetryQuerySpec, TelemetryQueryStatus>;

// ---- Dashboard (crds/.../dashboard)
export type PanelType = 'TimeSeries' | 'Stat' | 'Table' | 'TraceList' | 'LogList';

export interface GridPosition {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Panel {
  title: string;
  type: PanelType;
  description?: string;
  unit?: string;
  query: TelemetryQuerySpec;
  gridPos: GridPosition;
}

export interface DashboardVariable {
  name: string;
  label?: string;
  key: string;
  signal?: Signal;
  defaultValue?: string;
  multi?: boolean;
}

export interface DashboardSpec {
  title: string;
  description?: string;
  timeRange?: string;
  refreshInterval?: string;
  variables?: DashboardVariable[];
  panels?: Panel[];
}

export interface DashboardStatus {
  panelCount?: number;
  observedGeneration?: number;
  conditions?: Condition[];
}

export type Dashboard = KubeObject<DashboardSpec, DashboardStatus>;

// ---- AlertRule (crds/.../alertrule)
export type AlertState = 'Inactive' | 'Pending' | 'Firing';
export type Comparator =
  | 'GreaterThan' | 'GreaterThanOrEqual' | 'LessThan' | 'LessThanOrEqual' | 'Equal' | 'NotEqual';

export interface AlertRuleSpec {
  query: TelemetryQuerySpec;
  condition: { type?: 'Threshold'; comparator?: Comparator; threshold?: number };
  for?: string;
  keepFiringFor?: string;
  interval?: string;
  severity?: 'critical' | 'warning' | 'info';
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  receivers?: { name: string }[];
}

export interface AlertRuleStatus {
  state?: AlertState;
  lastEvaluationTime?: string;
  lastValue?: number;
  firingSince?: string;
  observedGeneration?: number;
  conditions?: Condition[];
}

export type AlertRule = KubeObject<AlertRuleSpec, AlertRuleStatus>;

// ---- telemetry resources (apiserver/.../{metrics,traces,logs})
export interface MetricSpec {
  metricName: string;
  type: string;
  unit: string | null;
  description: string | null;
  service: string | null;
  pod: string | null;
  monotonic: boolean;
  attributes: Record<string, string>;
  resourceAttributes: Record<string, string>;
}

export interface MetricStatus {
  window?: ObservedWindow;
  last?: number;
  min?: number;
  max?: number;
  avg?: number;
  count?: number;
  rate?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  lastTimestamp?: string;
  points?: { time: string; value: number | null; sum?: number }[];
}

export type Metric = KubeObject<MetricSpec, MetricStatus>;

export interface SpanEvent {
  time: string;
  name: string;
  attributes: Record<string, string>;
}

export interface Span {
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: string;
  service: string;
  namespace: string;
  pod: string;
  start: string;
  duration: string;
  durationNanos: number;
  status: string;
  statusMessage?: string;
  attributes: Record<string, string>;
  events?: SpanEvent[];
  children?: Span[];
}

export interface TraceStatus {
  rootService: string;
  rootSpan: string;
  spanCount: number;
  errorCount: number;
  services: string[];
  start: string;
  duration: string;
  durationNanos: number;
  status: string;
  spans?: Span[];
}

export type Trace = KubeObject<{ traceId: string }, TraceStatus>;

export interface LogSpec {
  timestamp: string;
  severity: string;
  severityNumber: number;
  service: string | null;
  pod: string | null;
  body: string;
  traceId: string | null;
  spanId: string | null;
  attributes: Record<string, string>;
  resourceAttributes: Record<string, string>;
}

export type LogRecord = KubeObject<LogSpec, unknown>;

// ---- TelemetryTenant (crds/.../tenant), cluster-scoped
export interface TelemetryTenantSpec {
  namespaces?: string[];
  namespaceSelector?: { matchLabels?: Record<string, string> };
  retention?: { metrics?: string; traces?: string; logs?: string };
  quotas?: Record<string, number>;
  database?: string;
  deletionPolicy?: string;
  viewers?: { kind: string; name: string; namespace?: string }[];
}

export interface TelemetryTenantStatus {
  resolvedNamespaces?: string[];
  database?: string;
  lastRetentionRun?: string;
  observedGeneration?: number;
  conditions?: Condition[];
}

export type TelemetryTenant = KubeObject<TelemetryTenantSpec, TelemetryTenantStatus>;
