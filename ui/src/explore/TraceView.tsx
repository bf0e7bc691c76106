// One trace: its summary and a waterfall of its spans; selecting a span (click or Enter) shows its
// attributes, events and status message, and links to the trace's logs.
import { useState } from 'react';
import type { ViewProps } from '../app/context';
import type { Span } from '../api/types';
import { ErrorBox, Loading } from '../components/ErrorBox';
import { useAsync } from '../components/useAsync';
import { download } from '../export/csv';
import { layoutWaterfall } from '../traces/waterfall';

function SpanDetail({ span }: { span: Span }) {
  const attrs = Object.entries(span.attributes ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <aside className="span-detail" aria-label={`Span ${span.name}`}>
      <h3>{span.service}: {span.name}</h3>
      <dl>
        <dt>Span id</dt><dd className="mono">{span.spanId}</dd>
        <dt>Kind</dt><dd>{span.kind}</dd>
        <dt>Duration</dt><dd>{span.duration}</dd>
        <dt>Status</dt><dd className={span.status === 'Error' ? 'sev-error' : ''}>{span.status}{span.statusMessage ? `: ${span.statusMessage}` : ''}</dd>
        <dt>Pod</dt><dd>{span.pod}</dd>
        {attrs.map(([k, v]) => (
          <div key={k} className="attr"><dt>{k}</dt><dd>{v}</dd></div>
        ))}
      </dl>
      {(span.events ?? []).length > 0 && (
        <>
          <h4>Events</h4>
          <ul>
            {span.events!.map((e, i) => (
              <li key={i}>{e.time.slice(11, 23)} {e.name} {Object.entries(e.attributes).map(([k, v]) => `${k}=${v}`).join(' ')}</li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}

export function TraceView({ state, api }: ViewProps) {
  const route = state.route.view === 'trace' ? state.route : undefined;
  const { data, error, loading } = useAsync((s) => api.getTrace(route!.namespace, route!.traceId, s), `${route?.namespace}/${route?.traceId}`, !!route);
  const [selected, setSelected] = useState<string | undefined>();
  if (!route) return null;
  const rows = layoutWaterfall(data?.status?.spans ?? []);
  const current = rows.find((r) => r.span.spanId === selected)?.span ?? rows[0]?.span;
  const logsHref = `#/explore/logs?ns=${encodeURIComponent(route.namespace)}&trace=${encodeURIComponent(route.traceId)}`;
  return (
    <section className="page">
      <div className="page-head">
        <h1>Trace <span className="mono">{route.traceId}</span></h1>
        <a href={logsHref}>Logs of this trace</a>
        <button type="button" className="small" disabled={!data} onClick={() => download(`trace-${route.traceId}.json`, 'application/json', JSON.stringify(data, null, 2))}>JSON</button>
      </div>
      {error !== undefined && <ErrorBox error={error} />}
      {loading && <Loading what="trace" />}
      {data?.status && (
        <p className="muted">
          {data.status.rootService}: {data.status.rootSpan} · {data.status.spanCount} spans · {data.status.duration} ·{' '}
          {data.status.errorCount} errors · {data.status.services.join(', ')} · {data.status.start}
        </p>
      )}
      {rows.length > 0 && (
        <div className="trace-layout">
          <div className="waterfall" role="listbox" aria-label="Spans">
            {rows.map((r) => (
              <div
                key={r.span.spanId}
                role="option"
                tabIndex={0}
                aria-selected={current?.spanId === r.span.spanId}
                className="wf-row"
                onClick={() => setSelected(r.span.spanId)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setSelected(r.span.spanId)}
              >
                <div className="wf-name" style={{ paddingLeft: `${r.depth * 14}px` }} title={`${r.span.service}: ${r.span.name}`}>
                  <span className="muted">{r.span.service}</span> {r.span.name}
                </div>
                <div className="wf-track">
                  <div
                    className={`wf-bar${r.span.status === 'Error' ? ' err' : ''}`}
                    style={{ left: `${r.offset * 100}%`, width: `${r.width * 100}%` }}
                  />
                  <span className="wf-dur" style={{ left: `${Math.min((r.offset + r.width) * 100, 88)}%` }}>{r.span.duration}</span>
                </div>
              </div>
            ))}
          </div>
          {current && <SpanDetail span={current} />}
        </div>
      )}
    </section>
  );
}
