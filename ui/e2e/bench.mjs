// The web UI's benchmark in headless Chromium against a running demo (hack/bench.sh ui starts it,
// through hack/ui-e2e.sh): (1) first load of the example 8-panel dashboard, each load in a fresh
// browser context (empty HTTP cache, as a first visit), timed from navigation start to every panel
// drawn with its data, median and p95 over N loads (goal: at most 1 s on loopback); (2) frame time
// while panning and zooming a uPlot chart of the dashboard holding tens of thousands of points.
// Prints the numbers and writes them to ui/e2e/out/bench.json.
//   KUBETEL_UI_URL=... node e2e/bench.mjs [--loads 20] [--warmup 3] [--frames 240] [--series 8] [--points 10000]
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { allPanelsDrawn, getJson, launch, outDir, proxyUrl, stats } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const loads = opt('--loads', 20);
const warmup = opt('--warmup', 3);
const frames = opt('--frames', 240);
const seriesCount = opt('--series', 8);
const points = opt('--points', 10_000);
const GOAL_MS = 1000;
const viewport = { width: 1400, height: 1000 };
const api = proxyUrl();
const dashboardUrl = `${api}ui/#/dashboards/shop/service-overview`;
// Auto-refresh off for the pan/zoom run, so no panel reloads in the middle of it.
const quietUrl = `${dashboardUrl}?refresh=off`;
const fmt = (v) => v.toFixed(1);

/** One first visit: a new context (no cache, no storage), navigation start → all panels drawn. */
async function firstLoad(browser, panels) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    await page.goto(dashboardUrl);
    const done = await page.waitForFunction(allPanelsDrawn, panels, { polling: 'raf', timeout: 30_000 });
    // Where the time went: the app booting until it asks for the Dashboard, then the API calls.
    const timing = await page.evaluate(() => {
      const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/apis/'));
      const boot = Math.min(...api.map((e) => e.startTime));
      return { requests: performance.getEntriesByType('resource').length, boot, api: Math.max(...api.map((e) => e.responseEnd)) - boot };
    });
    return { ms: await done.jsonValue(), ...timing };
  } finally {
    await context.close();
  }
}

/**
 * In the page: fills the "Requests per second" chart with `series` × `points` synthetic points
 * (a sine with noise per series, one hour wide), then animates for `frames` frames — zooming in to
 * a 2 % window and out again, then panning that window across — calling the same setScale that a
 * drag-to-zoom calls, once per animation frame. Returns the per-frame draw times and the intervals
 * between frames.
 */
