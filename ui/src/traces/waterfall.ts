// Lays out a trace's span tree as waterfall rows: depth-first order, depth, and each span's offset
// and width as fractions of the whole trace.
import type { Span } from '../api/types';

export interface WaterfallRow {
  span: Span;
  depth: number;
  /** Start offset from the trace's start, 0..1. */
  offset: number;
  /** Duration as a fraction of the trace, at least a sliver so it stays visible. */
  width: number;
  /** Start offset from the trace's start in microseconds. */
  startMicros: number;
}

/**
 * Microseconds since the epoch of an RFC 3339 time (nanoseconds since the epoch do not fit a
 * double exactly; microseconds do, and are finer than a waterfall can draw).
 */
export function epochMicros(time: string): number {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(time);
  if (!m) return Date.parse(time) * 1e3;
  const frac = (m[2] ?? '').padEnd(6, '0').slice(0, 6);
  return Date.parse(`${m[1]}${m[3]}`) * 1e3 + Number(frac);
}

export function layoutWaterfall(roots: Span[]): WaterfallRow[] {
  const flat: { span: Span; depth: number; start: number }[] = [];
  const walk = (s: Span, depth: number) => {
    flat.push({ span: s, depth, start: epochMicros(s.start) });
    const kids = [...(s.children ?? [])].sort((a, b) => epochMicros(a.start) - epochMicros(b.start));
    for (const c of kids) walk(c, depth + 1);
  };
  for (const r of [...roots].sort((a, b) => epochMicros(a.start) - epochMicros(b.start))) walk(r, 0);
  if (flat.length === 0) return [];
  const t0 = Math.min(...flat.map((f) => f.start));
  const t1 = Math.max(...flat.map((f) => f.start + f.span.durationNanos / 1e3));
  const total = Math.max(1, t1 - t0);
  return flat.map((f) => ({
    span: f.span,
    depth: f.depth,
    offset: (f.start - t0) / total,
    width: Math.max(0.002, f.span.durationNanos / 1e3 / total),
    startMicros: f.start - t0,
  }));
}
