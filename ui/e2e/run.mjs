// The web UI's end-to-end suite in headless Chromium against a running demo (hack/ui-e2e.sh starts
// it: ClickHouse with sample data, the API server in standalone mode serving examples/, and
// `kubectl proxy` serving ui/dist; hack/test.sh runs it). Lists and renders the example dashboard
// (8 panels, every one with data), changes the time range, turns on auto-refresh and sees newer data
// drawn, exports CSV and compares its rows with the API's answer to the same request, opens a trace
// waterfall, jumps from a log line to its trace, follows a live log watch, and reads a Kubernetes 403
// that a routing proxy in front of `kubectl proxy` returns for one path. Any console error fails it.
// Screenshots go to ui/e2e/out/. Prints one summary line with the number of checks passed.
//   KUBETEL_UI_URL=http://127.0.0.1:PORT/ node e2e/run.mjs   (normally: hack/ui-e2e.sh)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Checks, allPanelsDrawn, getJson, launch, outDir, proxyUrl, routingProxy, runQuery } from './lib.mjs';

const started = Date.now();
const api = proxyUrl();
const checks = new Checks();
const check = checks.check.bind(checks);
const DASHBOARD = '/apis/kubetel.io/v1alpha1/namespaces/shop/dashboards/service-overview';
const DENIED = '/apis/kubetel.io/v1alpha1/alertrules';
const DENIAL = 'alertrules.kubetel.io is forbidden: User "jane@example.com" cannot list resource "alertrules" in API group "kubetel.io" at the cluster scope';
const FORBIDDEN = {
  kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: DENIAL, reason: 'Forbidden',
  details: { group: 'kubetel.io', kind: 'alertrules' }, code: 403,
};

/** The example with a Valid=False condition naming panel 4, as the operator would report it. */
function brokenCopy(example) {
  const message = 'spec.panels[4] "Server request duration (p95)".query.groupBy[0]: no metrics in namespace shop carry attribute customer.tier';
  return {
    ...example,
    metadata: { ...example.metadata, name: 'broken-overview' },
    status: { panelCount: 8, conditions: [{ type: 'Valid', status: 'False', reason: 'UnknownAttribute', message }] },
  };
}

const shot = (page, name) => page.screenshot({ path: join(outDir, name), fullPage: true });
const panel = (page, title) => page.locator('article.panel', { has: page.getByRole('heading', { name: title, exact: true }) });
const drawn = (page, n) => page.waitForFunction(allPanelsDrawn, n, { timeout: 30_000, polling: 100 });
const latestX = (page, title) =>
  panel(page, title).locator('.chart').evaluate((el) => el.uplot.data[0].at(-1) ?? 0);

/** Every TelemetryQuery the page created: the spec it sent and the status it got back. */
function recordQueries(page) {
  const queries = [];
  page.on('response', async (r) => {
    if (r.request().method() !== 'POST' || !r.url().endsWith('/queries') || r.status() !== 201) return;
    const entry = { spec: r.request().postDataJSON().spec, at: Date.now() };
    queries.push(entry);
    entry.status = (await r.json().catch(() => ({}))).status;
  });
  return queries;
}

async function dashboardList(page, ui, example) {
  await page.goto(`${ui}#/dashboards`);
  const row = page.getByRole('row', { name: /Shop service overview/ });
  await row.waitFor();
  const cells = await row.getByRole('cell').allTextContents();
  check(cells[0] === example.spec.title && cells[1] === 'shop' && cells[2] === '8',
    `dashboard list (all namespaces) shows the example: ${cells.slice(0, 3).join(' | ')}`);
  await shot(page, '01-dashboards.png');
  await row.getByRole('link').click();
}

