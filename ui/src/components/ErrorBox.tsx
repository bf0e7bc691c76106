// Shows a failed API call: the Kubernetes Status message (a 403 names the missing permission), the
// field causes of a 422 and the HTTP code.
import { ApiError, messageOf } from '../api/status';

export function ErrorBox({ error }: { error: unknown }) {
  const api = error instanceof ApiError ? error : undefined;
  return (
    <div className="error" role="alert">
      {api && api.code > 0 && (
        <strong>
          {api.code} {api.reason}:{' '}
        </strong>
      )}
      <span>{messageOf(error)}</span>
      {api && api.causes.length > 0 && (
        <ul>
          {api.causes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ what }: { what?: string }) {
  return (
    <div className="loading" aria-busy="true">
      Loading{what ? ` ${what}` : ''}…
    </div>
  );
}
