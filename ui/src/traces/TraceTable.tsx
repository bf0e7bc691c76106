// A list of traces (root service and span, spans, duration, status, start), each linking to its
// waterfall; sorted slowest first when asked.
import type { Trace } from '../api/types';
import { traceHref } from '../logs/LogTable';

export function TraceTable({ items, namespace, slowestFirst }: { items: Trace[]; namespace: string; slowestFirst?: boolean }) {
  if (items.length === 0) return <p className="muted">No traces in this range.</p>;
  const rows = slowestFirst ? [...items].sort((a, b) => (b.status?.durationNanos ?? 0) - (a.status?.durationNanos ?? 0)) : items;
  return (
    <table className="grid-table">
      <thead>
        <tr>
          <th>Trace</th>
          <th>Root</th>
          <th>Spans</th>
          <th>Duration</th>
          <th>Status</th>
          <th>Start</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.metadata.name}>
            <td className="mono">
              <a href={traceHref(t.metadata.namespace ?? namespace, t.metadata.name!)}>{t.metadata.name!.slice(0, 12)}</a>
            </td>
            <td>
              {t.status?.rootService}: {t.status?.rootSpan}
            </td>
            <td>{t.status?.spanCount}</td>
            <td className="num">{t.status?.duration}</td>
            <td className={t.status?.status === 'Error' ? 'sev-error' : ''}>{t.status?.status}</td>
            <td className="nowrap">{t.status?.start?.replace('T', ' ').slice(0, 19)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
