// Test-only ClickHouse HTTP interface in front of ONE chDB session (ClickHouse 26.7 as a library),
// so kubetel's ITs can run ClickHouse client-v2 against a modern engine where no modern server can
// be installed. Speaks the part of the HTTP interface client-v2 uses; see README.md for the limits.
//
//   node server.js --data DIR [--port 0] [--port-file FILE]
//
// Logs one JSON line per event on stdout. Loopback only.
'use strict';

const http = require('http');
const os = require('os');
const crypto = require('crypto');
const { parse, withSettings, takesSettingsClause, SqlError, OUTPUT_KINDS } = require('./sql');

// Parameters that belong to the HTTP interface itself, not to the statement's settings.
const HTTP_PARAMS = new Set(['query', 'database', 'default_format', 'query_id', 'user', 'password',
  'quota_key', 'compress', 'decompress', 'wait_end_of_query', 'buffer_size', 'stacktrace',
  'session_id', 'session_timeout', 'session_check', 'close_session', 'client_protocol_version',
  'role', 'http_response_buffer_size']);

// What the real server answers for these exception codes (src/Server/HTTP/exceptionCodeToHTTPStatus.cpp);
// every other code is 500. Codes are looked up by name from the engine at startup.
const STATUS_BY_NAME = {
  REQUIRED_PASSWORD: 401,
  UNKNOWN_USER: 403, WRONG_PASSWORD: 403, AUTHENTICATION_FAILED: 403, SET_NON_GRANTED_ROLE: 403,
  ACCESS_DENIED: 403,
  BAD_ARGUMENTS: 400, CANNOT_COMPILE_REGEXP: 400, CANNOT_PARSE_TEXT: 400, CANNOT_PARSE_ESCAPE_SEQUENCE: 400,
  CANNOT_PARSE_QUOTED_STRING: 400, CANNOT_PARSE_DATE: 400, CANNOT_PARSE_DATETIME: 400,
  CANNOT_PARSE_NUMBER: 400, CANNOT_PARSE_DOMAIN_VALUE_FROM_STRING: 400, CANNOT_PARSE_IPV4: 400,
  CANNOT_PARSE_IPV6: 400, CANNOT_PARSE_INPUT_ASSERTION_FAILED: 400, CANNOT_PARSE_UUID: 400,
  DUPLICATE_COLUMN: 400, ILLEGAL_COLUMN: 400, UNKNOWN_ELEMENT_IN_AST: 400, UNKNOWN_TYPE_OF_AST_NODE: 400,
  THERE_IS_NO_COLUMN: 400, TOO_DEEP_AST: 400, TOO_BIG_AST: 400, UNEXPECTED_AST_STRUCTURE: 400,
  SYNTAX_ERROR: 400, INCORRECT_DATA: 400, TYPE_MISMATCH: 400, VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE: 400,
  UNKNOWN_TABLE: 404, UNKNOWN_FUNCTION: 404, UNKNOWN_IDENTIFIER: 404, UNKNOWN_TYPE: 404,
  UNKNOWN_STORAGE: 404, UNKNOWN_DATABASE: 404, UNKNOWN_SETTING: 404, UNKNOWN_DIRECTION_OF_SORTING: 404,
  UNKNOWN_AGGREGATE_FUNCTION: 404, UNKNOWN_FORMAT: 404, UNKNOWN_DATABASE_ENGINE: 404,
  UNKNOWN_TYPE_OF_QUERY: 404, UNKNOWN_ROLE: 404,
  QUERY_IS_TOO_LARGE: 413, NOT_IMPLEMENTED: 501, SOCKET_TIMEOUT: 503, CANNOT_OPEN_FILE: 503,
  HTTP_LENGTH_REQUIRED: 411, TIMEOUT_EXCEEDED: 408, CANNOT_SCHEDULE_TASK: 503, UNSUPPORTED_MEDIA_TYPE: 415,
};

