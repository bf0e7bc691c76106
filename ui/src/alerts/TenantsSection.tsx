// Telemetry tenants (cluster-scoped TelemetryTenants) for those allowed to list them: namespaces,
// retention, viewers and conditions. Hidden when the user may not list them or the API has none.
import type { Api } from '../api/resources';
import { ApiError } from '../api/status';
import { ErrorBox } from '../components/ErrorBox';
import { useAsync } from '../components/useAsync';
import { failingConditions } from '../dashboards/conditions';

export function TenantsSection({ api, tick }: { api: Api; tick: number }) {
  const { data, error } = useAsync((s) => api.listTenants(s), String(tick));
  if (error instanceof ApiError && (error.code === 403 || error.code === 404)) return null;
  if (error !== undefined) return <ErrorBox error={error} />;
  if (!data || data.items.length === 0) return null;
  return (
    <section aria-labelledby="tenants-title">
      <h2 id="tenants-title">Tenants</h2>
      <table className="grid-table">
        <thead>
          <tr>
            <th>Tenant</th><th>Namespaces</th><th>Retention (metrics / traces / logs)</th><th>Viewers</th><th>Problems</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((t) => {
            const r = t.spec.retention ?? {};
            return (
              <tr key={t.metadata.name}>
                <td>{t.metadata.name}</td>
                <td>{(t.status?.resolvedNamespaces ?? t.spec.namespaces ?? []).join(', ')}</td>
                <td>{r.metrics ?? '30d'} / {r.traces ?? '7d'} / {r.logs ?? '14d'}</td>
                <td>{(t.spec.viewers ?? []).map((v) => `${v.kind} ${v.namespace ? `${v.namespace}/` : ''}${v.name}`).join(', ')}</td>
                <td className="sev-warn small">
                  {failingConditions(t.status?.conditions).map((c) => `${c.type}=${c.status}: ${c.message ?? c.reason ?? ''}`).join('; ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
