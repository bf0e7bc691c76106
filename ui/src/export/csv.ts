// CSV and JSON export of a panel's data: query series in long form (one row per point, one column
// per label key), and generic rows (trace and log lists); plus the browser download helper.
import type { QuerySeries } from '../api/types';

/** One CSV field, quoted when it holds a comma, quote, CR or LF (RFC 4180). */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV with a header line; lines end in CRLF as RFC 4180 says. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Columns: every label key (sorted), then time and value; one row per point. */
export function seriesToCsv(series: QuerySeries[]): string {
  const keys = [...new Set(series.flatMap((s) => Object.keys(s.labels ?? {})))].sort();
  const rows: unknown[][] = [];
  for (const s of series) {
    for (const p of s.points) {
      rows.push([...keys.map((k) => s.labels?.[k] ?? ''), p.time, p.value]);
    }
  }
  return toCsv([...keys, 'time', 'value'], rows);
}

/** Objects to CSV with the given columns (dotted paths read nested fields). */
export function objectsToCsv(objects: unknown[], columns: string[]): string {
  const get = (o: unknown, path: string): unknown =>
    path.split('.').reduce<unknown>(
      (acc, k) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[k] : undefined),
      o,
    );
  const rows = objects.map((o) =>
    columns.map((c) => {
      const v = get(o, c);
      return v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
    }),
  );
  return toCsv(columns, rows);
}

/** A file name from a title: lower-case words joined by dashes. */
export function fileName(title: string, ext: string): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'panel';
  return `${base}.${ext}`;
}

/** Saves text as a file through a temporary link. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
