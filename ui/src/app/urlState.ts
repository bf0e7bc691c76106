// Shareable URL state in the location hash (kubectl proxy serves one static index.html): the view,
// the dashboard, the time range, auto-refresh, dashboard variables and view parameters.
import type { VariableValues } from '../dashboards/variables';
import { type TimeRange, rangeFromParams, rangeToParams } from '../time/timeRange';

export type ExploreTab = 'metrics' | 'traces' | 'logs';

export type Route =
  | { view: 'dashboards' }
  | { view: 'dashboard'; namespace: string; name: string }
  | { view: 'explore'; tab: ExploreTab }
  | { view: 'trace'; namespace: string; traceId: string }
  | { view: 'alerts' };

export const REFRESH_CHOICES = ['off', '5s', '10s', '30s', '1m'] as const;
export type Refresh = (typeof REFRESH_CHOICES)[number];

/**
 * The auto-refresh choice for a Dashboard's refreshInterval: off for 0s or an unreadable value,
 * else the nearest choice.
 */
export function refreshFromInterval(interval: string | undefined, toMs: (d: string) => number): Refresh {
  if (!interval) return 'off';
  let ms: number;
  try {
    ms = toMs(interval);
  } catch {
    return 'off';
  }
  if (ms <= 0) return 'off';
  let best: Refresh = '5s';
  for (const c of REFRESH_CHOICES) {
    if (c === 'off') continue;
    if (Math.abs(toMs(c) - ms) < Math.abs(toMs(best) - ms)) best = c;
  }
  return best;
}

export interface AppState {
  route: Route;
  range?: TimeRange;
  refresh: Refresh;
  vars: VariableValues;
  /** Other parameters of the view (namespace, explore filters, ...). */
  params: Record<string, string>;
}

const RESERVED = new Set(['from', 'to', 'refresh']);

function decodeSeg(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function parseRoute(path: string): Route {
  const segs = path.split('/').filter(Boolean).map(decodeSeg);
  switch (segs[0]) {
    case 'dashboards':
      if (segs.length >= 3) return { view: 'dashboard', namespace: segs[1], name: segs[2] };
      return { view: 'dashboards' };
    case 'explore':
      if (segs[1] === 'trace' && segs.length >= 4) {
        return { view: 'trace', namespace: segs[2], traceId: segs[3] };
      }
      if (segs[1] === 'traces' || segs[1] === 'logs') return { view: 'explore', tab: segs[1] };
      return { view: 'explore', tab: 'metrics' };
    case 'alerts':
      return { view: 'alerts' };
    default:
      return { view: 'dashboards' };
  }
}

export function routePath(route: Route): string {
  const e = encodeURIComponent;
  switch (route.view) {
    case 'dashboards':
      return '/dashboards';
    case 'dashboard':
      return `/dashboards/${e(route.namespace)}/${e(route.name)}`;
    case 'explore':
      return `/explore/${route.tab}`;
    case 'trace':
      return `/explore/trace/${e(route.namespace)}/${e(route.traceId)}`;
    case 'alerts':
      return '/alerts';
  }
}

/** Parses `#/path?query` into the app state. */
export function parseHash(hash: string): AppState {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const search = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  const vars: VariableValues = {};
  const params: Record<string, string> = {};
  for (const [k, v] of search) {
    if (k.startsWith('var-')) {
      const name = k.slice(4);
      vars[name] = vars[name] ?? [];
      if (v !== '') vars[name].push(v);
    } else if (!RESERVED.has(k)) params[k] = v;
  }
  const refreshRaw = search.get('refresh') ?? 'off';
  const refresh = (REFRESH_CHOICES as readonly string[]).includes(refreshRaw)
    ? (refreshRaw as Refresh)
    : 'off';
  return {
    route: parseRoute(path),
    range: rangeFromParams(search.get('from'), search.get('to')),
    refresh,
    vars,
    params,
  };
}

/** The hash for a state; parseHash(formatHash(s)) gives s back. */
export function formatHash(state: AppState): string {
  const search = new URLSearchParams();
  if (state.range) for (const [k, v] of Object.entries(rangeToParams(state.range))) search.set(k, v);
  if (state.refresh !== 'off') search.set('refresh', state.refresh);
  for (const [name, values] of Object.entries(state.vars)) {
    if (values.length === 0) search.append(`var-${name}`, '');
    for (const v of values) search.append(`var-${name}`, v);
  }
  for (const [k, v] of Object.entries(state.params)) if (v !== '') search.set(k, v);
  const qs = search.toString();
  return `#${routePath(state.route)}${qs ? `?${qs}` : ''}`;
}
