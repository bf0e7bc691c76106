// Time ranges of the time picker: relative (the last 1h, ending now) or absolute (RFC 3339 start
// and end), their URL form, resolution to milliseconds and the window parameters sent to the API.
import { formatDuration, parseDuration } from './duration';

export type TimeRange =
  | { kind: 'relative'; last: string }
  | { kind: 'absolute'; start: number; end: number };

export const RELATIVE_PRESETS = ['5m', '15m', '30m', '1h', '3h', '6h', '12h', '24h', '2d', '7d'];

/** The longest window the list endpoints (metrics, traces, logs) accept. */
export const MAX_LIST_WINDOW_MS = 7 * 86_400_000;

/** Parses one end of a range: `now`, `now-1h`, a bare duration (`1h`, meaning now-1h) or a date. */
export function parseInstant(text: string, now: number): number {
  const t = text.trim();
  if (t === 'now') return now;
  const rel = /^now-(.+)$/.exec(t);
  if (rel) return now - parseDuration(rel[1]);
  const ms = Date.parse(t.includes('T') || /Z|[+-]\d\d:?\d\d$/.test(t) ? t : t.replace(' ', 'T'));
  if (Number.isNaN(ms)) throw new Error(`"${text}" is not a time; write now, now-1h or 2026-01-31T12:00:00Z`);
  return ms;
}

/** Builds a range from the picker's two inputs; `now` (or empty) as the end makes it relative. */
export function rangeFromInputs(from: string, to: string, now: number): TimeRange {
  const f = from.trim();
  const t = to.trim() || 'now';
  if (t === 'now') {
    const rel = /^now-(.+)$/.exec(f);
    const d = rel ? rel[1] : f;
    if (/^\d/.test(d) && !/[-:T]/.test(d)) {
      parseDuration(d);
      return { kind: 'relative', last: d };
    }
  }
  const start = parseInstant(f, now);
  const end = parseInstant(t, now);
  if (!(start < end)) throw new Error('The start must be before the end');
  return { kind: 'absolute', start, end };
}

/** Start and end in epoch milliseconds. */
export function resolveRange(range: TimeRange, now: number): { start: number; end: number } {
  if (range.kind === 'absolute') return { start: range.start, end: range.end };
  return { start: now - parseDuration(range.last), end: now };
}

export function rangeDurationMs(range: TimeRange): number {
  return range.kind === 'relative' ? parseDuration(range.last) : range.end - range.start;
}

/** RFC 3339 in UTC without milliseconds when they are zero. */
export function toRfc3339(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** URL parameters: `from=now-1h` (relative) or `from=<RFC 3339>&to=<RFC 3339>`. */
export function rangeToParams(range: TimeRange): Record<string, string> {
  if (range.kind === 'relative') return { from: `now-${range.last}` };
  return { from: toRfc3339(range.start), to: toRfc3339(range.end) };
}

/** The range in URL parameters, or undefined when absent or invalid. */
export function rangeFromParams(from: string | null, to: string | null): TimeRange | undefined {
  if (!from) return undefined;
  try {
    return rangeFromInputs(from, to ?? 'now', Date.now());
  } catch {
    return undefined;
  }
}

/** TelemetryQuery window fields: `range` when relative (the server's clock), else start/end. */
export function queryWindow(range: TimeRange): { range?: string; start?: string; end?: string } {
  if (range.kind === 'relative') return { range: range.last };
  return { start: toRfc3339(range.start), end: toRfc3339(range.end) };
}

/**
 * List window parameters (`window=` or `start=`/`end=`), clamped to the 7-day list maximum by
 * keeping the most recent part of the range.
 */
export function listWindow(range: TimeRange): Record<string, string> {
  if (range.kind === 'relative') {
    const ms = Math.min(parseDuration(range.last), MAX_LIST_WINDOW_MS);
    return { window: formatDuration(ms) };
  }
  const start = Math.max(range.start, range.end - MAX_LIST_WINDOW_MS);
  return { start: toRfc3339(start), end: toRfc3339(range.end) };
}

/** Human label for the picker button. */
export function describeRange(range: TimeRange): string {
  if (range.kind === 'relative') return `Last ${range.last}`;
  const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  return `${fmt(range.start)} → ${fmt(range.end)} UTC`;
}
