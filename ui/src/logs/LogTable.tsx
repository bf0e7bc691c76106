// A list of log records (time, severity, service, body) with a link from each line that carries a
// trace id to that trace's waterfall.
import type { LogRecord } from '../api/types';

const SEVERITY_CLASS: Record<string, string> = {
  FATAL: 'sev-error', ERROR: 'sev-error', WARN: 'sev-warn', WARNING: 'sev-warn', INFO: 'sev-info', DEBUG: 'sev-debug', TRACE: 'sev-debug',
};

export function traceHref(namespace: string, traceId: string): string {
  return `#/explore/trace/${encodeURIComponent(namespace)}/${encodeURIComponent(traceId)}`;
}

export function LogTable({ items, namespace }: { items: LogRecord[]; namespace: string }) {
  if (items.length === 0) return <p className="muted">No log records in this range.</p>;
  return (
    <table className="grid-table logs">
      <thead>
        <tr>
          <th>Time</th>
          <th>Severity</th>
          <th>Service</th>
          <th>Body</th>
          <th>Trace</th>
        </tr>
      </thead>
      <tbody>
        {items.map((l) => (
          <tr key={l.metadata.name}>
            <td className="nowrap">{l.spec.timestamp.replace('T', ' ').slice(0, 23)}</td>
            <td className={SEVERITY_CLASS[l.spec.severity?.toUpperCase()] ?? ''}>{l.spec.severity}</td>
            <td>{l.spec.service}</td>
            <td className="body">{l.spec.body}</td>
            <td>
              {l.spec.traceId ? (
                <a href={traceHref(l.metadata.namespace ?? namespace, l.spec.traceId)} title={`Open trace ${l.spec.traceId}`}>
                  trace
                </a>
              ) : (
                ''
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
