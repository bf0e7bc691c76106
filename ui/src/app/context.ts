// What every view receives: the URL state, a way to change it, the refresh tick and the API.
import type { Api } from '../api/resources';
import type { AppState } from './urlState';

export interface ViewProps {
  state: AppState;
  setState: (next: AppState, push?: boolean) => void;
  tick: number;
  api: Api;
}

/** A link target for a new route, keeping range and refresh. */
export function withRoute(state: AppState, route: AppState['route'], params: Record<string, string> = {}): AppState {
  return { ...state, route, vars: {}, params };
}

/** The namespace views default to: the URL's, else the last one used. */
export function currentNamespace(state: AppState): string {
  return state.params.ns || localStorage.getItem('kubetel.namespace') || 'default';
}

export function rememberNamespace(ns: string): void {
  if (ns) localStorage.setItem('kubetel.namespace', ns);
}
