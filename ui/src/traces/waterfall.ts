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
  startNanos: number;
}

/** Nanoseconds since the epoch of an RFC 3339 time with up to nanosecond precision. */
export function epochNanos(time: string): number {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(time);
  if (!m) return Date.parse(time) * 1e6;
  const frac = (m[2] ?? '').padEnd(9, '0').slice(0, 9);
  return Date.parse(`${m[1]}${m[3]}`) * 1e6 + Number(frac);
}

export function layoutWaterfall(roots: Span[]): WaterfallRow[] {
  const flat: { span: Span; depth: number; start: number }[] = [];
  const walk = (s: Span, depth: number) => {
    flat.push({ span: s, depth, start: epochNanos(s.start) });
    const kids = [...(s.children ?? [])].sort((a, b) => epochNanos(a.start) - epochNanos(b.start));
    for (const c of kids) walk(c, depth + 1);
  };
  for (const r of [...roots].sort((a, b) => epochNanos(a.start) - epochNanos(b.start))) walk(r, 0);
  if (flat.length === 0) return [];
  const t0 = Math.min(...flat.map((f) => f.start));
  const t1 = Math.max(...flat.map((f) => f.start + f.span.durationNanos));
  const total = Math.max(1, t1 - t0);
  return flat.map((f) => ({
    span: f.span,
    depth: f.depth,
    offset: (f.start - t0) / total,
    width: Math.max(0.002, f.span.durationNanos / total),
    startNanos: f.start - t0,
  }));
}
