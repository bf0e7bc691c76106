// Explore traces: search by service (any span), status and minimum duration over the time range;
// each result links to its waterfall.
import type { ViewProps } from '../app/context';
import { ErrorBox, Loading } from '../components/ErrorBox';
import { useAsync } from '../components/useAsync';
import { TRACE_COLUMNS } from '../dashboards/panelData';
import { parseDuration } from '../time/duration';
import { listWindow } from '../time/timeRange';
import { TraceTable } from '../traces/TraceTable';
import { QueryForm } from './QueryForm';
import { useQueryDraft } from './useQueryDraft';

export function TracesExplorer(props: ViewProps & { namespace: string }) {
  const { state, tick, api, namespace } = props;
  const range = state.range ?? { kind: 'relative' as const, last: '1h' };
  const p = state.params;
  const { field, submit } = useQueryDraft(props, namespace, ['service', 'status', 'minDuration']);
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
      <QueryForm onSearch={submit} exportName="traces" results={data ? items : undefined} csvColumns={TRACE_COLUMNS}>
        <label>
          Service <input {...field('service')} placeholder="any" />
        </label>
        <label>
          Status{' '}
          <select {...field('status')}>
            <option value="">any</option>
            <option>Ok</option>
            <option>Error</option>
            <option>Unset</option>
          </select>
        </label>
        <label>
          Min duration <input {...field('minDuration')} placeholder="e.g. 250ms" size={8} />
        </label>
      </QueryForm>
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
