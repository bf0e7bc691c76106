// Turns TelemetryQuery filters into the list endpoints' label and field selectors (traces and logs
// lists for TraceList/LogList panels and Explore), reporting filters a selector cannot express.
import type { QueryFilter } from './types';

/** Keys the list endpoints accept as field-selector terms (docs/api-resources.md#selectors). */
const FIELD_KEYS: Record<'traces' | 'logs' | 'metrics', string[]> = {
  metrics: ['metric', 'service', 'pod', 'type'],
  traces: ['service', 'status', 'span', 'traceId'],
  logs: ['severity', 'service', 'pod', 'traceId', 'spanId'],
};

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export interface Selectors {
  labelSelector?: string;
  fieldSelector?: string;
  /** Filters no selector can express (shown to the user, not silently dropped). */
  unsupported: QueryFilter[];
}

function escapeField(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/=/g, '\\=');
}

function isLabelValue(v: string): boolean {
  return v.length <= 63 && LABEL_VALUE.test(v);
}

export function filtersToSelectors(
  signal: 'traces' | 'logs' | 'metrics',
  filters: QueryFilter[] | undefined,
): Selectors {
  const labels: string[] = [];
  const fields: string[] = [];
  const unsupported: QueryFilter[] = [];
  for (const f of filters ?? []) {
    const op = f.operator ?? 'Equals';
    const values = f.values ?? [];
    const allLabelValues = values.every(isLabelValue);
    const fieldOk = FIELD_KEYS[signal].includes(f.key);
    switch (op) {
      case 'Equals':
      case 'NotEquals': {
        const sym = op === 'Equals' ? '=' : '!=';
        if (values.length !== 1) unsupported.push(f);
        else if (allLabelValues) labels.push(`${f.key}${sym}${values[0]}`);
        else if (fieldOk) fields.push(`${f.key}${sym}${escapeField(values[0])}`);
        else unsupported.push(f);
        break;
      }
      case 'In':
      case 'NotIn':
        if (values.length === 0 || !allLabelValues) {
          if (op === 'In' && values.length === 1 && fieldOk) {
            fields.push(`${f.key}=${escapeField(values[0])}`);
          } else unsupported.push(f);
        } else {
          labels.push(`${f.key} ${op === 'In' ? 'in' : 'notin'} (${values.join(',')})`);
        }
        break;
      case 'Exists':
        labels.push(f.key);
        break;
      case 'DoesNotExist':
        labels.push(`!${f.key}`);
        break;
    }
  }
  return {
    labelSelector: labels.length ? labels.join(',') : undefined,
    fieldSelector: fields.length ? fields.join(',') : undefined,
    unsupported,
  };
}
