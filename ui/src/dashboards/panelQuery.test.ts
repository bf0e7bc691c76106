// Tests of the Dashboard panel → TelemetryQuery / list request mapping, variables included.
import { describe, expect, it } from 'vitest';
import { filtersToSelectors } from '../api/selectors';
import type { QuerySeries } from '../api/types';
import { serviceOverview } from '../fixtures/dashboard';
import { alignSeries, formatValue, lastValue } from './chartData';
import { panelRequest, panelStep, panelToQuerySpec } from './panelQuery';
import { effectiveValues, substituteFilters, valuesOfSeries, variableValuesSpec } from './variables';

const panels = serviceOverview.spec.panels!;
const hour = { kind: 'relative' as const, last: '1h' };

describe('variables', () => {
  it('takes URL values over defaults', () => {
    expect(effectiveValues(serviceOverview, {})).toEqual({ service: ['checkout'] });
    expect(effectiveValues(serviceOverview, { service: ['cart'] })).toEqual({ service: ['cart'] });
    expect(effectiveValues(serviceOverview, { service: [] })).toEqual({ service: [] });
  });
  it('substitutes, expands multi values and drops "all" filters', () => {
    const f = [{ key: 'service', values: ['$service'] }, { key: 'kind', values: ['Server'] }];
    expect(substituteFilters(f, { service: ['checkout'] })).toEqual([
      { key: 'service', values: ['checkout'] }, { key: 'kind', values: ['Server'] },
    ]);
    expect(substituteFilters(f, { service: ['a', 'b'] })[0]).toEqual({ key: 'service', operator: 'In', values: ['a', 'b'] });
    expect(substituteFilters([{ key: 's', operator: 'NotEquals', values: ['${service}'] }], { service: ['a', 'b'] })[0])
      .toEqual({ key: 's', operator: 'NotIn', values: ['a', 'b'] });
    expect(substituteFilters(f, { service: [] })).toEqual([{ key: 'kind', values: ['Server'] }]);
    expect(substituteFilters([{ key: 'http.route', values: ['/api/$service/x'] }], { service: ['cart'] })[0].values).toEqual(['/api/cart/x']);
    expect(substituteFilters([{ key: 'k', values: ['$unknown'] }], {})[0].values).toEqual(['$unknown']);
  });
});

describe('variable choices', () => {
  const service = serviceOverview.spec.variables![0];
  it('come from a count per value of the key over the range, in a few buckets', () => {
    expect(variableValuesSpec(service, hour)).toEqual({
      signal: 'traces', aggregation: 'count', groupBy: ['service'], step: '15m', range: '1h',
    });
    const abs = { kind: 'absolute' as const, start: Date.parse('2026-11-30T10:00:00Z'), end: Date.parse('2026-11-30T10:07:00Z') };
    expect(variableValuesSpec({ ...service, signal: 'logs', key: 'severity' }, abs)).toEqual({
      signal: 'logs', aggregation: 'count', groupBy: ['severity'], step: '2m',
      start: '2026-11-30T10:00:00Z', end: '2026-11-30T10:07:00Z',
    });
  });
  it('of metrics variables are not a query (it would need a metric name)', () => {
    expect(variableValuesSpec({ ...service, signal: undefined }, hour)).toBeUndefined();
  });
  it('are the series label values, sorted, without empty ones', () => {
    const series: QuerySeries[] = [{ labels: { service: 'frontend' }, points: [] }, { labels: { service: '' }, points: [] },
      { labels: { service: 'cart' }, points: [] }, { labels: {}, points: [] }];
    expect(valuesOfSeries(series, 'service')).toEqual(['cart', 'frontend']);
  });
});

