// Tests of the firing-series check of AlertRules.
import { describe, expect, it } from 'vitest';
import { comparatorSymbol, firingSeries, holds } from './firing';

describe('firing series', () => {
  it('compares like the operator', () => {
    expect(holds('GreaterThan', 5, 5)).toBe(false);
    expect(holds('GreaterThanOrEqual', 5, 5)).toBe(true);
    expect(holds('LessThan', 1, 2)).toBe(true);
    expect(holds('NotEqual', 1, 1)).toBe(false);
    expect(comparatorSymbol('LessThanOrEqual')).toBe('≤');
  });
  it('keeps series whose last value meets the threshold', () => {
    const s = (route: string, v: (number | null)[]) => ({ labels: { 'http.route': route }, points: v.map((value, i) => ({ time: `t${i}`, value })) });
    const out = firingSeries([s('/a', [900, 100]), s('/b', [100, 850, null]), s('/c', [])], { comparator: 'GreaterThan', threshold: 800 });
    expect(out.map((x) => x.labels['http.route'])).toEqual(['/b']);
    expect(firingSeries([s('/a', [1])], {})).toEqual([]);
  });
});
