// The Dashboards page: Dashboard objects of every namespace the user can list (all namespaces when
// allowed, else the chosen one), with title, panel count and validity.
import { withRoute, type ViewProps } from '../app/context';
import { formatHash } from '../app/urlState';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorBox, Loading } from '../components/ErrorBox';
import { NamespaceInput } from '../components/NamespaceInput';
import { useAsync } from '../components/useAsync';
import type { Dashboard } from '../api/types';
import { conditionOf } from './conditions';

function validText(d: Dashboard): string {
  const valid = conditionOf(d.status?.conditions, 'Valid');
  return valid ? `${valid.status}${valid.reason ? ` (${valid.reason})` : ''}` : '–';
}

function dashboardColumns(link: (d: Dashboard) => string): Column<Dashboard>[] {
  return [
    { header: 'Title', cell: (d) => <a href={link(d)}>{d.spec.title || d.metadata.name}</a> },
    { header: 'Namespace', cell: (d) => d.metadata.namespace },
    { header: 'Panels', cell: (d) => d.status?.panelCount ?? d.spec.panels?.length ?? 0 },
    { header: 'Valid', td: (d) => ({ title: conditionOf(d.status?.conditions, 'Valid')?.message }), cell: validText },
    { header: 'Description', td: { className: 'muted' }, cell: (d) => d.spec.description },
  ];
}

export function DashboardList({ state, setState, tick, api }: ViewProps) {
  const ns = state.params.ns ?? '';
  const { data, error, loading } = useAsync((s) => api.listDashboards(ns || undefined, s), `${ns}|${tick}`);
  const items = [...(data?.items ?? [])].sort((a, b) =>
    `${a.metadata.namespace}/${a.spec.title}`.localeCompare(`${b.metadata.namespace}/${b.spec.title}`),
  );
  const namespaces = [...new Set(items.map((d) => d.metadata.namespace ?? ''))];
  const link = (d: Dashboard) =>
    formatHash({
      ...withRoute(state, { view: 'dashboard', namespace: d.metadata.namespace!, name: d.metadata.name! }),
      range: undefined,
    });
  return (
    <section className="page">
      <div className="page-head">
        <h1>Dashboards</h1>
        <NamespaceInput
          value={ns}
          allowAll
          suggestions={namespaces}
          onChange={(v) => setState({ ...state, params: v ? { ns: v } : {} })}
        />
      </div>
      {error !== undefined && <ErrorBox error={error} />}
      {error !== undefined && !ns && <p>Enter a namespace you can read to list its dashboards.</p>}
      {loading && !data && <Loading what="dashboards" />}
      {data && items.length === 0 && <p className="muted">No dashboards{ns ? ` in ${ns}` : ''}.</p>}
      {items.length > 0 && (
        <DataTable rows={items} columns={dashboardColumns(link)} rowKey={(d) => `${d.metadata.namespace}/${d.metadata.name}`} />
      )}
    </section>
  );
}
