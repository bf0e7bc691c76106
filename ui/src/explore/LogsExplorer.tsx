// Explore logs: newest records of the range filtered by severity, service and text (the text is
// matched in the browser), each line with a trace id linking to its trace.
import { useEffect, useState } from 'react';
import type { LogRecord } from '../api/types';
import type { ViewProps } from '../app/context';
import { ErrorBox, Loading } from '../components/ErrorBox';
import { useAsync } from '../components/useAsync';
import { LOG_COLUMNS } from '../dashboards/panelData';
import { fetchNewestLogs } from '../logs/fetchLogs';
import { LogTable } from '../logs/LogTable';
import { listWindow } from '../time/timeRange';
import { QueryForm } from './QueryForm';
import { useQueryDraft } from './useQueryDraft';

const SEVERITIES = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];

export function LogsExplorer(props: ViewProps & { namespace: string }) {
  const { state, setState, tick, api, namespace } = props;
  const range = state.range ?? { kind: 'relative' as const, last: '15m' };
  const p = state.params;
  const { field, submit } = useQueryDraft(props, namespace, ['severity', 'service', 'q']);
  const params: Record<string, string | number> = { ...listWindow(range) };
  const labels: string[] = [];
  if (p.severity) labels.push(`severity in (${SEVERITIES.slice(SEVERITIES.indexOf(p.severity)).join(',')})`);
  if (labels.length) params.labelSelector = labels.join(',');
  const fields: string[] = [];
  if (p.service) fields.push(`service=${p.service}`);
  if (p.trace) fields.push(`traceId=${p.trace}`);
  if (fields.length) params.fieldSelector = fields.join(',');
  const { data, error, loading } = useAsync(
    (s) => fetchNewestLogs(api, namespace, params, 1000, s),
    JSON.stringify([namespace, params, tick]),
  );
  // Live: a watch from the list's resourceVersion adds new records on top (at most 1000 kept).
  const live = p.live === '1';
  const [streamed, setStreamed] = useState<LogRecord[]>([]);
  const [liveError, setLiveError] = useState<unknown>();
  const rv = data?.resourceVersion;
  const watchKey = JSON.stringify([namespace, params.labelSelector, params.fieldSelector, rv]);
  useEffect(() => {
    setStreamed([]);
    setLiveError(undefined);
    if (!live || !rv) return;
    const { window: _w, start: _s, end: _e, ...selectors } = params;
    void _w;
    void _s;
    void _e;
    return api.watchLogs(
      namespace,
      { ...selectors, resourceVersion: rv },
      (r) => setStreamed((prev) => (prev.some((x) => x.metadata.name === r.metadata.name) ? prev : [r, ...prev].slice(0, 1000))),
      setLiveError,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live, watchKey]);
  const needle = (p.q ?? '').toLowerCase();
  const merged = streamed.length ? [...streamed, ...(data?.items ?? [])].slice(0, 1000) : (data?.items ?? []);
  const items = merged.filter((l) => !needle || l.spec.body.toLowerCase().includes(needle));

  return (
    <div>
      <QueryForm
        onSearch={submit}
        exportName="logs"
        results={data ? items : undefined}
        csvColumns={LOG_COLUMNS}
        extra={
          <label className="live">
            <input
              type="checkbox"
              checked={live}
              onChange={(e) => setState({ ...state, params: { ...p, ns: namespace, live: e.target.checked ? '1' : '' } })}
            />{' '}
            Live (watch)
          </label>
        }
      >
        <label>
          Severity at least{' '}
          <select {...field('severity')}>
            <option value="">any</option>
            {SEVERITIES.map((s) => <option key={s}>{s}</option>)}
          </select>
        </label>
        <label>
          Service <input {...field('service')} placeholder="any" />
        </label>
        <label>
          Text <input {...field('q')} placeholder="contains…" />
        </label>
      </QueryForm>
      {p.trace && (
        <p className="muted small">
          Only logs of trace <a className="mono" href={`#/explore/trace/${encodeURIComponent(namespace)}/${encodeURIComponent(p.trace)}`}>{p.trace}</a>{' '}
          (<a href={`#/explore/logs?ns=${encodeURIComponent(namespace)}`}>all logs</a>)
        </p>
      )}
      {error !== undefined && <ErrorBox error={error} />}
      {liveError !== undefined && <ErrorBox error={liveError} />}
      {live && <p className="muted small" aria-live="polite">Live: {streamed.length} new record{streamed.length === 1 ? '' : 's'} since the list.</p>}
      {loading && <Loading what="logs" />}
      {data?.narrowedTo && <p className="muted small">Too many records in the range; showing the last {data.narrowedTo}.</p>}
      {data && <LogTable items={items} namespace={namespace} />}
    </div>
  );
}
