// Tests of the API client: paths, list/get/create requests, Status errors and watch streams.
import { describe, expect, it } from 'vitest';
import { KubeClient } from './client';
import { KUBETEL, TELEMETRY, resourcePath } from './paths';
import { createApi } from './resources';
import { ApiError } from './status';

interface Call {
  url: string;
  init?: RequestInit;
}

function fakeFetch(responses: Response[]) {
  const calls: Call[] = [];
  const fn = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const r = responses.shift();
    if (!r) throw new TypeError('Failed to fetch');
    return r;
  };
  return { fn, calls };
}

const unexpected = (): ApiError => {
  throw new Error('expected a failure');
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('resourcePath', () => {
  it('builds namespaced, cluster-wide and named paths', () => {
    expect(resourcePath({ ...KUBETEL, resource: 'dashboards' })).toBe(
      '/apis/kubetel.io/v1alpha1/dashboards',
    );
    expect(resourcePath({ ...KUBETEL, resource: 'dashboards', namespace: 'shop', name: 'a b' })).toBe(
      '/apis/kubetel.io/v1alpha1/namespaces/shop/dashboards/a%20b',
    );
    expect(resourcePath({ group: '', version: 'v1', resource: 'namespaces' })).toBe('/api/v1/namespaces');
  });
  it('encodes query parameters and leaves out empty ones', () => {
    expect(
      resourcePath({ ...TELEMETRY, resource: 'logs', namespace: 'shop' }, {
        labelSelector: 'severity in (ERROR,FATAL)',
        limit: 10,
        fieldSelector: undefined,
        continue: '',
      }),
    ).toBe('/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/logs?labelSelector=severity%20in%20(ERROR%2CFATAL)&limit=10');
  });
});

describe('KubeClient', () => {
  it('lists and returns the parsed list', async () => {
    const { fn, calls } = fakeFetch([json({ kind: 'DashboardList', items: [{ metadata: { name: 'a' } }] })]);
    const list = await new KubeClient(fn).list({ ...KUBETEL, resource: 'dashboards' });
    expect(list.items).toHaveLength(1);
    expect(calls[0].url).toBe('/apis/kubetel.io/v1alpha1/dashboards');
    expect(calls[0].init?.method).toBe('GET');
  });

  it('creates a TelemetryQuery with a JSON body in the namespace', async () => {
    const { fn, calls } = fakeFetch([json({ kind: 'TelemetryQuery', status: { series: [] } }, 201)]);
    const api = createApi(new KubeClient(fn));
    const q = await api.runQuery('shop', { signal: 'logs', range: '15m' });
    expect(q.status?.series).toEqual([]);
    expect(calls[0].url).toBe('/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/queries');
    expect(calls[0].init?.method).toBe('POST');
    expect((calls[0].init?.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    const body = JSON.parse(String(calls[0].init?.body));
    expect(body).toEqual({
      apiVersion: 'telemetry.kubetel.io/v1alpha1',
      kind: 'TelemetryQuery',
      metadata: { generateName: 'ui-', namespace: 'shop' },
      spec: { signal: 'logs', range: '15m' },
    });
  });

  it('throws the Status message of a 403', async () => {
    const status = {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      code: 403,
      reason: 'Forbidden',
      message:
        'dashboards.kubetel.io is forbidden: User "ann" cannot list resource "dashboards" in API group "kubetel.io" at the cluster scope',
    };
    const { fn } = fakeFetch([json(status, 403)]);
    const err = await new KubeClient(fn).list({ ...KUBETEL, resource: 'dashboards' }).then(unexpected, (e: ApiError) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe(403);
    expect(err.reason).toBe('Forbidden');
    expect(err.message).toBe(status.message);
  });

  it('names the missing permission when a 403 body is not a Status', async () => {
    const { fn } = fakeFetch([new Response('Forbidden', { status: 403 })]);
    const err = await new KubeClient(fn)
      .list({ ...TELEMETRY, resource: 'traces', namespace: 'shop' })
      .then(unexpected, (e: ApiError) => e);
    expect(err.message).toBe(
      '403 Forbidden: Forbidden (missing permission: list traces.telemetry.kubetel.io in namespace "shop")',
    );
  });

  it('keeps the field causes of a 422 Invalid', async () => {
    const { fn } = fakeFetch([
      json(
        {
          kind: 'Status',
          code: 422,
          reason: 'Invalid',
          message: 'The TelemetryQuery "q" is invalid: spec.step: Invalid value: "500ms": shorter than the minimum of 1s',
          details: { causes: [{ field: 'spec.step', message: 'Invalid value: "500ms": shorter than the minimum of 1s' }] },
        },
        422,
      ),
    ]);
    const err = await new KubeClient(fn).create({ ...TELEMETRY, resource: 'queries', namespace: 'a' }, {}).then(unexpected, (e: ApiError) => e);
    expect(err.code).toBe(422);
    expect(err.causes).toEqual(['spec.step: Invalid value: "500ms": shorter than the minimum of 1s']);
  });

  it('reports an unreachable server and a non-JSON success', async () => {
    const { fn } = fakeFetch([]);
    const err = await new KubeClient(fn).get({ ...KUBETEL, resource: 'dashboards', namespace: 'a', name: 'b' }).then(unexpected, (e: ApiError) => e);
    expect(err.reason).toBe('NetworkError');
    expect(err.message).toMatch(/could not be reached/);
    const { fn: fn2 } = fakeFetch([new Response('<html>', { status: 200 })]);
    const err2 = await new KubeClient(fn2).get({ ...KUBETEL, resource: 'dashboards', namespace: 'a', name: 'b' }).then(unexpected, (e: ApiError) => e);
    expect(err2.reason).toBe('InvalidResponse');
  });

  it('uses the HTTP code when a 5xx has an HTML body', async () => {
    const { fn } = fakeFetch([new Response('<html>bad gateway</html>', { status: 502 })]);
    const err = await new KubeClient(fn).get({ ...KUBETEL, resource: 'x' }).then(unexpected, (e: ApiError) => e);
    expect(err.message).toBe('502 BadGateway');
  });
});

describe('watch', () => {
  function stream(chunks: string[]): Response {
    const enc = new TextEncoder();
    return new Response(
      new ReadableStream({
        start(c) {
          for (const ch of chunks) c.enqueue(enc.encode(ch));
          c.close();
        },
      }),
    );
  }

  it('delivers events split across chunks, then closes', async () => {
    const { fn, calls } = fakeFetch([
      stream(['{"type":"ADDED","object":{"metadata":{"name":"a"}}}\n{"type":"MOD', 'IFIED","object":{"metadata":{"name":"a"}}}\n']),
    ]);
    const events: string[] = [];
    await new Promise<void>((resolve) => {
      new KubeClient(fn).watch<{ metadata: { name: string } }>(
        { ...TELEMETRY, resource: 'logs', namespace: 'shop' },
        { resourceVersion: '12' },
        { onEvent: (e) => events.push(`${e.type} ${e.object.metadata.name}`), onClose: resolve },
      );
    });
    expect(events).toEqual(['ADDED a', 'MODIFIED a']);
    expect(calls[0].url).toBe('/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/logs?resourceVersion=12&watch=1');
  });

  it('turns an ERROR event into the Status it carries', async () => {
    const { fn } = fakeFetch([
      stream(['{"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired","message":"too old resource version: 1 (3600000)"}}\n']),
    ]);
    const err = await new Promise<ApiError>((resolve) => {
      new KubeClient(fn).watch({ ...TELEMETRY, resource: 'logs' }, {}, { onEvent: () => {}, onError: resolve });
    });
    expect(err.code).toBe(410);
    expect(err.message).toBe('too old resource version: 1 (3600000)');
  });
});
