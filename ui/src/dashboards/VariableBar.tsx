// The dashboard's variable pickers: the values of each variable's key seen in the namespace over
// the time range (a count-by-key TelemetryQuery, or the signal's list), "All", or several values
// for multi variables.
import type { Api } from '../api/resources';
import type { DashboardVariable } from '../api/types';
import { useAsync } from '../components/useAsync';
import { type TimeRange, listWindow } from '../time/timeRange';
import { type VariableValues, valuesOfSeries, variableValuesSpec } from './variables';

interface Props {
  api: Api;
  namespace: string;
  variables: DashboardVariable[];
  values: VariableValues;
  range: TimeRange;
  onChange: (values: VariableValues) => void;
}

/** Values of `key` among listed objects: their labels, spec fields and (traces) services. */
export function valuesOfKey(items: { metadata: { labels?: Record<string, string> }; spec?: unknown; status?: unknown }[], key: string): string[] {
  const out = new Set<string>();
  for (const it of items) {
    const l = it.metadata.labels?.[key];
    if (l) out.add(l);
    const s = (it.spec as Record<string, unknown> | undefined)?.[key];
    if (typeof s === 'string' && s) out.add(s);
    if (key === 'service') {
      const services = (it.status as { services?: string[] } | undefined)?.services;
      services?.forEach((v) => out.add(v));
    }
  }
  return [...out].sort();
}

function VariablePicker({ api, namespace, variable, selected, range, onChange }: {
  api: Api; namespace: string; variable: DashboardVariable; selected: string[]; range: TimeRange;
  onChange: (v: string[]) => void;
}) {
  const signal = variable.signal ?? 'metrics';
  const params = { ...listWindow(range), limit: 500 };
  const spec = variableValuesSpec(variable, range);
  const { data } = useAsync(async (s) => {
    if (spec) {
      try {
        return valuesOfSeries((await api.runQuery(namespace, spec, s)).status?.series ?? [], variable.key);
      } catch (e) {
        // A key no query can group by (422), or no right to create queries (403): the list
        // below still shows the values the objects carry.
        if (s.aborted) throw e;
      }
    }
    const list = signal === 'traces' ? await api.listTraces(namespace, params, s)
      : signal === 'logs' ? await api.listLogs(namespace, params, s)
      : await api.listMetrics(namespace, params, s);
    return valuesOfKey(list.items, variable.key);
  }, `${namespace}|${signal}|${variable.key}|${JSON.stringify([params, spec])}`);
  const options = [...new Set([...(data ?? []), ...selected])].sort();
  const id = `var-${variable.name}`;
  return (
    <label htmlFor={id} className="variable">
      {variable.label ?? variable.name}{' '}
      <select
        id={id}
        multiple={variable.multi}
        value={variable.multi ? selected : (selected[0] ?? '')}
        onChange={(e) => {
          const vals = [...e.target.selectedOptions].map((o) => o.value).filter((v) => v !== '');
          onChange(vals);
        }}
      >
        <option value="">All</option>
        {options.map((o) => (
          <option key={o} value={o}>{o}</option>
        ))}
      </select>
    </label>
  );
}

export function VariableBar({ api, namespace, variables, values, range, onChange }: Props) {
  if (variables.length === 0) return null;
  return (
    <div className="variables" role="group" aria-label="Dashboard variables">
      {variables.map((v) => (
        <VariablePicker
          key={v.name}
          api={api}
          namespace={namespace}
          variable={v}
          selected={values[v.name] ?? []}
          range={range}
          onChange={(sel) => onChange({ ...values, [v.name]: sel })}
        />
      ))}
    </div>
  );
}
