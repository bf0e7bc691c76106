// Kubernetes Status errors: turns any failed response (a Status body, a non-Status body, a network
// failure) into an ApiError whose message is the one to show, naming the missing permission on 403.

export interface StatusCause {
  field?: string;
  message?: string;
  reason?: string;
}

export interface KubeStatus {
  kind: 'Status';
  apiVersion?: string;
  status?: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[] };
}

/** What a request was trying to do, used to explain a denial when the body says nothing. */
export interface RequestIntent {
  verb: string;
  resource: string;
  group: string;
  namespace?: string;
}

/** A failed API call; `message` is written for people. */
export class ApiError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly status?: KubeStatus;

  constructor(code: number, reason: string, message: string, status?: KubeStatus) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.reason = reason;
    this.status = status;
  }

  /** Field-level problems of a 422 Invalid, as "field: message" lines. */
  get causes(): string[] {
    return (this.status?.details?.causes ?? []).map((c) =>
      c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? ''),
    );
  }
}

export function isStatus(value: unknown): value is KubeStatus {
  return (
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Status'
  );
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** The permission an intent needs, as RBAC writes it: `list dashboards.kubetel.io in namespace shop`. */
export function describePermission(intent: RequestIntent): string {
  const res = intent.group ? `${intent.resource}.${intent.group}` : intent.resource;
  const where = intent.namespace ? `in namespace "${intent.namespace}"` : 'at cluster scope';
  return `${intent.verb} ${res} ${where}`;
}

/** The ApiError for an HTTP failure with the given body text. */
export function errorFromResponse(code: number, body: string, intent?: RequestIntent): ApiError {
  let parsed: unknown;
  try {
    parsed = body ? JSON.parse(body) : undefined;
  } catch {
    parsed = undefined;
  }
  const reason = REASONS[code] ?? `HTTP${code}`;
  if (isStatus(parsed)) {
    return errorFromStatus(parsed, intent, code);
  }
  const text = body && body.length < 300 && !body.trimStart().startsWith('<') ? body.trim() : '';
  let message = `${code} ${reason}${text ? `: ${text}` : ''}`;
  if (code === 403 && intent) message += ` (missing permission: ${describePermission(intent)})`;
  return new ApiError(code, reason, message);
}

/** The ApiError for a Status (a response body or a watch ERROR event). */
export function errorFromStatus(status: KubeStatus, intent?: RequestIntent, code?: number): ApiError {
  const c = status.code ?? code ?? 500;
  const reason = status.reason ?? REASONS[c] ?? `HTTP${c}`;
  let message = status.message?.trim() || `${c} ${reason}`;
  if (c === 403 && intent && !/cannot|forbidden/i.test(message)) {
    message += ` (missing permission: ${describePermission(intent)})`;
  }
  return new ApiError(c, reason, message, status);
}

/** An ApiError for a request that never got an answer. */
export function networkError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(0, 'NetworkError', `The API server could not be reached (${detail})`);
}

/** The message to show for anything thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
