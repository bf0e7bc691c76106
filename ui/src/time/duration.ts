// The project's one duration grammar (docs/api-resources.md#durations): integers each followed by
// ms, s, m, h, d or w, e.g. 500ms, 1h30m, 2w3d; parsing to milliseconds and formatting back.

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const WHOLE = /^(?:\d{1,9}(?:ms|s|m|h|d|w))+$/;
const PART = /(\d{1,9})(ms|s|m|h|d|w)/g;

/** Milliseconds of a duration such as `1h30m`; throws an Error saying what is wrong. */
export function parseDuration(text: string): number {
  const t = text.trim();
  if (t.length === 0 || t.length > 64 || !WHOLE.test(t)) {
    if (/^P/i.test(t)) throw new Error(`"${text}" is ISO-8601; write e.g. 15m or 1h30m instead`);
    throw new Error(`"${text}" is not a duration; write e.g. 30s, 15m, 1h30m or 7d`);
  }
  let total = 0;
  for (const m of t.matchAll(PART)) total += Number(m[1]) * UNIT_MS[m[2]];
  return total;
}

/** Whether the text is a valid duration. */
export function isDuration(text: string): boolean {
  try {
    parseDuration(text);
    return true;
  } catch {
    return false;
  }
}

/** The shortest duration text for whole milliseconds, e.g. 5400000 → `1h30m`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0s';
  let rest = Math.round(ms);
  let out = '';
  for (const unit of ['w', 'd', 'h', 'm', 's', 'ms']) {
    const size = UNIT_MS[unit];
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}

const NICE_STEPS_S = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
];

/**
 * A whole-second step (≥ 1 s) giving about `target` points over `rangeMs` and never more than
 * `maxPoints` (the server's limit is 11000).
 */
export function chooseStep(rangeMs: number, target = 300, maxPoints = 11_000): string {
  const ideal = rangeMs / 1000 / Math.max(1, target);
  let step = NICE_STEPS_S.find((s) => s >= ideal) ?? Math.ceil(ideal / 86400) * 86400;
  while (rangeMs / 1000 / step > maxPoints) step *= 2;
  return formatDuration(step * 1000);
}