describe('panel → TelemetryQuery', () => {
  it('maps a TimeSeries panel with the dashboard range and a step for its width', () => {
    expect(panelToQuerySpec(panels[0], { service: ['checkout'] }, hour)).toEqual({
      signal: 'traces',
      filters: [{ key: 'service', values: ['checkout'] }, { key: 'kind', values: ['Server'] }],
      aggregation: 'rate',
      groupBy: ['http.route'],
      step: '10s',
      range: '1h',
    });
  });
  it('keeps a panel step that fits and replaces one that would exceed the point limit', () => {
    expect(panelToQuerySpec(panels[2], { service: ['checkout'] }, hour).step).toBe('1m');
    const spec = panelToQuerySpec(panels[2], {}, { kind: 'relative', last: '31d' });
    expect(spec.metric).toBe('http.server.request.duration');
    expect(spec.step).toBe('2h');
    expect(panelStep({ ...panels[2], query: { ...panels[2].query, step: '1s' } }, 86_400_000)).not.toBe('1s');
  });
  it('asks about 30 buckets for Stat and Table panels, absolute ranges as start/end', () => {
    const abs = { kind: 'absolute' as const, start: Date.parse('2026-11-30T20:00:00Z'), end: Date.parse('2026-11-30T20:30:00Z') };
    expect(panelToQuerySpec(panels[1], { service: ['checkout'] }, abs)).toEqual({
      signal: 'traces', filters: [{ key: 'service', values: ['checkout'] }], aggregation: 'p99',
      step: '1m', start: '2026-11-30T20:00:00Z', end: '2026-11-30T20:30:00Z',
    });
    expect(panelRequest({ ...panels[1], type: 'Table' }, {}, hour)).toMatchObject({ kind: 'query', spec: { step: '2m' } });
  });
  it('maps TraceList and LogList panels to list requests with selectors', () => {
    expect(panelRequest(panels[3], { service: ['checkout'] }, hour)).toEqual({
      kind: 'list', signal: 'traces', params: { window: '1h', limit: 200, labelSelector: 'service=checkout' }, unsupported: [],
    });
    expect(panelRequest(panels[4], { service: [] }, { kind: 'relative', last: '30d' })).toEqual({
      kind: 'list', signal: 'logs', params: { window: '1w', limit: 200, labelSelector: 'severity in (ERROR,FATAL)' }, unsupported: [],
    });
  });
});

describe('filters → selectors', () => {
  it('writes every operator', () => {
    expect(filtersToSelectors('traces', [
      { key: 'service', values: ['a'] }, { key: 'status', operator: 'NotEquals', values: ['Ok'] },
      { key: 'env', operator: 'NotIn', values: ['x', 'y'] }, { key: 'k', operator: 'Exists' }, { key: 'j', operator: 'DoesNotExist' },
    ]).labelSelector).toBe('service=a,status!=Ok,env notin (x,y),k,!j');
  });
  it('uses field selectors for values labels cannot hold, and reports the rest', () => {
    const s = filtersToSelectors('logs', [
      { key: 'service', values: ['my svc'] }, { key: 'http.route', values: ['/api/cart'] },
    ]);
    expect(s.fieldSelector).toBe('service=my svc');
    expect(s.unsupported).toEqual([{ key: 'http.route', values: ['/api/cart'] }]);
    expect(filtersToSelectors('logs', [{ key: 'traceId', values: ['a,b=c'] }]).fieldSelector).toBe('traceId=a\\,b\\=c');
  });
});

describe('chart data', () => {
  it('aligns series on one time axis', () => {
    const d = alignSeries([
      { labels: { r: '/a' }, points: [{ time: '2026-11-30T22:00:00Z', value: 1 }, { time: '2026-11-30T22:01:00Z', value: 2 }] },
      { labels: {}, points: [{ time: '2026-11-30T22:01:00Z', value: 5 }] },
    ]);
    const t0 = Date.parse('2026-11-30T22:00:00Z') / 1000;
    expect(d).toEqual({ x: [t0, t0 + 60], ys: [[1, 2], [null, 5]], names: ['/a', 'value'] });
  });
  it('gives Stat values and formats them', () => {
    expect(lastValue({ labels: {}, points: [{ time: 'a', value: 3 }, { time: 'b', value: null }] })).toBe(3);
    expect(lastValue(undefined)).toBeNull();
    const open = { labels: {}, points: [{ time: '2026-11-30T22:00:00Z', value: 7 }, { time: '2026-11-30T22:01:00Z', value: 1 }] };
    expect(lastValue(open, Date.parse('2026-11-30T22:01:30Z'), 60_000)).toBe(7);
    expect(lastValue(open, Date.parse('2026-11-30T22:02:00Z'), 60_000)).toBe(1);
    expect(lastValue({ labels: {}, points: [open.points[1]] }, Date.parse('2026-11-30T22:01:30Z'), 60_000)).toBe(1);
    expect(formatValue(1234.567, 'ms')).toBe('1,235 ms');
    expect(formatValue(0.12345)).toBe('0.123');
    expect(formatValue(null)).toBe('–');
  });
});