async function renderDashboard(page, example) {
  await drawn(page, example.spec.panels.length);
  const titles = await page.locator('article.panel h2').allTextContents();
  const expected = example.spec.panels.map((p) => p.title);
  check(JSON.stringify(titles) === JSON.stringify(expected), `the ${titles.length} panel titles shown: ${titles.join(' | ')}`);
  check(/from=now-1h/.test(page.url()) && /refresh=30s/.test(page.url()), `the dashboard's timeRange and refreshInterval in the URL: ${page.url().split('?')[1]}`);
  // Pixels in the first series' colour (#3b82f6; axes and grid are grey): the line itself is drawn.
  const charts = await page.locator('article.panel[data-panel-type="TimeSeries"] canvas').evaluateAll((cs) =>
    cs.map((c) => {
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let line = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (px[i + 3] > 200 && Math.abs(px[i] - 59) < 40 && Math.abs(px[i + 1] - 130) < 40 && Math.abs(px[i + 2] - 246) < 40) line++;
      }
      return line;
    }),
  );
  check(charts.length === 3 && charts.every((n) => n > 100), `3 charts drawn (pixels of the series line per chart: ${charts.join(', ')})`);
  const stats = await page.locator('.stat-value').allTextContents();
  check(stats.length === 2 && /^[\d.,]+ ms$/.test(stats[0]) && /^[\d.,]+ req\/s$/.test(stats[1]), `stat panels show values: ${stats.join(' | ')}`);
  const pods = await panel(page, 'CPU per pod (max)').locator('tbody tr td:first-child').allTextContents();
  check(pods.length >= 2 && pods.every((p) => p.startsWith('checkout-')), `table panel: one row per checkout pod (${pods.join(', ')})`);
  const traces = await panel(page, 'Slowest traces').locator('tbody tr').count();
  const severities = await panel(page, 'Error logs').locator('tbody tr td:nth-child(2)').allTextContents();
  check(traces > 0 && severities.length > 0 && severities.every((s) => s === 'ERROR' || s === 'FATAL'),
    `trace list (${traces} traces) and error log list (${severities.length} ERROR/FATAL lines) filled`);
  const empty = await page.locator('article.panel').filter({ hasText: /No data|No traces|No log records/ }).count();
  const errors = await page.locator('article.panel [role="alert"]').count();
  check(empty === 0 && errors === 0, `every panel shows data (${empty} empty, ${errors} errors)`);
  await shot(page, '02-dashboard.png');
}

async function timeRange(page, queries, example) {
  const nQueries = example.spec.panels.filter((p) => !/List$/.test(p.type)).length;
  const lists = [];
  page.on('request', (r) => /\/(traces|logs)\?/.test(r.url()) && lists.push(r.url()));
  let since = queries.length;
  await page.getByRole('button', { name: 'Last 1h' }).click();
  await page.getByRole('button', { name: 'Last 15m' }).click();
  await page.waitForURL(/from=now-15m/);
  await drawn(page, example.spec.panels.length);
  const relative = queries.slice(since).filter((q) => q.spec.range === '15m');
  const span = await panel(page, 'Requests per second').locator('.chart').evaluate((el) => el.uplot.data[0].at(-1) - el.uplot.data[0][0]);
  check(relative.length >= nQueries && span <= 900 && lists.some((u) => u.includes('window=15m')),
    `Last 15m: ${relative.length} queries with range 15m, lists with window=15m, chart spans ${span} s`);

  // An absolute range ending 10 minutes ago: its data no longer changes, so the CSV check below
  // can ask the API the same question again and expect the same answer.
  const minute = 60_000;
  const end = Math.floor(Date.now() / minute) * minute - 10 * minute;
  const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
  since = queries.length;
  await page.getByRole('button', { name: 'Last 15m' }).click();
  const picker = page.getByRole('dialog', { name: 'Time range' });
  await picker.getByLabel('From', { exact: true }).fill(iso(end - 20 * minute));
  await picker.getByLabel('To', { exact: true }).fill(iso(end));
  await picker.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/from=20/);
  await drawn(page, example.spec.panels.length);
  const absolute = queries.slice(since).filter((q) => q.spec.start === iso(end - 20 * minute) && q.spec.end === iso(end));
  const label = await page.locator('.picker > button').textContent();
  check(absolute.length >= nQueries && label.includes('→'), `absolute range ${label}: ${absolute.length} queries with its start/end`);
  await shot(page, '03-absolute-range.png');
  return { start: iso(end - 20 * minute), end: iso(end), lists };
}

async function csvExport(page, queries, window) {
  const title = 'Requests per second';
  const sent = queries.filter((q) => q.spec.groupBy?.includes('http.route') && q.spec.signal === 'traces' && q.spec.start === window.start).at(-1);
  const [file] = await Promise.all([page.waitForEvent('download'), panel(page, title).getByRole('button', { name: `Export ${title} as CSV` }).click()]);
  const lines = readFileSync(await file.path(), 'utf8').split('\r\n').filter(Boolean);
  const answer = await runQuery(api, 'shop', sent.spec);
  const expected = answer.status.series.flatMap((s) => s.points.map((p) => `${s.labels['http.route']},${p.time},${p.value}`));
  const same = JSON.stringify(lines.slice(1).sort()) === JSON.stringify(expected.sort());
  check(lines[0] === 'http.route,time,value' && expected.length > 10 && same,
    `CSV of "${title}": ${lines.length - 1} rows, the API's answer to the same query: ${expected.length} points, ${same ? 'identical' : 'DIFFERENT'}`);

  // The trace list panel: the same list request again through the proxy, compared by trace id.
  const listUrl = window.lists.filter((u) => u.includes('/traces?') && u.includes(`end=${encodeURIComponent(window.end)}`)).at(-1);
  const [traceFile] = await Promise.all([page.waitForEvent('download'), panel(page, 'Slowest traces').getByRole('button', { name: /as CSV$/ }).click()]);
  const traceRows = readFileSync(await traceFile.path(), 'utf8').split('\r\n').filter(Boolean);
  const listed = (await getJson(api, new URL(listUrl).pathname + new URL(listUrl).search)).items.map((t) => t.metadata.name);
  const ids = traceRows.slice(1).map((r) => r.split(',')[0]);
  check(traceRows[0].startsWith('metadata.name,') && ids.length > 0 && JSON.stringify([...ids].sort()) === JSON.stringify([...listed].sort()),
    `CSV of "Slowest traces": ${ids.length} traces, the same ${listed.length} the API lists for that request`);
}

