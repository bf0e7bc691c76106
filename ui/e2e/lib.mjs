// Shared by the browser suite (e2e/run.mjs) and the benchmark (e2e/bench.mjs): where the running
// demo is (hack/ui-e2e.sh starts it and passes KUBETEL_UI_URL, the `kubectl proxy` serving the UI
// and, same origin, the API), Chromium launch flags, a tiny routing proxy that answers chosen paths
// itself and forwards the rest, calls to the API as the UI makes them, and the checks' bookkeeping.
import { mkdirSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const uiDir = new URL('..', import.meta.url).pathname;
export const outDir = join(uiDir, 'e2e/out');

/** The `kubectl proxy` of the demo, e.g. http://127.0.0.1:36871/ (UI under /ui/, API at /apis). */
export function proxyUrl() {
  const url = process.env.KUBETEL_UI_URL;
  if (!url) throw new Error('KUBETEL_UI_URL is not set: run this through hack/ui-e2e.sh, which starts the demo');
  return url.endsWith('/') ? url : `${url}/`;
}

/** Headless Debian Chromium (playwright cannot download browsers here); hack/chromium.sh installs it. */
export async function launch() {
  mkdirSync(outDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run',
    ],
  });
}

/**
 * A node http proxy in front of `upstream` that answers the paths in `routes` itself
 * (`{ '/path': { code, body } }`, matched exactly or, for keys ending in `*`, by prefix) and
 * forwards every other request unchanged. Resolves to its base URL; `close()` stops it.
 */
export function routingProxy(upstream, routes) {
  const up = new URL(upstream);
  const match = (path) =>
    Object.entries(routes).find(([k]) => (k.endsWith('*') ? path.startsWith(k.slice(0, -1)) : path === k))?.[1];
  const server = createServer((req, res) => {
    const canned = match(new URL(req.url, 'http://x').pathname);
    if (canned) {
      res.writeHead(canned.code, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify(canned.body));
    }
    const fwd = request(
      { host: up.hostname, port: up.port, path: req.url, method: req.method, headers: { ...req.headers, host: up.host } },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    fwd.on('error', (e) => {
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`upstream ${upstream} unreachable: ${e.message}`);
    });
    req.pipe(fwd);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })),
  );
}

/** GET a path of the API through the proxy, as JSON; throws with the Status message otherwise. */
export async function getJson(base, path) {
  const r = await fetch(new URL(path.replace(/^\//, ''), base));
  const body = await r.json();
  if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${body.message ?? ''}`);
  return body;
}

/** Creates a TelemetryQuery with `spec` in `namespace` through the proxy and returns the answer. */
export async function runQuery(base, namespace, spec) {
  const r = await fetch(new URL(`apis/telemetry.kubetel.io/v1alpha1/namespaces/${namespace}/queries`, base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ apiVersion: 'telemetry.kubetel.io/v1alpha1', kind: 'TelemetryQuery', metadata: { generateName: 'e2e-' }, spec }),
  });
  const body = await r.json();
  if (r.status !== 201) throw new Error(`create query: ${r.status} ${body.message ?? ''}`);
  return body;
}

/**
 * True in the page once every panel of the dashboard finished loading and shows its data: a drawn
 * chart, a stat value, table or list rows. Returns performance.now() then (ms since navigation), so
 * waitForFunction's value is the time to a fully drawn dashboard. Run in the browser.
 */
export function allPanelsDrawn(expected) {
  const panels = [...document.querySelectorAll('article.panel')];
  if (panels.length !== expected) return false;
  const drawn = panels.every((p) => {
    if (p.querySelector('.spinner, .loading')) return false;
    const type = p.dataset.panelType;
    if (type === 'TimeSeries') return (p.querySelector('.chart')?.uplot?.data?.[0]?.length ?? 0) > 0;
    if (type === 'Stat') return /\d/.test(p.querySelector('.stat-value')?.textContent ?? '');
    return p.querySelectorAll('tbody tr').length > 0;
  });
  return drawn && performance.now();
}

/** Counts and prints checks; each one states what it saw, so a failure explains itself. */
export class Checks {
  passed = 0;
  failed = [];

  check(ok, what) {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (ok) this.passed++;
    else this.failed.push(what);
    return ok;
  }

  /** Runs one named step; an exception in it (a timeout waiting for the UI) is a failed check. */
  async step(name, fn) {
    const t0 = Date.now();
    try {
      await fn();
    } catch (e) {
      this.check(false, `${name}: ${String(e?.message ?? e).split('\n')[0]}`);
    }
    console.log(`     (${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
}

/** Median, 95th percentile (nearest rank: a value that occurred), min and max of numbers. */
export function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  const p95 = s[Math.max(0, Math.ceil(0.95 * s.length) - 1)];
  return { median, p95, min: s[0], max: s[s.length - 1], n: s.length };
}
