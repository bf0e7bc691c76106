// A time series chart drawn with uPlot (canvas; stays smooth with tens of thousands of points):
// resizes with its box, follows the light/dark theme and shows a legend with values under the cursor.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { AlignedData } from '../dashboards/chartData';
import { formatValue } from '../dashboards/chartData';

const PALETTE = ['#3b82f6', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#06b6d4', '#ec4899', '#84cc16', '#f97316', '#64748b'];

export function seriesColor(i: number): string {
  return PALETTE[i % PALETTE.length];
}

interface Props {
  data: AlignedData;
  unit?: string;
  height: number;
  title: string;
}

export function TimeSeriesChart({ data, unit, height, title }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const css = getComputedStyle(document.documentElement);
    const fg = css.getPropertyValue('--muted').trim() || '#888';
    const grid = css.getPropertyValue('--grid').trim() || '#8883';
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const opts: uPlot.Options = {
      width: Math.max(100, el.clientWidth),
      height,
      title: undefined,
      legend: { show: data.names.length <= 12, live: true },
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: true } },
      axes: [
        { ...axis },
        { ...axis, size: 60, values: (_u, vals) => vals.map((v) => formatValue(v)) },
      ],
      series: [
        {},
        ...data.names.map((name, i) => ({
          label: name,
          stroke: seriesColor(i),
          // 1 CSS px: without a GPU (remote desktops, headless) Chromium rasterises a 1.5 px
          // antialiased line several times slower than a 1 px one, halving the frame rate while
          // panning or zooming tens of thousands of points (docs/benchmarks.md).
          width: 1,
          spanGaps: false,
          points: { show: false },
          value: (_u: uPlot, v: number | null) => formatValue(v, unit),
        })),
      ],
    };
    const u = new uPlot(opts, [data.x, ...data.ys] as uPlot.AlignedData, el);
    plot.current = u;
    // Exposed on the element for the browser suite (e2e/run.mjs reads what is drawn) and the
    // benchmark (e2e/bench.mjs pans and zooms it).
    (el as HTMLDivElement & { uplot?: uPlot }).uplot = u;
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(100, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [data, unit, height]);

  return <div ref={box} className="chart" role="img" aria-label={`${title}: chart of ${data.names.length} series`} />;
}
