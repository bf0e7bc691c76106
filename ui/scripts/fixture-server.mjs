// Development server until the API server serves kubetel.io objects in standalone mode: serves
// dist/ at /ui/, answers /apis/kubetel.io/v1alpha1 Dashboards, AlertRules and TelemetryTenants (list, all-namespace
// list, get) from scripts/fixtures/kubetel-objects.json, and forwards every other path to an
// upstream (a `kubectl proxy`, default http://127.0.0.1:8001). `--deny PATH_PREFIX` answers that
// prefix with a Kubernetes 403 Status, to see how denials look; `--kubetel-upstream` forwards the
// kubetel.io paths too (once the API server serves them), so only the denial is added.
//   node scripts/fixture-server.mjs [--port 8002] [--upstream http://127.0.0.1:8001] [--deny /apis/kubetel.io/v1alpha1/alertrules] [--kubetel-upstream]
import { createServer, request } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const port = Number(opt('--port', 8002));
const upstream = new URL(opt('--upstream', 'http://127.0.0.1:8001'));
const deny = opt('--deny', '');
const kubetelUpstream = args.includes('--kubetel-upstream');
const root = new URL('..', import.meta.url).pathname;
const objects = JSON.parse(readFileSync(join(root, 'scripts/fixtures/kubetel-objects.json'), 'utf8'));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const KINDS = { dashboards: 'Dashboard', alertrules: 'AlertRule', telemetrytenants: 'TelemetryTenant' };

function send(res, code, body) {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function status(code, reason, message) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

function kubetel(res, path) {
  const m = /^\/apis\/kubetel\.io\/v1alpha1(?:\/namespaces\/([^/]+))?\/(dashboards|alertrules|telemetrytenants)(?:\/([^/]+))?$/.exec(path);
  if (!m) return send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
  const [, ns, plural, name] = m;
  const kind = KINDS[plural];
  const items = objects.filter((o) => o.kind === kind && (!ns || o.metadata.namespace === ns));
  if (name) {
    const o = items.find((i) => i.metadata.name === decodeURIComponent(name));
    return o ? send(res, 200, o) : send(res, 404, status(404, 'NotFound', `${plural}.kubetel.io "${name}" not found`));
  }
  send(res, 200, { apiVersion: 'kubetel.io/v1alpha1', kind: `${kind}List`, metadata: { resourceVersion: '1' }, items });
}

createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (deny && url.pathname.startsWith(deny)) {
    return send(res, 403, status(403, 'Forbidden', `forbidden by the fixture server: User "demo" cannot ${req.method === 'POST' ? 'create' : 'list'} resource at ${url.pathname}`));
  }
  if (!kubetelUpstream && url.pathname.startsWith('/apis/kubetel.io/')) return kubetel(res, url.pathname);
  if (url.pathname === '/ui' || url.pathname.startsWith('/ui/')) {
    let file = normalize(join(root, 'dist', url.pathname.slice(3) || '/'));
    if (!file.startsWith(join(root, 'dist'))) return send(res, 403, status(403, 'Forbidden', 'no'));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return send(res, 404, status(404, 'NotFound', 'no such file'));
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    return res.end(readFileSync(file));
  }
  const up = request(
    { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } },
    (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    },
  );
  up.on('error', (e) => send(res, 503, status(503, 'ServiceUnavailable', `upstream ${upstream.href} unreachable: ${e.message}`)));
  req.pipe(up);
}).listen(port, '127.0.0.1', () => console.log(`fixture server: http://127.0.0.1:${port}/ui/ (upstream ${upstream.href})`));
