// Tests of the shareable URL state: routes, range, refresh and variables survive a round trip.
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../time/duration';
import { type AppState, formatHash, parseHash, refreshFromInterval } from './urlState';

describe('URL state', () => {
  it('round-trips a dashboard with range, refresh and variables', () => {
    const state: AppState = {
      route: { view: 'dashboard', namespace: 'shop', name: 'service-overview' },
      range: { kind: 'relative', last: '6h' },
      refresh: '10s',
      vars: { service: ['checkout', 'cart'], pod: [] },
      params: {},
    };
    const hash = formatHash(state);
    expect(hash).toBe(
      '#/dashboards/shop/service-overview?from=now-6h&refresh=10s&var-service=checkout&var-service=cart&var-pod=',
    );
    expect(parseHash(hash)).toEqual(state);
  });

  it('parses the other views', () => {
    expect(parseHash('').route).toEqual({ view: 'dashboards' });
    expect(parseHash('#/alerts?ns=shop')).toMatchObject({ route: { view: 'alerts' }, params: { ns: 'shop' } });
    expect(parseHash('#/explore/logs').route).toEqual({ view: 'explore', tab: 'logs' });
    expect(parseHash('#/explore').route).toEqual({ view: 'explore', tab: 'metrics' });
    expect(parseHash('#/explore/trace/shop/abc123').route).toEqual({ view: 'trace', namespace: 'shop', traceId: 'abc123' });
  });

  it('ignores bad refresh and range values', () => {
    const s = parseHash('#/dashboards/a/b?refresh=1s&from=nonsense');
    expect(s.refresh).toBe('off');
    expect(s.range).toBeUndefined();
  });

  it('encodes names with special characters', () => {
    const hash = formatHash({ route: { view: 'dashboard', namespace: 'a', name: 'x/y z' }, refresh: 'off', vars: {}, params: {} });
    expect(hash).toBe('#/dashboards/a/x%2Fy%20z');
    expect(parseHash(hash).route).toEqual({ view: 'dashboard', namespace: 'a', name: 'x/y z' });
  });
});

describe('dashboard refreshInterval', () => {
  it('maps to the nearest auto-refresh choice', () => {
    expect(refreshFromInterval('30s', parseDuration)).toBe('30s');
    expect(refreshFromInterval('15s', parseDuration)).toBe('10s');
    expect(refreshFromInterval('5m', parseDuration)).toBe('1m');
    expect(refreshFromInterval('0s', parseDuration)).toBe('off');
    expect(refreshFromInterval('PT5M', parseDuration)).toBe('off');
    expect(refreshFromInterval(undefined, parseDuration)).toBe('off');
  });
});
