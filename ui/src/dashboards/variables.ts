// Dashboard variables: the selected values (from the URL or the defaults) and their substitution
// into panel filter values written as $name or ${name}.
import type { Dashboard, QueryFilter } from '../api/types';

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
