// Tests of durations, step choice and time range parsing, URL form and API windows.
import { describe, expect, it } from 'vitest';
import { chooseStep, formatDuration, parseDuration } from './duration';
import {
  describeRange, listWindow, parseInstant, queryWindow, rangeFromInputs, rangeFromParams,
  rangeToParams, resolveRange,
} from './timeRange';

const NOW = Date.parse('2026-11-30T22:00:00Z');

describe('durations', () => {
  it('parses the project grammar', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('2w3d')).toBe(17 * 86_400_000);
  });
  it('refuses other forms with advice', () => {
    expect(() => parseDuration('PT15M')).toThrow(/ISO-8601.*15m/);
    expect(() => parseDuration('1.5h')).toThrow(/not a duration/);
    expect(() => parseDuration('-5m')).toThrow();
    expect(() => parseDuration('5M')).toThrow();
    expect(() => parseDuration('')).toThrow();
  });
  it('formats back to the shortest text', () => {
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(86_400_000 * 8)).toBe('1w1d');
    expect(formatDuration(1500)).toBe('1s500ms');
  });
  it('chooses whole-second steps within the point limit', () => {
    expect(chooseStep(3_600_000, 300)).toBe('15s');
    expect(chooseStep(60_000, 300)).toBe('1s');
    expect(chooseStep(31 * 86_400_000, 1000)).toBe('1h');
    const step = parseDuration(chooseStep(31 * 86_400_000, 100_000));
    expect((31 * 86_400_000) / step).toBeLessThanOrEqual(11_000);
  });
});

describe('time ranges', () => {
  it('reads relative ranges from the picker', () => {
    expect(rangeFromInputs('now-1h', 'now', NOW)).toEqual({ kind: 'relative', last: '1h' });
    expect(rangeFromInputs('15m', '', NOW)).toEqual({ kind: 'relative', last: '15m' });
  });
  it('reads absolute ranges and mixed ones', () => {
    expect(rangeFromInputs('2026-11-30T20:00:00Z', '2026-11-30T21:00:00Z', NOW)).toEqual({
      kind: 'absolute', start: Date.parse('2026-11-30T20:00:00Z'), end: Date.parse('2026-11-30T21:00:00Z'),
    });
    expect(rangeFromInputs('now-2h', 'now-1h', NOW)).toEqual({
      kind: 'absolute', start: NOW - 7_200_000, end: NOW - 3_600_000,
    });
    expect(parseInstant('2026-11-30 20:00Z', NOW)).toBe(Date.parse('2026-11-30T20:00:00Z'));
  });
  it('refuses reversed and unreadable ranges', () => {
    expect(() => rangeFromInputs('now-1h', 'now-2h', NOW)).toThrow(/before/);
    expect(() => rangeFromInputs('yesterday', 'now', NOW)).toThrow(/not a time/);
  });
  it('resolves to milliseconds', () => {
    expect(resolveRange({ kind: 'relative', last: '1h' }, NOW)).toEqual({ start: NOW - 3_600_000, end: NOW });
  });
  it('round-trips through URL parameters', () => {
    const abs = { kind: 'absolute' as const, start: NOW - 60_000, end: NOW };
    const p = rangeToParams(abs);
    expect(p).toEqual({ from: '2026-11-30T21:59:00Z', to: '2026-11-30T22:00:00Z' });
    expect(rangeFromParams(p.from, p.to)).toEqual(abs);
    expect(rangeFromParams('now-6h', null)).toEqual({ kind: 'relative', last: '6h' });
    expect(rangeFromParams('garbage', null)).toBeUndefined();
  });
  it('gives query and list windows, clamping lists to 7 days', () => {
    expect(queryWindow({ kind: 'relative', last: '1h' })).toEqual({ range: '1h' });
    expect(queryWindow({ kind: 'absolute', start: NOW - 60_000, end: NOW })).toEqual({
      start: '2026-11-30T21:59:00Z', end: '2026-11-30T22:00:00Z',
    });
    expect(listWindow({ kind: 'relative', last: '30d' })).toEqual({ window: '1w' });
    expect(listWindow({ kind: 'absolute', start: NOW - 10 * 86_400_000, end: NOW })).toEqual({
      start: '2026-11-23T22:00:00Z', end: '2026-11-30T22:00:00Z',
    });
    expect(describeRange({ kind: 'relative', last: '1h' })).toBe('Last 1h');
  });
});
