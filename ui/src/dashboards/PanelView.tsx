// One dashboard panel: frame with title, description and CSV/JSON export; loading and error
// states with the Kubernetes Status message; the visualisation for its type.
import type { Api } from '../api/resources';
import type { Panel } from '../api/types';
import { ErrorBox, Loading } from '../components/ErrorBox';
import { useAsync } from '../components/useAsync';
import { download, fileName } from '../export/csv';
import { LogTable } from '../logs/LogTable';
import type { TimeRange } from '../time/timeRange';
import { TraceTable } from '../traces/TraceTable';
import { type PanelData, loadPanel, panelCsv, panelJson } from './panelData';
import { SeriesPanel } from './SeriesPanel';
import type { VariableValues } from './variables';

export const ROW_HEIGHT = 36;

interface Props {
  api: Api;
  namespace: string;
  panel: Panel;
  values: VariableValues;
  range: TimeRange;
  tick: number;
  problem?: string;
}

function Body({ panel, data, namespace }: { panel: Panel; data: PanelData; namespace: string }) {
  const height = Math.max(60, (panel.gridPos?.h ?? 8) * ROW_HEIGHT - 64);
  if (data.kind === 'series') return <SeriesPanel panel={panel} query={data.query} height={height} />;
  const note = data.unsupported.length > 0 && (
    <div className="muted small">
      Not applied to this list (not expressible as a selector):{' '}
      {data.unsupported.map((f) => `${f.key} ${f.operator ?? 'Equals'} ${(f.values ?? []).join(',')}`).join('; ')}
    </div>
  );
  if (data.kind === 'traces') {
    return <>{note}<TraceTable items={data.items} namespace={namespace} slowestFirst /></>;
  }
  return (
    <>
      {note}
      {data.narrowedTo && <div className="muted small">Too many records in the range; showing the last {data.narrowedTo}.</div>}
      <LogTable items={data.items} namespace={namespace} />
    </>
  );
}

export function PanelView({ api, namespace, panel, values, range, tick, problem }: Props) {
  const key = JSON.stringify([namespace, panel, values, range, tick]);
  const { data, error, loading } = useAsync((s) => loadPanel(api, namespace, panel, values, range, s), key);
  const g = panel.gridPos ?? { x: 0, y: 0, w: 24, h: 8 };
  const style = {
    gridColumn: `${g.x + 1} / span ${g.w}`,
    gridRow: `${g.y + 1} / span ${g.h}`,
  };
  const titleId = `panel-${g.x}-${g.y}`;
  return (
    <article className={`panel${problem ? ' invalid' : ''}`} style={style} aria-labelledby={titleId} data-panel-type={panel.type}>
      <header className="panel-head">
        <h2 id={titleId} title={panel.description}>
          {panel.title}
        </h2>
        {loading && <span className="spinner" aria-label="loading" />}
        <div className="spacer" />
        <button type="button" className="small" aria-label={`Export ${panel.title} as CSV`} disabled={!data} onClick={() => data && download(fileName(panel.title, 'csv'), 'text/csv', panelCsv(data))}>
          CSV
        </button>
        <button type="button" className="small" aria-label={`Export ${panel.title} as JSON`} disabled={!data} onClick={() => data && download(fileName(panel.title, 'json'), 'application/json', panelJson(data))}>
          JSON
        </button>
      </header>
      <div className="panel-body">
        {problem && <div className="warning small" role="status">{problem}</div>}
        {error !== undefined && <ErrorBox error={error} />}
        {!data && loading && <Loading />}
        {data && <Body panel={panel} data={data} namespace={namespace} />}
      </div>
    </article>
  );
}
