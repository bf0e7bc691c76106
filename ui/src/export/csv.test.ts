// Tests of CSV export: quoting, series in long form and object rows.
import { describe, expect, it } from 'vitest';
import { csvField, fileName, objectsToCsv, seriesToCsv } from './csv';

describe('CSV export', () => {
  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(1.5)).toBe('1.5');
  });

  it('writes series in long form with a column per label key', () => {
    const csv = seriesToCsv([
      { labels: { 'http.route': '/cart' }, points: [{ time: '2026-11-30T22:00:00Z', value: 1.5 }, { time: '2026-11-30T22:01:00Z', value: null }] },
      { labels: { 'http.route': '/pay, now', method: 'POST' }, points: [{ time: '2026-11-30T22:00:00Z', value: 2 }] },
    ]);
    expect(csv).toBe(
      'http.route,method,time,value\r\n' +
        '/cart,,2026-11-30T22:00:00Z,1.5\r\n' +
        '/cart,,2026-11-30T22:01:00Z,\r\n' +
        '"/pay, now",POST,2026-11-30T22:00:00Z,2\r\n',
    );
  });

  it('writes objects by dotted columns', () => {
    const csv = objectsToCsv(
      [{ metadata: { name: 'abc' }, status: { durationNanos: 12, services: ['a', 'b'] } }],
      ['metadata.name', 'status.durationNanos', 'status.services', 'status.missing'],
    );
    expect(csv).toBe('metadata.name,status.durationNanos,status.services,status.missing\r\nabc,12,"[""a"",""b""]",\r\n');
  });

  it('makes file names from titles', () => {
    expect(fileName('p99 latency (ms)', 'csv')).toBe('p99-latency-ms.csv');
    expect(fileName('!!!', 'json')).toBe('panel.json');
  });
});
