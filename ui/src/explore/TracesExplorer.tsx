// Explore traces: search by service (any span), status and minimum duration over the time range;
// each result links to its waterfall.
import { useState } from 'react';
import type { ViewProps } from '../app/context';
import { ErrorBox, Loading } from '../components/ErrorBox';
import { useAsync } from '../components/useAsync';
import { download, objectsToCsv } from '../export/csv';
import { TRACE_COLUMNS } from '../dashboards/panelData';
import { parseDuration } from '../time/duration';
import { listWindow } from '../time/timeRange';
import { TraceTable } from '../traces/TraceTable';

export function TracesExplorer({ state, setState, tick, api, namespace }: ViewProps & { namespace: string }) {
  const range = state.range ?? { kind: 'relative' as const, last: '1h' };
  const p = state.params;
  const [draft, setDraft] = useState({ service: p.service ?? '', status: p.status ?? '', minDuration: p.minDuration ?? '' });
  let minNanos = 0;
  let durationError: unknown;
  try {
    if (p.minDuration) minNanos = parseDuration(p.minDuration) * 1e6;
  } catch (e) {
    durationError = e;
  }
  const params: Record<string, string | number> = { ...listWindow(range), limit: 500 };
  const fields: string[] = [];
  if (p.service) fields.push(`service=${p.service}`);
  if (p.status) fields.push(`status=${p.status}`);
  if (fields.length) params.fieldSelector = fields.join(',');
  const { data, error, loading } = useAsync((s) => api.listTraces(namespace, params, s), JSON.stringify([namespace, params, tick]));
  const items = (data?.items ?? []).filter((t) => (t.status?.durationNanos ?? 0) >= minNanos);

  return (
    <div>
      <form
        className="query-form"
        onSubmit={(e) => {
          e.preventDefault();
          setState({ ...state, params: { ...p, ns: namespace, ...draft } }, true);
        }}
      >
        <label>
          Service <input value={draft.service} onChange={(e) => setDraft({ ...draft, service: e.target.value })} placeholder="any" />
        </label>
        <label>
          Status{' '}
          <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
            <option value="">any</option>
            <option>Ok</option>
            <option>Error</option>
            <option>Unset</option>
          </select>
        </label>
        <label>
          Min duration <input value={draft.minDuration} onChange={(e) => setDraft({ ...draft, minDuration: e.target.value })} placeholder="e.g. 250ms" size={8} />
        </label>
        <button type="submit">Search</button>
        <button type="button" className="small" disabled={!data} onClick={() => download('traces.csv', 'text/csv', objectsToCsv(items, TRACE_COLUMNS))}>CSV</button>
        <button type="button" className="small" disabled={!data} onClick={() => download('traces.json', 'application/json', JSON.stringify(items, null, 2))}>JSON</button>
      </form>
      {durationError !== undefined && <ErrorBox error={durationError} />}
      {error !== undefined && <ErrorBox error={error} />}
      {loading && <Loading what="traces" />}
      {data && (
        <>
          <p className="muted small">
            {items.length} trace{items.length === 1 ? '' : 's'}
            {data.metadata.continue ? ' (first 500 of the range; narrow the search for more)' : ''}
          </p>
          <TraceTable items={items} namespace={namespace} slowestFirst={!!p.minDuration} />
        </>
      )}
    </div>
  );
}
