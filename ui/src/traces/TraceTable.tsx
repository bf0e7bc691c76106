// A list of traces (root service and span, spans, duration, status, start), each linking to its
// waterfall; sorted slowest first when asked.
import type { Trace } from '../api/types';
import { DataTable, type Column } from '../components/DataTable';
import { traceHref } from '../logs/LogTable';

function traceColumns(namespace: string): Column<Trace>[] {
  return [
    {
      header: 'Trace',
      td: { className: 'mono' },
      cell: (t) => <a href={traceHref(t.metadata.namespace ?? namespace, t.metadata.name!)}>{t.metadata.name!.slice(0, 12)}</a>,
    },
    { header: 'Root', cell: (t) => <>{t.status?.rootService}: {t.status?.rootSpan}</> },
    { header: 'Spans', cell: (t) => t.status?.spanCount },
    { header: 'Duration', td: { className: 'num' }, cell: (t) => t.status?.duration },
    { header: 'Status', td: (t) => ({ className: t.status?.status === 'Error' ? 'sev-error' : '' }), cell: (t) => t.status?.status },
    { header: 'Start', td: { className: 'nowrap' }, cell: (t) => t.status?.start?.replace('T', ' ').slice(0, 19) },
  ];
}

export function TraceTable({ items, namespace, slowestFirst }: { items: Trace[]; namespace: string; slowestFirst?: boolean }) {
  if (items.length === 0) return <p className="muted">No traces in this range.</p>;
  const rows = slowestFirst ? [...items].sort((a, b) => (b.status?.durationNanos ?? 0) - (a.status?.durationNanos ?? 0)) : items;
  return <DataTable rows={rows} columns={traceColumns(namespace)} rowKey={(t) => t.metadata.name!} />;
}
