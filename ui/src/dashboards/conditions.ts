// Status conditions of Dashboards and AlertRules: finding one, and which panel an invalid
// Dashboard's Valid condition names (its message starts with panels[i]).
import type { Condition } from '../api/types';

export function conditionOf(conditions: Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

/** Conditions that are not True, for a banner. */
export function failingConditions(conditions: Condition[] | undefined): Condition[] {
  return (conditions ?? []).filter((c) => c.status !== 'True');
}

/** Panel indexes a condition message names as `panels[i]` (or `spec.panels[i]`). */
export function panelsNamed(message: string | undefined): number[] {
  if (!message) return [];
  return [...message.matchAll(/panels\[(\d+)\]/g)].map((m) => Number(m[1]));
}