// Content-Type the real server sends for the formats tests use; others get text/plain.
const CONTENT_TYPES = {
  JSONEachRow: 'application/x-ndjson; charset=UTF-8', JSONCompactEachRow: 'application/x-ndjson; charset=UTF-8',
  JSON: 'application/json; charset=UTF-8', JSONCompact: 'application/json; charset=UTF-8',
  TabSeparated: 'text/tab-separated-values; charset=UTF-8', TSV: 'text/tab-separated-values; charset=UTF-8',
  TabSeparatedWithNames: 'text/tab-separated-values; charset=UTF-8',
  TabSeparatedWithNamesAndTypes: 'text/tab-separated-values; charset=UTF-8',
  CSV: 'text/csv; charset=UTF-8; header=absent', CSVWithNames: 'text/csv; charset=UTF-8; header=present',
};

function log(event, fields) {
  process.stdout.write(JSON.stringify({ ts: new Date().toISOString(), event, ...fields }) + '\n');
}

function args(argv) {
  const out = { port: 0 };
  for (let i = 2; i < argv.length; i += 2) out[argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase())] = argv[i + 1];
  if (!out.data || out.host !== undefined) {
    // No --host on purpose: this server has no access control, so it only ever listens on loopback.
    throw new Error('usage: node server.js --data DIR [--port N] [--port-file FILE]');
  }
  out.host = '127.0.0.1';
  return out;
}

/** Runs statements on the one session strictly one at a time (a chDB session is not concurrent). */
class Engine {
  constructor(dataDir) {
    const { Session } = require('chdb');
    this.session = new Session(dataDir);
    this.chain = Promise.resolve();
    this.codes = {};
    this.settings = new Set();
  }

  serial(job) {
    const run = this.chain.then(job, job);
    this.chain = run.catch(() => {});
    return run;
  }

  async init() {
    const q = async (sql) => (await this.session.queryAsync(sql, { format: 'JSONEachRow' })).text()
      .split('\n').filter(Boolean).map((l) => JSON.parse(l));
    for (const r of await q("SELECT number AS c, errorCodeToName(number) AS n FROM numbers(2000) WHERE n != ''")) {
      this.codes[r.n] = Number(r.c);
    }
    for (const r of await q('SELECT name FROM system.settings')) this.settings.add(r.name);
    const [info] = await q('SELECT version() AS v, timezone() AS tz');
    this.version = info.v;
    this.timezone = info.tz === 'Etc/UTC' ? 'UTC' : info.tz;
  }

  error(name, message) {
    return new SqlError(this.codes[name] || 0, name, message);
  }

