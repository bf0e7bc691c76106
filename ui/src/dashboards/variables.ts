// Dashboard variables: the selected values (from the URL or the defaults), their substitution
// into panel filter values written as $name or ${name}, and the query that finds their choices.
import type { Dashboard, DashboardVariable, QueryFilter, QuerySeries, TelemetryQuerySpec } from '../api/types';
import { chooseStep } from '../time/duration';
import { type TimeRange, queryWindow, rangeDurationMs } from '../time/timeRange';

/** Selected values per variable name; an empty list means "all" (the filter is dropped). */
export type VariableValues = Record<string, string[]>;

/** The values in effect: the URL's where given, else each variable's default. */
export function effectiveValues(dashboard: Dashboard, fromUrl: VariableValues): VariableValues {
  const out: VariableValues = {};
  for (const v of dashboard.spec.variables ?? []) {
    if (Object.prototype.hasOwnProperty.call(fromUrl, v.name)) out[v.name] = fromUrl[v.name];
    else out[v.name] = v.defaultValue ? [v.defaultValue] : [];
  }
  return out;
}

const REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** The variable a value refers to when it is exactly `$name` or `${name}`. */
function wholeRef(value: string): string | undefined {
  const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$|^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * Filters with variables substituted. A value that is exactly `$name` expands to every selected
 * value (Equals/NotEquals become In/NotIn when there are several); a filter whose values all
 * refer to "all" variables is dropped; `$name` inside a longer value takes the first selection.
 * Unknown variables are left as written.
 */
export function substituteFilters(
  filters: QueryFilter[] | undefined,
  values: VariableValues,
): QueryFilter[] {
  const out: QueryFilter[] = [];
  for (const f of filters ?? []) {
    const vals = f.values ?? [];
    const expanded: string[] = [];
    let refs = 0;
    let allRefs = 0;
    for (const value of vals) {
      const name = wholeRef(value);
      if (name !== undefined && Object.prototype.hasOwnProperty.call(values, name)) {
        refs++;
        const selected = values[name];
        if (selected.length === 0) allRefs++;
        expanded.push(...selected);
      } else {
        expanded.push(
          value.replace(REF, (whole, a?: string, b?: string) => {
            const sel = values[(a ?? b) as string];
            return sel && sel.length ? sel[0] : whole;
          }),
        );
      }
    }
    if (refs > 0 && allRefs === refs && expanded.length === 0) continue;
    let operator = f.operator;
    if (expanded.length > 1 && (operator ?? 'Equals') === 'Equals') operator = 'In';
    if (expanded.length > 1 && operator === 'NotEquals') operator = 'NotIn';
    const filter: QueryFilter = { key: f.key, values: [...new Set(expanded)] };
    if (operator) filter.operator = operator;
    out.push(filter);
  }
  return out;
}

/**
 * The TelemetryQuery that finds a traces or logs variable's choices: a count per value of its key
 * over the range, in a few buckets. One GROUP BY in storage and a few hundred bytes back, instead
 * of hundreds of listed objects; it runs beside the panels when a dashboard opens. Undefined for
 * metrics variables (a metrics query needs a metric name; their choices come from the list).
 */
export function variableValuesSpec(variable: DashboardVariable, range: TimeRange): TelemetryQuerySpec | undefined {
  const signal = variable.signal ?? 'metrics';
  if (signal === 'metrics') return undefined;
  return {
    signal,
    aggregation: 'count',
    groupBy: [variable.key],
    step: chooseStep(rangeDurationMs(range), 4),
    ...queryWindow(range),
  };
}

/** The values of `key` among query series (one series per value), sorted, without empty ones. */
export function valuesOfSeries(series: QuerySeries[], key: string): string[] {
  return [...new Set(series.map((s) => s.labels?.[key] ?? '').filter((v) => v !== ''))].sort();
}