async function autoRefresh(page, queries, example) {
  await page.getByRole('button', { name: /→/ }).click();
  await page.getByRole('button', { name: 'Last 15m' }).click();
  await drawn(page, example.spec.panels.length);
  const before = await latestX(page, 'Requests per second');
  const since = queries.length;
  await page.getByLabel('Auto-refresh').selectOption('5s');
  await page.waitForURL(/refresh=5s/);
  const grown = await page
    .waitForFunction(
      ([t, x]) => [...document.querySelectorAll('article.panel')].find((p) => p.querySelector('h2')?.textContent === t)?.querySelector('.chart')?.uplot?.data[0].at(-1) > x,
      ['Requests per second', before],
      { timeout: 25_000, polling: 250 },
    )
    .then(() => true, () => false);
  const after = await latestX(page, 'Requests per second');
  const rounds = queries.slice(since).filter((q) => q.spec.groupBy?.includes('http.route') && q.spec.signal === 'traces').length;
  const iso = (s) => new Date(s * 1000).toISOString().slice(11, 19);
  check(grown && rounds >= 1, `auto-refresh every 5s: ${rounds} refreshes, the chart's newest point moved ${iso(before)} → ${iso(after)}`);
  await page.getByLabel('Auto-refresh').selectOption('off');
}

async function waterfall(page) {
  const link = panel(page, 'Slowest traces').locator('tbody tr a').first();
  const id = decodeURIComponent((await link.getAttribute('href')).split('/').at(-1));
  await link.click();
  await page.locator('.wf-row').first().waitFor();
  const trace = await getJson(api, `/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/traces/${id}`);
  const rows = await page.locator('.wf-row').count();
  check(page.url().includes(`#/explore/trace/shop/${id}`) && rows === trace.status.spanCount && rows > 1,
    `waterfall of trace ${id.slice(0, 12)}: ${rows} span rows, the API's trace has ${trace.status.spanCount} spans`);
  const second = page.locator('.wf-row').nth(1);
  const name = (await second.locator('.wf-name').getAttribute('title')) ?? '';
  await second.click();
  const detail = page.locator('.span-detail');
  const heading = await detail.locator('h3').textContent();
  const attrs = await detail.locator('.attr dt').allTextContents();
  check(heading === name && attrs.length > 0, `selecting a span shows it: "${heading}" with attributes ${attrs.join(', ')}`);
  await shot(page, '04-trace.png');
}

async function logToTrace(page, ui) {
  await page.goto(`${ui}#/explore/logs?ns=shop&severity=ERROR&from=now-1h`);
  const row = page.locator('table.logs tbody tr').filter({ has: page.getByRole('link', { name: 'trace' }) }).first();
  await row.waitFor({ timeout: 20_000 });
  const body = await row.locator('td.body').textContent();
  const id = decodeURIComponent((await row.getByRole('link', { name: 'trace' }).getAttribute('href')).split('/').at(-1));
  await shot(page, '05-logs.png');
  await row.getByRole('link', { name: 'trace' }).click();
  await page.locator('.wf-row').first().waitFor();
  const heading = await page.locator('h1').textContent();
  const failed = await page.locator('.wf-bar.err').count();
  check(heading.includes(id) && failed > 0, `log line "${body}" → its trace ${id.slice(0, 12)} with ${failed} failed spans`);
  await shot(page, '06-log-trace.png');
}

async function liveLogs(page, ui) {
  await page.goto(`${ui}#/explore/logs?ns=shop&live=1&from=now-5m`);
  const ok = await page
    .waitForFunction(() => /Live: [1-9]/.test(document.querySelector('[aria-live]')?.textContent ?? ''), null, { timeout: 20_000 })
    .then(() => true, () => false);
  const text = await page.locator('[aria-live]').textContent().catch(() => '');
  check(ok, `a Kubernetes watch streams new log records (${text})`);
}

