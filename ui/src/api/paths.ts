// Kubernetes API paths (relative, same origin) for the resources the UI reads, and their query
// strings; every byte the UI reads goes through these.

export interface ResourceRef {
  /** API group; '' for the core group. */
  group: string;
  version: string;
  /** Plural resource name, e.g. dashboards. */
  resource: string;
  namespace?: string;
  name?: string;
}

export const TELEMETRY = { group: 'telemetry.kubetel.io', version: 'v1alpha1' } as const;
export const KUBETEL = { group: 'kubetel.io', version: 'v1alpha1' } as const;

/** Query parameters; undefined and empty values are left out. */
export type Params = Record<string, string | number | boolean | undefined>;

/** `apis/<group>/<version>[/namespaces/<ns>]/<resource>[/<name>]`, relative to the page's origin. */
export function resourcePath(ref: ResourceRef, params?: Params): string {
  const prefix = ref.group ? `/apis/${ref.group}/${ref.version}` : `/api/${ref.version}`;
  let path = prefix;
  if (ref.namespace) path += `/namespaces/${encodeURIComponent(ref.namespace)}`;
  path += `/${ref.resource}`;
  if (ref.name) path += `/${encodeURIComponent(ref.name)}`;
  return path + queryString(params);
}

export function queryString(params?: Params): string {
  if (!params) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
