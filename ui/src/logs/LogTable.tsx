// A list of log records (time, severity, service, body) with a link from each line that carries a
// trace id to that trace's waterfall.
import type { LogRecord } from '../api/types';
import { DataTable, type Column } from '../components/DataTable';

const SEVERITY_CLASS: Record<string, string> = {
  FATAL: 'sev-error', ERROR: 'sev-error', WARN: 'sev-warn', WARNING: 'sev-warn', INFO: 'sev-info', DEBUG: 'sev-debug', TRACE: 'sev-debug',
};

export function traceHref(namespace: string, traceId: string): string {
  return `#/explore/trace/${encodeURIComponent(namespace)}/${encodeURIComponent(traceId)}`;
}

function logColumns(namespace: string): Column<LogRecord>[] {
  return [
    { header: 'Time', td: { className: 'nowrap' }, cell: (l) => l.spec.timestamp.replace('T', ' ').slice(0, 23) },
    { header: 'Severity', td: (l) => ({ className: SEVERITY_CLASS[l.spec.severity?.toUpperCase()] ?? '' }), cell: (l) => l.spec.severity },
    { header: 'Service', cell: (l) => l.spec.service },
    { header: 'Body', td: { className: 'body' }, cell: (l) => l.spec.body },
    {
      header: 'Trace',
      cell: (l) =>
        l.spec.traceId ? (
          <a href={traceHref(l.metadata.namespace ?? namespace, l.spec.traceId)} title={`Open trace ${l.spec.traceId}`}>
            trace
          </a>
        ) : (
          ''
        ),
    },
  ];
}

export function LogTable({ items, namespace }: { items: LogRecord[]; namespace: string }) {
  if (items.length === 0) return <p className="muted">No log records in this range.</p>;
  return <DataTable className="logs" rows={items} columns={logColumns(namespace)} rowKey={(l) => l.metadata.name!} />;
}
