// The Explore filter box: `key=value`, `key!=value`, `key in (a,b)`, `key notin (a,b)`, `key`,
// `!key`, separated by commas outside parentheses, parsed into TelemetryQuery filters.
import type { QueryFilter } from '../api/types';

function splitTerms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter(Boolean);
}

/** Filters of the text; throws an Error naming the term it cannot read. */
export function parseFilterText(text: string): QueryFilter[] {
  return splitTerms(text).map((term) => {
    let m = /^([^\s=!]+)\s+(in|notin)\s*\(([^)]*)\)$/i.exec(term);
    if (m) {
      const values = m[3].split(',').map((v) => v.trim()).filter(Boolean);
      return { key: m[1], operator: m[2].toLowerCase() === 'in' ? 'In' : 'NotIn', values };
    }
    m = /^([^\s=!]+)\s*(!=|==|=)\s*(.+)$/.exec(term);
    if (m) return { key: m[1], operator: m[2] === '!=' ? 'NotEquals' : 'Equals', values: [m[3].trim()] };
    m = /^!\s*([^\s=!]+)$/.exec(term);
    if (m) return { key: m[1], operator: 'DoesNotExist' };
    if (/^[^\s=!()]+$/.test(term)) return { key: term, operator: 'Exists' };
    throw new Error(`Cannot read the filter "${term}"; write key=value, key!=value, key in (a,b) or key`);
  });
}
