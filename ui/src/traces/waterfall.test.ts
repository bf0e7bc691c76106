// Tests of the trace waterfall layout and nanosecond time parsing.
import { describe, expect, it } from 'vitest';
import type { Span } from '../api/types';
import { epochMicros, layoutWaterfall } from './waterfall';

const span = (id: string, start: string, ms: number, children: Span[] = []): Span => ({
  spanId: id, parentSpanId: '', name: id, kind: 'Server', service: 's', namespace: 'n', pod: 'p',
  start, duration: `${ms}ms`, durationNanos: ms * 1e6, status: 'Ok', attributes: {}, children,
});

describe('waterfall', () => {
  it('parses times to microseconds', () => {
    expect(epochMicros('2026-11-30T22:00:00.000123789Z') - epochMicros('2026-11-30T22:00:00Z')).toBe(123);
    expect(epochMicros('2026-11-30T22:00:00.5Z') - epochMicros('2026-11-30T22:00:00Z')).toBe(5e5);
  });
  it('orders spans depth first by start with offsets and widths', () => {
    const rows = layoutWaterfall([
      span('root', '2026-11-30T22:00:00Z', 100, [
        span('b', '2026-11-30T22:00:00.050Z', 50),
        span('a', '2026-11-30T22:00:00.010Z', 20, [span('a1', '2026-11-30T22:00:00.015Z', 5)]),
      ]),
    ]);
    expect(rows.map((r) => `${r.span.spanId}@${r.depth}`)).toEqual(['root@0', 'a@1', 'a1@2', 'b@1']);
    expect(rows[0]).toMatchObject({ offset: 0, width: 1 });
    expect(rows[3].offset).toBeCloseTo(0.5);
    expect(rows[3].width).toBeCloseTo(0.5);
    expect(layoutWaterfall([])).toEqual([]);
  });
});
