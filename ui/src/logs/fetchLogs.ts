// Reads the newest log records of a window: logs lists come oldest first, so the whole window is
// read (no limit); when it holds more than the server returns at once (400), the last 5 minutes
// are read instead and the caller is told. Newest first, at most `max` records.
import type { Api } from '../api/resources';
import { ApiError } from '../api/status';
import type { LogRecord } from '../api/types';

export interface LogsResult {
  items: LogRecord[];
  /** Set when only a recent part of the window was read. */
  narrowedTo?: string;
  /** The list's resourceVersion, to watch from. */
  resourceVersion?: string;
}

const FALLBACK_WINDOW = '5m';

export async function fetchNewestLogs(
  api: Api,
  namespace: string,
  params: Record<string, string | number>,
  max: number,
  signal?: AbortSignal,
): Promise<LogsResult> {
  const { limit: _ignored, ...rest } = params;
  void _ignored;
  let narrowedTo: string | undefined;
  let items: LogRecord[];
  let resourceVersion: string | undefined;
  try {
    const list = await api.listLogs(namespace, rest, signal);
    items = list.items;
    resourceVersion = list.metadata.resourceVersion;
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 400 || !/10000|narrower|paging|limit/i.test(e.message)) throw e;
    const { window: _w, start: _s, ...sel } = rest;
    void _w;
    void _s;
    narrowedTo = FALLBACK_WINDOW;
    const list = await api.listLogs(namespace, { ...sel, window: FALLBACK_WINDOW }, signal);
    items = list.items;
    resourceVersion = list.metadata.resourceVersion;
  }
  const sorted = [...items].sort((a, b) => (a.spec.timestamp < b.spec.timestamp ? 1 : -1));
  return { items: sorted.slice(0, max), narrowedTo, resourceVersion };
}
