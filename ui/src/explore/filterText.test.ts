// Tests of the Explore filter box parser.
import { describe, expect, it } from 'vitest';
import { parseFilterText } from './filterText';

describe('filter text', () => {
  it('reads every operator, commas inside parentheses included', () => {
    expect(parseFilterText('service=checkout, http.route in (/cart,/pay), env!=dev, k, !j, a notin (x)')).toEqual([
      { key: 'service', operator: 'Equals', values: ['checkout'] },
      { key: 'http.route', operator: 'In', values: ['/cart', '/pay'] },
      { key: 'env', operator: 'NotEquals', values: ['dev'] },
      { key: 'k', operator: 'Exists' },
      { key: 'j', operator: 'DoesNotExist' },
      { key: 'a', operator: 'NotIn', values: ['x'] },
    ]);
    expect(parseFilterText('  ')).toEqual([]);
    expect(parseFilterText('service==a b')).toEqual([{ key: 'service', operator: 'Equals', values: ['a b'] }]);
  });
  it('says which term it cannot read', () => {
    expect(() => parseFilterText('service=a, (oops')).toThrow(/"\(oops"/);
  });
});