async function panZoom({ series, points, frames }) {
  const el = [...document.querySelectorAll('article.panel')]
    .find((p) => p.querySelector('h2')?.textContent === 'Requests per second')
    .querySelector('.chart');
  const u = el.uplot;
  // More series drawn like the app's own (its line width matters: see TimeSeriesChart).
  const { width } = u.series[1];
  while (u.series.length - 1 < series) {
    u.addSeries({ label: `synthetic ${u.series.length}`, stroke: '#8b5cf6', width, points: { show: false } });
  }
  const end = Math.floor(Date.now() / 1000);
  const x = Array.from({ length: points }, (_, i) => end - 3600 + (i * 3600) / points);
  const ys = Array.from({ length: u.series.length - 1 }, (_, s) =>
    x.map((_, i) => 100 + 50 * Math.sin(i / (150 + s * 40)) + Math.random() * 20),
  );
  let t = performance.now();
  u.batch(() => u.setData([x, ...ys]));
  const firstDraw = performance.now() - t;
  const [x0, x1] = [x[0], x.at(-1)];
  const full = x1 - x0;
  // Frame i's visible window: zoom in (first quarter), out (second), pan a 2 % window (second half).
  const windowAt = (i) => {
    const q = frames / 4;
    if (i < 2 * q) {
      const f = i < q ? i / q : 2 - i / q;
      const w = full * (1 - 0.98 * f);
      const mid = x0 + full / 2;
      return [mid - w / 2, mid + w / 2];
    }
    const w = full * 0.02;
    const start = x0 + ((i - 2 * q) / (2 * q)) * (full - w);
    return [start, start + w];
  };
  const draws = [];
  const stamps = [];
  await new Promise((resolve) => {
    let i = 0;
    const tick = (ts) => {
      stamps.push(ts);
      if (i >= frames) return resolve();
      const [min, max] = windowAt(i++);
      t = performance.now();
      u.batch(() => u.setScale('x', { min, max }));
      draws.push(performance.now() - t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const intervals = stamps.slice(1).map((s, i) => s - stamps[i]);
  // Frames with nothing to do, for comparison: the display's own frame interval.
  const idle = [];
  let last = await new Promise((r) => requestAnimationFrame(r));
  for (let i = 0; i < 30; i++) {
    const now = await new Promise((r) => requestAnimationFrame(r));
    idle.push(now - last);
    last = now;
  }
  return { points: (u.series.length - 1) * points, firstDraw, draws, intervals: intervals.slice(1), idle, zoomed: u.scales.x.max - u.scales.x.min < full };
}

async function main() {
  const dashboard = await getJson(api, '/apis/kubetel.io/v1alpha1/namespaces/shop/dashboards/service-overview');
  const panels = dashboard.spec.panels.length;
  const browser = await launch();
  try {
    console.log(`bench: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; Chromium ${browser.version()} headless, software rendering`);
    // Loads not counted: the API server's JIT and ClickHouse's caches are cold right after start.
    for (let i = 0; i < warmup; i++) await firstLoad(browser, panels);
    const runs = [];
    for (let i = 0; i < loads; i++) runs.push(await firstLoad(browser, panels));
    const load = stats(runs.map((r) => r.ms));
    console.log(
      `bench: first load of the ${panels}-panel dashboard, fresh browser context each (empty cache), ${runs[0].requests} requests, ${load.n} loads after ${warmup} not counted: ` +
        `median ${fmt(load.median)} ms, p95 ${fmt(load.p95)} ms (min ${fmt(load.min)}, max ${fmt(load.max)}); goal ≤ ${GOAL_MS} ms: ${load.p95 <= GOAL_MS ? 'met' : load.median <= GOAL_MS ? 'median met, p95 not' : 'NOT met'}`,
    );
    const boot = stats(runs.map((r) => r.boot));
    const calls = stats(runs.map((r) => r.api));
    const paint = stats(runs.map((r) => r.ms - r.boot - r.api));
    console.log(
      `bench: of which (medians) app boot to its first API call ${fmt(boot.median)} ms, first API call to last answer ${fmt(calls.median)} ms, drawing after that ${fmt(paint.median)} ms`,
    );

    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(quietUrl);
    await page.waitForFunction(allPanelsDrawn, panels, { polling: 'raf', timeout: 30_000 });
    const r = await page.evaluate(panZoom, { series: seriesCount, points, frames });
    await page.screenshot({ path: join(outDir, 'bench-pan-zoom.png') });
    await context.close();
    const frame = stats(r.intervals);
    const draw = stats(r.draws);
    const idle = stats(r.idle);
    const slow = r.intervals.filter((v) => v > 1.5 * idle.median).length;
    console.log(
      `bench: uPlot pan/zoom, ${r.points} points (${seriesCount} series × ${points}), ${frames} frames: frame time median ${fmt(frame.median)} ms, p95 ${fmt(frame.p95)} ms ` +
        `(idle frame ${fmt(idle.median)} ms; ${slow} frames over 1.5× idle); redraw per frame (main thread) median ${fmt(draw.median)} ms, p95 ${fmt(draw.p95)} ms; first draw ${fmt(r.firstDraw)} ms`,
    );
    if (!r.zoomed) throw new Error('the chart did not zoom');
    writeFileSync(
      join(outDir, 'bench.json'),
      JSON.stringify({ at: new Date().toISOString(), loadavg: loadavg(), chromium: browser.version(), firstLoad: load, loads: runs, panZoom: { points: r.points, frames, frame, draw, idle, slow, firstDraw: r.firstDraw } }, null, 2),
    );
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
