// The Kubernetes API client: list, get, watch and create on relative paths with the page's
// credentials (kubectl proxy or kube-apiserver), every failure turned into an ApiError.
import { type Params, type ResourceRef, resourcePath } from './paths';
import {
  ApiError,
  type RequestIntent,
  errorFromResponse,
  errorFromStatus,
  isStatus,
  networkError,
} from './status';
import type { KubeList, WatchEvent } from './types';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface WatchHandlers<T> {
  onEvent: (event: WatchEvent<T>) => void;
  onError?: (error: ApiError) => void;
  onClose?: () => void;
}

function intentOf(verb: string, ref: ResourceRef): RequestIntent {
  return { verb, resource: ref.resource, group: ref.group, namespace: ref.namespace };
}

export class KubeClient {
  private readonly fetchFn: FetchFn;

  constructor(fetchFn?: FetchFn) {
    this.fetchFn = fetchFn ?? ((input, init) => fetch(input, init));
  }

  async list<T>(ref: ResourceRef, params?: Params, opts?: RequestOptions): Promise<KubeList<T>> {
    return this.request<KubeList<T>>('GET', resourcePath(ref, params), intentOf('list', ref), opts);
  }

  async get<T>(ref: ResourceRef, params?: Params, opts?: RequestOptions): Promise<T> {
    return this.request<T>('GET', resourcePath(ref, params), intentOf('get', ref), opts);
  }

  async create<T>(ref: ResourceRef, body: unknown, opts?: RequestOptions): Promise<T> {
    return this.request<T>('POST', resourcePath(ref), intentOf('create', ref), opts, body);
  }

  /**
   * Streams watch events (one JSON object per line) until aborted, the server ends the stream or
   * an ERROR event arrives (reported through onError as the Status it carries).
   */
  watch<T>(ref: ResourceRef, params: Params, handlers: WatchHandlers<T>): () => void {
    const controller = new AbortController();
    const intent = intentOf('watch', ref);
    const url = resourcePath(ref, { ...params, watch: 1 });
    const run = async () => {
      let response: Response;
      try {
        response = await this.fetchFn(url, {
          headers: { Accept: 'application/json' },
          signal: controller.signal,
        });
      } catch (e) {
        if (!controller.signal.aborted) handlers.onError?.(networkError(e));
        return;
      }
      if (!response.ok) {
        handlers.onError?.(errorFromResponse(response.status, await response.text(), intent));
        return;
      }
      try {
        await readLines(response, (line) => {
          const event = JSON.parse(line) as WatchEvent<T>;
          if (event.type === 'ERROR' && isStatus(event.object)) {
            handlers.onError?.(errorFromStatus(event.object, intent));
            controller.abort();
            return;
          }
          handlers.onEvent(event);
        });
        handlers.onClose?.();
      } catch (e) {
        if (!controller.signal.aborted) handlers.onError?.(networkError(e));
      }
    };
    void run();
    return () => controller.abort();
  }

  private async request<T>(
    method: string,
    url: string,
    intent: RequestIntent,
    opts?: RequestOptions,
    body?: unknown,
  ): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchFn(url, {
        method,
        headers: body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: opts?.signal,
      });
    } catch (e) {
      if (opts?.signal?.aborted) throw e;
      throw networkError(e);
    }
    const text = await response.text();
    if (!response.ok) throw errorFromResponse(response.status, text, intent);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(response.status, 'InvalidResponse', `The answer to ${url} is not JSON`);
    }
  }
}

/** Calls onLine for each complete non-empty line of a streamed body. */
export async function readLines(response: Response, onLine: (line: string) => void): Promise<void> {
  if (!response.body) {
    for (const line of (await response.text()).split('\n')) if (line.trim()) onLine(line);
    return;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.trim()) onLine(line);
    }
  }
  buffer += decoder.decode();
  if (buffer.trim()) onLine(buffer);
}

/** The client the app uses (same origin, browser credentials). */
export const kube = new KubeClient();