  /**
   * Runs one statement with `USE database` first (serialized, so nothing else sees it). A read
   * whose client left while it waited in the queue is skipped, as the real server cancels it.
   */
  run(database, sql, format, abandoned) {
    return this.serial(async () => {
      if (abandoned && abandoned()) throw this.error('QUERY_WAS_CANCELLED', 'The client closed the connection before the statement started');
      await this.session.queryAsync('USE `' + database.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`');
      return this.session.queryAsync(sql, { format });
    });
  }

  close() {
    return this.serial(async () => this.session.close());
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function credentials(req, params) {
  let user = params.get('user') || req.headers['x-clickhouse-user'] || 'default';
  let password = params.get('password') || req.headers['x-clickhouse-key'] || '';
  const auth = req.headers.authorization || '';
  if (auth.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    user = decoded.slice(0, colon < 0 ? decoded.length : colon) || 'default';
    password = colon < 0 ? '' : decoded.slice(colon + 1);
  }
  return { user, password };
}

/** The settings of this request (URL parameters that are not HTTP-interface parameters), checked. */
function requestSettings(engine, params, isGet) {
  const settings = {};
  for (const [name, value] of params) {
    if (HTTP_PARAMS.has(name)) continue;
    if (name.startsWith('param_')) {
      throw engine.error('NOT_IMPLEMENTED', 'Query parameters (' + name + ') are not supported by this test server');
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || !engine.settings.has(name)) {
      throw engine.error('UNKNOWN_SETTING', "Unknown setting '" + name + "'");
    }
    settings[name] = value;
  }
  // The real server makes GET requests read-only.
  if (isGet && settings.readonly === undefined) settings.readonly = '2';
  return settings;
}

function refuseUnsupported(engine, req, params) {
  const on = (v) => v !== null && v !== '0' && v !== 'false';
  if (on(params.get('compress')) || on(params.get('decompress'))) {
    throw engine.error('NOT_IMPLEMENTED', 'compress/decompress (native compression) is not supported by this test server');
  }
  if (params.get('session_id')) {
    throw engine.error('NOT_IMPLEMENTED', 'HTTP sessions (session_id) are not supported by this test server: it has one shared session');
  }
  if (req.headers['content-encoding']) {
    throw engine.error('NOT_IMPLEMENTED', 'Content-Encoding ' + req.headers['content-encoding'] + ' is not supported by this test server');
  }
}

function summary(result, stmt, millis) {
  const written = stmt.kind === 'INSERT' ? stmt.data.split('\n').filter((l) => l.trim()).length : 0;
  const text = result ? result.bytes() : Buffer.alloc(0);
  const resultRows = result && stmt.hasFormat && /EachRow$/.test(stmt.format) && stmt.kind !== 'INSERT'
    ? text.reduce((n, b) => (b === 10 ? n + 1 : n), 0) : 0;
  return JSON.stringify({
    read_rows: String(result ? result.rowsRead : 0), read_bytes: String(result ? result.bytesRead : 0),
    written_rows: String(written), written_bytes: String(stmt.kind === 'INSERT' ? Buffer.byteLength(stmt.data) : 0),
    total_rows_to_read: '0', result_rows: String(resultRows), result_bytes: String(text.length),
    elapsed_ns: String(Math.round(millis * 1e6)),
  });
}

function commonHeaders(engine, queryId) {
  return {
    'X-ClickHouse-Server-Display-Name': os.hostname(),
    'X-ClickHouse-Query-Id': queryId,
    'X-ClickHouse-Timezone': engine.timezone,
    'Keep-Alive': 'timeout=10',
  };
}

function sendError(engine, res, queryId, err, fields) {
  const code = err.clickhouseCode || 0;
  let name = err.clickhouseName;
  if (!name) name = Object.keys(engine.codes).find((k) => engine.codes[k] === code) || 'UNKNOWN_EXCEPTION';
  let message = String(err.message || err);
  if (!/^Code: \d+\./.test(message)) message = 'Code: ' + code + '. DB::Exception: ' + message + '. (' + name + ')';
  const body = message + ' (version ' + engine.version + ' (chDB test server))\n';
  const status = STATUS_BY_NAME[name] || 500;
  log('statement_failed', { ...fields, query_id: queryId, status, code, name });
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    ...commonHeaders(engine, queryId),
    'Content-Type': 'text/plain; charset=UTF-8',
    'X-ClickHouse-Exception-Code': String(code),
  });
  res.end(body);
}

async function handleQuery(engine, req, res, url) {
  const params = url.searchParams;
  const queryId = params.get('query_id') || crypto.randomUUID();
  const database = params.get('database') || req.headers['x-clickhouse-database'] || 'default';
  const fields = { method: req.method, database, params: [...params.keys()].filter((k) => k !== 'query' && k !== 'password') };
  const started = process.hrtime.bigint();
  let clientGone = false;
  res.on('close', () => { if (!res.writableFinished) clientGone = true; });
  if (process.env.KUBETEL_CHDB_TRACE === '1') {
    // What the client really sends (parameter values and headers, never the password).
    const shown = {};
    for (const [k, v] of params) if (k !== 'password' && k !== 'query') shown[k] = v;
    const headers = {};
    for (const [k, v] of Object.entries(req.headers)) if (k !== 'authorization' && k !== 'x-clickhouse-key') headers[k] = v;
    const auth = req.headers.authorization ? req.headers.authorization.split(' ')[0]
      : req.headers['x-clickhouse-user'] ? 'x-clickhouse-user' : params.has('user') ? 'params' : 'none';
    log('request', { method: req.method, path: url.pathname, query_in_url: params.has('query'), auth, params: shown, headers });
  }
  try {
    const body = req.method === 'POST' ? await readBody(req) : Buffer.alloc(0);
    refuseUnsupported(engine, req, params);
    const { user, password } = credentials(req, params);
    if (user !== 'default' || password !== '') {
      throw engine.error('AUTHENTICATION_FAILED',
        user + ': Authentication failed: password is incorrect, or there is no user with such name');
    }
    const settings = requestSettings(engine, params, req.method === 'GET');
    const inUrl = params.get('query');
    // Like the real server: the URL's query, then the body (an INSERT's data, or the whole statement).
    const text = inUrl !== null ? (body.length ? inUrl + '\n' + body.toString('utf8') : inUrl) : body.toString('utf8');
    const stmt = parse(text);
    if (process.env.KUBETEL_CHDB_TRACE === '1') log('statement', { query_id: queryId, sql: stmt.head.slice(0, 300), data_bytes: stmt.data.length });
    const format = stmt.kind === 'INSERT' ? 'TabSeparated'
      : stmt.format || params.get('default_format') || req.headers['x-clickhouse-format'] || 'TabSeparated';
    fields.kind = stmt.kind;
    fields.settings = settings;
    let result = null;
    if (stmt.kind === 'SET' || stmt.kind === 'USE') {
      // Without a session the real server forgets these after the request; here they must not
      // reach the shared session at all.
      log('statement_ignored', { ...fields, query_id: queryId, reason: 'no HTTP sessions: SET/USE last one request' });
    } else if (!takesSettingsClause(stmt)) {
      // SYSTEM, GRANT and access DDL have no query SETTINGS clause: run them without the request's
      // settings (client-v2 sends its client-wide ones with every request), but keep readonly.
      if (settings.readonly !== undefined && settings.readonly !== '0') {
        throw engine.error('READONLY', 'default: Cannot execute query in readonly mode');
      }
      log('settings_not_applied', { ...fields, query_id: queryId, reason: stmt.kind + ' takes no SETTINGS clause' });
      result = await engine.run(database, stmt.head, format);
    } else {
      const isRead = OUTPUT_KINDS.has(stmt.kind);
      result = await engine.run(database, withSettings(stmt, settings), format, () => isRead && clientGone);
    }
    const millis = Number(process.hrtime.bigint() - started) / 1e6;
    const out = result ? Buffer.from(result.bytes()) : Buffer.alloc(0);
    const headers = {
      ...commonHeaders(engine, queryId),
      'X-ClickHouse-Summary': summary(result, stmt, millis),
      'Content-Length': String(out.length),
    };
    if (OUTPUT_KINDS.has(stmt.kind)) {
      headers['X-ClickHouse-Format'] = format;
      headers['Content-Type'] = CONTENT_TYPES[format] || 'text/plain; charset=UTF-8';
    } else {
      headers['Content-Type'] = 'text/plain; charset=UTF-8';
    }
    log('statement_done', { ...fields, query_id: queryId, status: 200, millis: Math.round(millis), bytes: out.length });
    if (clientGone || res.destroyed) {
      log('client_gone', { query_id: queryId });
      return;
    }
    res.writeHead(200, headers);
    res.end(out);
  } catch (err) {
    sendError(engine, res, queryId, err, fields);
  }
}

async function main() {
  const opts = args(process.argv);
  const t0 = Date.now();
  const engine = new Engine(opts.data);
  await engine.init();
  log('engine_ready', { version: engine.version, data: opts.data, millis: Date.now() - t0 });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    // /ping (and a bare GET /) answer at once, even while a statement runs.
    if (url.pathname === '/ping' || (url.pathname === '/' && req.method !== 'POST' && !url.searchParams.has('query'))) {
      req.resume();
      res.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': '4' });
      res.end('Ok.\n');
      return;
    }
    if (url.pathname !== '/' || (req.method !== 'GET' && req.method !== 'POST')) {
      req.resume();
      sendError(engine, res, crypto.randomUUID(),
        engine.error('NOT_IMPLEMENTED', 'This test server serves only GET /ping and GET/POST / (got ' + req.method + ' ' + url.pathname + ')'),
        { method: req.method, path: url.pathname });
      return;
    }
    handleQuery(engine, req, res, url);
  });
  server.keepAliveTimeout = 10000;
  server.listen(Number(opts.port), opts.host, () => {
    const { port } = server.address();
    log('listening', { host: opts.host, port });
    if (opts.portFile) require('fs').writeFileSync(opts.portFile, String(port) + '\n');
  });
  const stop = (signal) => {
    log('stopping', { signal });
    server.close();
    server.closeAllConnections();
    engine.close().finally(() => { log('stopped', {}); process.exit(0); });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  log('fatal', { error: String(err && err.stack || err) });
  process.exit(1);
});
