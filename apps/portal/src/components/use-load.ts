import { DependencyList, useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `deps` change (or on reload); keeps the last data while a new load runs. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList, enabled = true): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(enabled);
  const [round, setRound] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setLoading(true);
    run()
      .then((value) => current && (setData(value), setError(undefined)))
      .catch((err: unknown) => current && setError(err instanceof Error ? err.message : String(err)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [run, round, enabled]);
  return { data, error, loading, reload: () => setRound((r) => r + 1) };
}
