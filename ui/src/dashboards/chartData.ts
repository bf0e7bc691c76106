// Shapes query series for the chart: one shared, sorted time axis (seconds, as uPlot wants) with
// one value array per series (null where a series has no point), series names from their labels.
import type { QuerySeries } from '../api/types';

export interface AlignedData {
  x: number[];
  ys: (number | null)[][];
  names: string[];
}

/** `k=v, k=v` of a series' labels, or `value` when it has none. */
export function seriesName(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return 'value';
  if (entries.length === 1) return entries[0][1];
  return entries.map(([k, v]) => `${k}=${v}`).join(', ');
}

export function alignSeries(series: QuerySeries[]): AlignedData {
  const times = new Set<number>();
  const parsed = series.map((s) =>
    s.points.map((p) => {
      const t = Date.parse(p.time) / 1000;
      times.add(t);
      return [t, p.value] as const;
    }),
  );
  const x = [...times].filter((t) => !Number.isNaN(t)).sort((a, b) => a - b);
  const index = new Map(x.map((t, i) => [t, i]));
  const ys = parsed.map((pts) => {
    const y: (number | null)[] = new Array(x.length).fill(null);
    for (const [t, v] of pts) {
      const i = index.get(t);
      if (i !== undefined) y[i] = v;
    }
    return y;
  });
  return { x, ys, names: series.map((s) => seriesName(s.labels)) };
}

/**
 * The last non-null value of a series (Stat, Table, alerts). With `completeBefore` (epoch ms, the
 * window end) and `stepMs`, a last bucket still open at the window end is skipped when an earlier
 * value exists, since a partial bucket under-counts rates and counts.
 */
export function lastValue(s: QuerySeries | undefined, completeBefore?: number, stepMs?: number): number | null {
  if (!s) return null;
  let fallback: number | null = null;
  for (let i = s.points.length - 1; i >= 0; i--) {
    const v = s.points[i].value;
    if (v === null || v === undefined) continue;
    const partial =
      completeBefore !== undefined && stepMs !== undefined && Date.parse(s.points[i].time) + stepMs > completeBefore;
    if (!partial) return v;
    if (fallback === null) fallback = v;
  }
  return fallback;
}

/** A number for display: up to 3 significant decimals, thousands grouped, with the unit. */
export function formatValue(v: number | null | undefined, unit?: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const abs = Math.abs(v);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const text = v.toLocaleString('en-US', { maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}
