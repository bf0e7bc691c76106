// The app state kept in the location hash: read on every hashchange, written with replace or push
// so the URL is always shareable.
import { useCallback, useEffect, useState } from 'react';
import { type AppState, formatHash, parseHash } from './urlState';

export function useHashState(): [AppState, (next: AppState, push?: boolean) => void] {
  const [state, setState] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setState(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const update = useCallback((next: AppState, push = false) => {
    const hash = formatHash(next);
    if (hash !== window.location.hash) {
      if (push) window.history.pushState(null, '', hash);
      else window.history.replaceState(null, '', hash);
    }
    setState(parseHash(hash));
  }, []);
  return [state, update];
}

/** Refresh ticks: a counter bumped every `intervalMs` (0 = off) and by the returned function. */
export function useTicker(intervalMs: number): [number, () => void] {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!intervalMs) return;
    const id = window.setInterval(() => {
      if (!document.hidden) setTick((t) => t + 1);
    }, intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return [tick, useCallback(() => setTick((t) => t + 1), [])];
}