async function alertsAndDenial(page, ui) {
  await page.goto(`${ui}#/alerts?ns=shop`);
  await page.getByRole('cell', { name: 'checkout-latency-p99' }).waitFor();
  const rules = await page.locator('tbody tr td:nth-child(2)').allTextContents();
  check(rules.some((r) => r.startsWith('checkout-error-rate')) && rules.some((r) => r.startsWith('checkout-latency-p99')),
    `alert rules of namespace shop listed (${rules.length})`);
  await shot(page, '07-alerts.png');
  await page.goto(`${ui}#/alerts`);
  const alert = page.getByRole('alert').first();
  await alert.waitFor();
  const text = await alert.textContent();
  check(text === `403 Forbidden: ${DENIAL}`, `a 403 on ${DENIED} reads: ${text}`);
  await shot(page, '08-forbidden.png');
}

async function invalidPanelDark(page, ui) {
  await page.goto(`${ui}#/dashboards/shop/broken-overview`);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page.locator('.warning').first().waitFor();
  const outlined = await page.locator('article.panel.invalid h2').allTextContents();
  const banner = await page.locator('.page > .warning').first().textContent();
  const dark = await page.evaluate(() => document.documentElement.dataset.theme ?? document.documentElement.className);
  check(JSON.stringify(outlined) === '["Server request duration (p95)"]' && banner.includes('Valid=False') && /dark/.test(dark),
    `Valid=False banner and the panel it names outlined (${outlined.join(', ')}), dark theme (${dark})`);
  await shot(page, '09-invalid-dark.png');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
}

async function exploreMetrics(page, ui) {
  await page.goto(`${ui}#/explore/metrics?ns=shop&metric=http.server.request.duration&agg=p95&groupBy=service&from=now-1h`);
  await page.locator('.chart canvas').first().waitFor({ timeout: 20_000 });
  const names = await page.locator('.chart').evaluate((el) => el.uplot.series.slice(1).map((s) => s.label));
  check(['cart', 'catalog', 'checkout', 'frontend'].every((s) => names.includes(s)), `explore: p95 of http.server.request.duration by service charts ${names.join(', ')}`);
  await shot(page, '10-explore-metrics.png');
}

async function main() {
  const example = await getJson(api, DASHBOARD);
  const front = await routingProxy(api, {
    [DENIED]: { code: 403, body: FORBIDDEN },
    '/apis/kubetel.io/v1alpha1/namespaces/shop/dashboards/broken-overview': { code: 200, body: brokenCopy(example) },
  });
  const ui = `${front.url}ui/`;
  const browser = await launch();
  const consoleErrors = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(`${m.text()} (${m.location().url})`));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    const queries = recordQueries(page);
    let window;
    await checks.step('dashboard list', () => dashboardList(page, ui, example));
    await checks.step('render', () => renderDashboard(page, example));
    await checks.step('time range', async () => (window = await timeRange(page, queries, example)));
    if (window) await checks.step('CSV export', () => csvExport(page, queries, window));
    else check(false, 'CSV export: not run, it needs the absolute range of the time range step');
    await checks.step('auto-refresh', () => autoRefresh(page, queries, example));
    await checks.step('trace waterfall', () => waterfall(page));
    await checks.step('log to trace', () => logToTrace(page, ui));
    await checks.step('live logs', () => liveLogs(page, ui));
    await checks.step('alerts and a 403', () => alertsAndDenial(page, ui));
    await checks.step('invalid panel', () => invalidPanelDark(page, ui));
    await checks.step('explore metrics', () => exploreMetrics(page, ui));
    // Chromium logs every failed request; expected are the 403 the routing proxy returns, and the
    // 404 for TelemetryTenants, which standalone mode does not serve (the Alerts page hides them).
    const expected = [
      `status of 403 (Forbidden) (${front.url}${DENIED.slice(1)})`,
      `status of 404 (Not Found) (${front.url}apis/kubetel.io/v1alpha1/telemetrytenants)`,
    ];
    const unexpected = consoleErrors.filter((e) => !expected.some((end) => e.endsWith(end)));
    check(unexpected.length === 0, `no console errors${unexpected.length ? `: ${unexpected.join(' / ')}` : ''}`);
  } finally {
    await browser.close();
    front.close();
  }
}

main()
  .catch((e) => checks.check(false, `suite aborted: ${e?.stack ?? e}`))
  .finally(() => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const total = checks.passed + checks.failed.length;
    console.log(checks.failed.length
      ? `e2e: ${checks.failed.length} of ${total} checks FAILED (${checks.passed} passed) in ${seconds} s; screenshots in ui/e2e/out/`
      : `e2e: all ${total} checks passed in ${seconds} s; screenshots in ui/e2e/out/`);
    process.exit(checks.failed.length ? 1 : 0);
  });
