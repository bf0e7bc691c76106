// End-to-end check of the UI in headless Chromium (playwright-core, Debian's /usr/bin/chromium)
// against the local demo: `hack/demo.sh up` must be running. Starts `kubectl proxy` serving
// ui/dist at /ui/ and, in front of it, scripts/fixture-server.mjs (kubetel.io fixtures until the
// API server serves them in standalone mode; a Kubernetes 403 on alertrules for the denial check).
// Renders the example dashboard, changes the range, turns on auto-refresh and sees new queries,
// opens a trace waterfall, jumps from a log line to its trace, exports CSV and compares its rows
// with the API's answer, checks the 403 message, and prints the first-load time of the dashboard.
// Screenshots go to ui/test-output/. Not in CI yet.   Usage: node e2e/run.mjs
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ui = new URL('..', import.meta.url).pathname;
const repo = join(ui, '..');
const out = join(ui, 'test-output');
const kubeconfig = process.env.KUBECONFIG ?? join(repo, '.demo/kubeconfig');
const children = [];
const consoleErrors = [];
let failures = 0;

function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url, tries = 60) {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

function start(cmd, args, env = {}) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  children.push(child);
  return child;
}

async function main() {
  if (!existsSync(kubeconfig)) throw new Error(`no ${kubeconfig}: run hack/demo.sh up first`);
  if (!existsSync(join(ui, 'dist/index.html'))) throw new Error('no ui/dist: run npm run build first');
  mkdirSync(out, { recursive: true });
  const proxyPort = await freePort();
  start('kubectl', ['proxy', `--port=${proxyPort}`, `--www=${join(ui, 'dist')}`, '--www-prefix=/ui/'], { KUBECONFIG: kubeconfig });
  await waitFor(`http://127.0.0.1:${proxyPort}/version`);
  const served = (await fetch(`http://127.0.0.1:${proxyPort}/apis/kubetel.io/v1alpha1/dashboards`)).status === 200;
  console.log(`kubetel.io objects from ${served ? 'the API server' : 'fixtures (standalone mode does not serve them yet)'}`);
  const frontPort = await freePort();
  const fixtureArgs = [join(ui, 'scripts/fixture-server.mjs'), '--port', String(frontPort), '--upstream', `http://127.0.0.1:${proxyPort}`];
  start('node', [...fixtureArgs, ...(served ? ['--kubetel-upstream'] : [])]);
  const denyPort = await freePort();
  start('node', [...fixtureArgs.slice(0, 2), String(denyPort), ...fixtureArgs.slice(3), '--deny', '/apis/kubetel.io/v1alpha1/alertrules', ...(served ? ['--kubetel-upstream'] : [])]);
  const base = `http://127.0.0.1:${frontPort}/ui/`;
  await waitFor(base);
  await waitFor(`http://127.0.0.1:${denyPort}/ui/`);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  // Dashboard list → dashboard with panels drawn; first load timed.
  await page.goto(`${base}#/dashboards?ns=shop`);
  const link = page.getByRole('link', { name: 'Shop service overview' }).first();
  await link.waitFor();
  await page.screenshot({ path: join(out, '01-dashboards.png') });
  await page.goto('about:blank');
  const t0 = Date.now();
  await page.goto(`${base}#/dashboards/shop/service-overview`);
  await page.locator('article.panel').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('article.panel .loading, article.panel .spinner').length === 0 && document.querySelectorAll('article.panel').length > 0, null, { timeout: 15000 });
  const firstLoadMs = Date.now() - t0;
  const titles = await page.locator('article.panel h2').allTextContents();
  check(titles.includes('Requests per second') && titles.includes('Error logs'), `panel titles shown: ${titles.join(' | ')}`);
  const canvases = await page.locator('article.panel canvas').count();
  check(canvases >= 3, `charts drawn (${canvases} canvases)`);
  check((await page.locator('article.panel .error').count()) === 0, 'no panel errors');
  await page.screenshot({ path: join(out, '02-dashboard.png'), fullPage: true });

  // Time range.
  await page.getByRole('button', { name: /Last 1h/ }).click();
  await page.getByRole('button', { name: 'Last 15m' }).click();
  await page.waitForFunction(() => location.hash.includes('from=now-15m'));
  check(true, 'time range in the URL after picking Last 15m');

  // Auto-refresh: new TelemetryQuery answers arrive.
  let queries = 0;
  page.on('response', (r) => r.url().endsWith('/queries') && r.status() === 201 && queries++);
  await page.getByLabel('Auto-refresh').selectOption('5s');
  await page.waitForTimeout(11_000);
  check(queries >= 3, `auto-refresh created ${queries} queries in 11 s`);
  await page.getByLabel('Auto-refresh').selectOption('off');

  // CSV export of the first panel vs the API's answer.
  const panel = page.locator('article.panel').first();
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /as CSV$/ }).click()]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
  const spec = { signal: 'traces', filters: [{ key: 'service', values: ['checkout'] }, { key: 'kind', values: ['Server'] }], aggregation: 'rate', groupBy: ['http.route'], range: '15m', step: '2s' };
  const answer = await (await fetch(`http://127.0.0.1:${proxyPort}/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/queries`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ apiVersion: 'telemetry.kubetel.io/v1alpha1', kind: 'TelemetryQuery', metadata: { generateName: 'e2e-' }, spec }),
  })).json();
  const apiRows = answer.status.series.reduce((n, s) => n + s.points.length, 0);
  check(csv[0] === 'http.route,time,value' && Math.abs(csv.length - 1 - apiRows) <= answer.status.series.length * 2, `CSV rows ${csv.length - 1} ≈ API points ${apiRows}`);

  // Trace waterfall from the TraceList panel.
  await page.locator('article[data-panel-type="TraceList"] a').first().click();
  await page.locator('.wf-row').first().waitFor();
  const spans = await page.locator('.wf-row').count();
  check(spans > 1, `waterfall shows ${spans} spans`);
  await page.locator('.wf-row').nth(1).click();
  check(await page.locator('.span-detail').isVisible(), 'span attributes shown');
  await page.screenshot({ path: join(out, '03-trace.png'), fullPage: true });

  // Log line → its trace.
  await page.goto(`${base}#/explore/logs?ns=shop&severity=ERROR&from=now-1h`);
  const traceLink = page.getByRole('link', { name: 'trace' }).first();
  await traceLink.waitFor({ timeout: 15000 });
  await page.screenshot({ path: join(out, '04-logs.png') });
  await traceLink.click();
  await page.locator('.wf-row').first().waitFor();
  check(page.url().includes('#/explore/trace/shop/'), 'jumped from a log line to its trace');

  // Trace search: error traces of a service, slowest first with a minimum duration.
  await page.goto(`${base}#/explore/traces?ns=shop&status=Error&minDuration=1ms&from=now-1h`);
  await page.locator('.page .grid-table tbody tr').first().waitFor({ timeout: 15000 });
  const statuses = await page.locator('.page .grid-table tbody tr td:nth-child(5)').allTextContents();
  check(statuses.length > 0 && statuses.every((s) => s === 'Error'), `trace search by status finds ${statuses.length} error traces`);
  await page.screenshot({ path: join(out, '10-traces.png') });

  // Live logs through a watch: the demo's trickle adds records every 5 s.
  await page.goto(`${base}#/explore/logs?ns=shop&live=1&from=now-5m`);
  await page.waitForFunction(() => /Live: [1-9]/.test(document.body.textContent ?? ''), null, { timeout: 20000 }).catch(() => {});
  const liveText = await page.locator('[aria-live]').textContent().catch(() => '');
  check(/Live: [1-9]/.test(liveText ?? ''), `watch streams new log records (${liveText})`);

  // Explore metrics and the alerts page.
  await page.goto(`${base}#/explore/metrics?ns=shop&metric=http.server.request.duration&agg=p95&groupBy=service&from=now-1h`);
  await page.locator('.panel canvas').first().waitFor({ timeout: 15000 });
  check(true, 'explore metrics charts a TelemetryQuery');
  await page.screenshot({ path: join(out, '06-explore-metrics.png') });
  await page.goto(`${base}#/alerts?ns=shop`);
  await page.getByRole('cell', { name: 'checkout-latency-p99' }).waitFor();
  await page.getByRole('button', { name: 'Show' }).first().click();
  await page.waitForTimeout(1500);
  check((await page.locator('.page .error').count()) === 0, 'alert rules listed and their series shown without errors');
  check(await page.getByRole('heading', { name: 'Tenants' }).isVisible(), 'tenants listed for a user allowed to list them');
  await page.screenshot({ path: join(out, '07-alerts.png') });
  await page.evaluate(() => document.querySelector('header button[aria-label^="Switch to"]')?.click());
  await page.goto(`${base}#/dashboards/shop/broken-overview`);
  await page.locator('.warning').first().waitFor();
  check((await page.locator('article.panel.invalid').count()) === 1, 'invalid panel outlined with its condition');
  await page.screenshot({ path: join(out, '08-invalid-dark.png'), fullPage: true });

  // Chart frame time with tens of thousands of points: the explore chart (one series per route and
  // service) gets 10 000 synthetic points per series and is redrawn on resize.
  await page.goto(`${base}#/explore/metrics?ns=shop&metric=http.server.request.duration&agg=p95&groupBy=http.route,service&from=now-1h`);
  await page.locator('.panel canvas').first().waitFor({ timeout: 30000 });
  const frame = await page.evaluate(async () => {
    const u = document.querySelector('.chart').uplot;
    const n = 10_000;
    const count = u.series.length - 1;
    const x = Array.from({ length: n }, (_, i) => 1_796_000_000 + i);
    const ys = Array.from({ length: count }, (_, s) => x.map((_, i) => 100 + 50 * Math.sin(i / (200 + s * 30)) + Math.random() * 20));
    const t0 = performance.now();
    u.setData([x, ...ys]);
    await Promise.resolve();
    const firstDraw = performance.now() - t0;
    const draw = [];
    const frames = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      u.setSize({ width: 1300 - (i % 2) * 40, height: 360 });
      await Promise.resolve();
      draw.push(performance.now() - t);
      await new Promise((r) => requestAnimationFrame(() => r()));
      frames.push(performance.now() - t);
    }
    const med = (a) => a.sort((p, q) => p - q)[Math.floor(a.length / 2)];
    const idle = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await new Promise((r) => requestAnimationFrame(() => r()));
      idle.push(performance.now() - t);
    }
    return { points: count * n, firstDraw, draw: med(draw), frame: med(frames), idle: med(idle) };
  });
  await page.screenshot({ path: join(out, '09-many-points.png') });
  check(frame.points >= 20_000 && frame.draw < 50, `chart redraw of ${frame.points} points under 50 ms`);
  console.log(`benchmark: uPlot, ${frame.points} points: first draw ${frame.firstDraw.toFixed(1)} ms, redraw median ${frame.draw.toFixed(1)} ms (main thread), frame median ${frame.frame.toFixed(1)} ms (idle frame ${frame.idle.toFixed(1)} ms)`);

  // A 403 reads as a permission problem.
  const denied = await context.newPage();
  await denied.goto(`http://127.0.0.1:${denyPort}/ui/#/alerts`);
  const err = denied.getByRole('alert').first();
  await err.waitFor();
  const text = await err.textContent();
  check(/403 Forbidden/.test(text ?? '') && /cannot list/.test(text ?? ''), `403 shown: ${text}`);
  await denied.screenshot({ path: join(out, '05-forbidden.png') });

  const unexpected = consoleErrors.filter((e) => !/403|Forbidden/.test(e));
  check(unexpected.length === 0, `no console errors${unexpected.length ? `: ${unexpected.join(' / ')}` : ''}`);
  console.log(`benchmark: first load of the dashboard (${titles.length} panels, page load to every panel drawn, HTTP cache warm) ${firstLoadMs} ms`);
  await browser.close();
}

main()
  .catch((e) => {
    console.error(e);
    failures++;
  })
  .finally(() => {
    for (const c of children) c.kill();
    console.log(failures ? `e2e: ${failures} failed` : 'e2e: all passed');
    process.exit(failures ? 1 : 0);
  });
