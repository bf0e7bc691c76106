// Alert rule evaluation for display: which series of a rule's query result meet its threshold
// condition now (their last value), the same comparison the operator's Comparator makes.
import type { AlertRuleSpec, Comparator, QuerySeries } from '../api/types';
import { lastValue } from '../dashboards/chartData';

export function holds(comparator: Comparator, value: number, threshold: number): boolean {
  switch (comparator) {
    case 'GreaterThan': return value > threshold;
    case 'GreaterThanOrEqual': return value >= threshold;
    case 'LessThan': return value < threshold;
    case 'LessThanOrEqual': return value <= threshold;
    case 'Equal': return value === threshold;
    case 'NotEqual': return value !== threshold;
  }
}

export function comparatorSymbol(c: Comparator | undefined): string {
  const symbols: Record<Comparator, string> = {
    GreaterThan: '>', GreaterThanOrEqual: '≥', LessThan: '<', LessThanOrEqual: '≤', Equal: '=', NotEqual: '≠',
  };
  return c ? symbols[c] : '?';
}

/** Series whose last value meets the condition. */
export function firingSeries(series: QuerySeries[], condition: AlertRuleSpec['condition']): QuerySeries[] {
  const { comparator, threshold } = condition;
  if (!comparator || threshold === undefined || threshold === null) return [];
  return series.filter((s) => {
    const v = lastValue(s);
    return v !== null && holds(comparator, v, threshold);
  });
}
