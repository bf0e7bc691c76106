// A small data-loading hook: runs an async function when its key changes (or on refresh ticks),
// aborts the previous run, keeps the last data while reloading and exposes the error.
import { useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
}

export function useAsync<T>(
  run: (signal: AbortSignal) => Promise<T>,
  key: string,
  enabled = true,
): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ loading: enabled });
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    if (!enabled) {
      setState({ loading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    runRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (error) => {
        if (!controller.signal.aborted) setState({ error, loading: false });
      },
    );
    return () => controller.abort();
  }, [key, enabled]);
  return state;
}
