// Tests of the newest-logs reader: whole window, newest first, and the 5-minute fallback on the
// server's 10 000-object limit; plus variable values gathered from listed objects.
import { describe, expect, it } from 'vitest';
import type { Api } from '../api/resources';
import { ApiError } from '../api/status';
import type { KubeList, LogRecord } from '../api/types';
import { valuesOfKey } from '../dashboards/VariableBar';
import { fetchNewestLogs } from './fetchLogs';

const rec = (ts: string): LogRecord => ({
  apiVersion: 'telemetry.kubetel.io/v1alpha1', kind: 'LogRecord', metadata: { name: ts },
  spec: { timestamp: ts, severity: 'INFO', severityNumber: 9, service: 's', pod: null, body: 'b', traceId: null, spanId: null, attributes: {}, resourceAttributes: {} },
});

function fakeApi(answers: (KubeList<LogRecord> | ApiError)[]) {
  const calls: Record<string, unknown>[] = [];
  const api = {
    listLogs: async (_ns: string, params: Record<string, unknown>) => {
      calls.push(params);
      const a = answers.shift()!;
      if (a instanceof ApiError) throw a;
      return a;
    },
  } as unknown as Api;
  return { api, calls };
}

const list = (items: LogRecord[]): KubeList<LogRecord> => ({ apiVersion: 'v1', kind: 'LogRecordList', metadata: { resourceVersion: '42' }, items });

describe('fetchNewestLogs', () => {
  it('reads the window without limit and returns the newest first', async () => {
    const { api, calls } = fakeApi([list([rec('2026-11-30T22:00:01Z'), rec('2026-11-30T22:00:03Z'), rec('2026-11-30T22:00:02Z')])]);
    const r = await fetchNewestLogs(api, 'shop', { window: '1h', limit: 200, labelSelector: 'severity=ERROR' }, 2);
    expect(calls).toEqual([{ window: '1h', labelSelector: 'severity=ERROR' }]);
    expect(r.items.map((i) => i.spec.timestamp)).toEqual(['2026-11-30T22:00:03Z', '2026-11-30T22:00:02Z']);
    expect(r.narrowedTo).toBeUndefined();
    expect(r.resourceVersion).toBe('42');
  });
  it('falls back to the last 5 minutes past the server limit', async () => {
    const tooMany = new ApiError(400, 'BadRequest', 'more than 10000 logs match a request without limit: page with limit and continue');
    const { api, calls } = fakeApi([tooMany, list([rec('2026-11-30T22:00:01Z')])]);
    const r = await fetchNewestLogs(api, 'shop', { start: 'a', end: 'b', fieldSelector: 'service=x' }, 10);
    expect(calls[1]).toEqual({ end: 'b', fieldSelector: 'service=x', window: '5m' });
    expect(r.narrowedTo).toBe('5m');
  });
  it('passes other errors on', async () => {
    const { api } = fakeApi([new ApiError(403, 'Forbidden', 'no')]);
    await expect(fetchNewestLogs(api, 'shop', {}, 10)).rejects.toThrow('no');
  });
});

describe('variable values', () => {
  it('collects label, spec and trace service values', () => {
    expect(valuesOfKey([
      { metadata: { labels: { service: 'frontend' } }, status: { services: ['cart', 'frontend'] } },
      { metadata: {}, spec: { service: 'ledger' } },
    ], 'service')).toEqual(['cart', 'frontend', 'ledger']);
  });
});
