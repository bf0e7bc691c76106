// The editable copy of an explore search's fields: inputs change the draft, submitting puts it in
// the URL (a new history entry), which runs the search.
import { useState, type ChangeEvent } from 'react';
import type { ViewProps } from '../app/context';

type FieldElement = HTMLInputElement | HTMLSelectElement;

export function useQueryDraft<K extends string>({ state, setState }: ViewProps, namespace: string, keys: readonly K[]) {
  const p = state.params;
  const [draft, setDraft] = useState(() => Object.fromEntries(keys.map((k) => [k, p[k] ?? ''])) as Record<K, string>);
  /** `value` and `onChange` for the input or select editing `key`. */
  const field = (key: K) => ({
    value: draft[key],
    onChange: (e: ChangeEvent<FieldElement>) => setDraft({ ...draft, [key]: e.target.value }),
  });
  const submit = () => setState({ ...state, params: { ...p, ns: namespace, ...draft } }, true);
  return { field, submit };
}
