// Checks of the test-only chDB HTTP server (server.js) as an HTTP client sees it: /ping while a
// statement runs, per-statement settings that never leak into the shared session, ClickHouse's
// error shape (status, X-ClickHouse-Exception-Code, "Code: N. DB::Exception: ..." body), the
// database parameter/header, and inserts. Run with hack/chdb/test.sh (it installs the engine).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

let server;
let base;
let dir;

async function waitForPort(file, child) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error('server exited with ' + child.exitCode);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').trim()) return fs.readFileSync(file, 'utf8').trim();
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not write its port');
}

test.before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubetel-chdb-test-'));
  server = spawn(process.execPath, [path.join(__dirname, 'server.js'), '--data', path.join(dir, 'data'),
    '--port', '0', '--port-file', path.join(dir, 'port')], { stdio: ['ignore', 'ignore', 'inherit'] });
  base = 'http://127.0.0.1:' + await waitForPort(path.join(dir, 'port'), server);
});

test.after(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** POSTs body to / with params as URL parameters; returns {status, headers, text}. */
async function post(body, params = {}, headers = {}) {
  const url = new URL(base + '/');
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const res = await fetch(url, { method: 'POST', body, headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const rows = (r) => r.text.split('\n').filter(Boolean).map((l) => JSON.parse(l));

test('/ping answers while a long statement runs', async () => {
  const slow = post('SELECT sleepEachRow(0.5) AS s FROM numbers(6) SETTINGS max_block_size = 1 FORMAT JSONEachRow');
  await new Promise((r) => setTimeout(r, 400));
  const started = Date.now();
  const ping = await fetch(base + '/ping');
  const pingMillis = Date.now() - started;
  assert.equal(ping.status, 200);
  assert.equal(await ping.text(), 'Ok.\n');
  let done = false;
  slow.then(() => { done = true; });
  await new Promise((r) => setImmediate(r));
  assert.equal(done, false, 'the slow statement should still be running when /ping answered');
  assert.ok(pingMillis < 1000, 'ping took ' + pingMillis + ' ms');
  const r = await slow;
  assert.equal(r.status, 200);
  assert.equal(rows(r).length, 6);
});

test('settings apply to one statement and never to the session', async () => {
  const twoRows = 'SELECT number AS n FROM numbers(2) FORMAT JSONEachRow';
  const limited = await post(twoRows, { max_result_rows: '1', result_overflow_mode: 'throw' });
  assert.equal(limited.status, 500);
  assert.equal(limited.headers.get('x-clickhouse-exception-code'), '396');
  assert.equal(rows(await post(twoRows)).length, 2);

  const read = await post('SELECT count() AS c FROM numbers(10) FORMAT JSONEachRow', { max_rows_to_read: '5' });
  assert.equal(read.headers.get('x-clickhouse-exception-code'), '158');

  const ro = await post('CREATE TABLE ro_t (a UInt8) ENGINE = Memory', { readonly: '1' });
  assert.equal(ro.headers.get('x-clickhouse-exception-code'), '164');
  assert.equal((await post('CREATE TABLE ro_t (a UInt8) ENGINE = Memory')).status, 200);

  // SET without a session lasts one request on the real server: here it must not reach the session.
  assert.equal((await post('SET max_result_rows = 1')).status, 200);
  assert.equal(rows(await post(twoRows)).length, 2);

  const quoted = await post('SELECT toUInt64(7) AS v FORMAT JSONEachRow', { output_format_json_quote_64bit_integers: '1' });
  assert.deepEqual(rows(quoted), [{ v: '7' }]);
  assert.deepEqual(rows(await post('SELECT toUInt64(7) AS v FORMAT JSONEachRow')), [{ v: 7 }]);

  const settings = rows(await post("SELECT name, changed FROM system.settings WHERE name IN"
    + " ('max_result_rows', 'max_rows_to_read', 'readonly', 'result_overflow_mode') FORMAT JSONEachRow"));
  assert.equal(settings.length, 4);
  for (const s of settings) assert.equal(s.changed, 0, s.name + ' leaked into the session');
});

test('errors have the real server status, code header and body', async () => {
  const cases = [
    ['SELECT * FROM no_such_table', {}, 404, 60, 'UNKNOWN_TABLE'],
    ['SELEC 1', {}, 400, 62, 'SYNTAX_ERROR'],
    ['SELECT 1', { no_such_setting: '1' }, 404, 115, 'UNKNOWN_SETTING'],
    ['SELECT 1; SELECT 2', {}, 400, 62, 'SYNTAX_ERROR'],
    ['SELECT sleepEachRow(0.5) FROM numbers(6) SETTINGS max_block_size = 1', { max_execution_time: '1' }, 408, 159, 'TIMEOUT_EXCEEDED'],
    ['SELECT 1', { compress: '1' }, 501, 48, 'NOT_IMPLEMENTED'],
    ['SELECT 1', { session_id: 's1' }, 501, 48, 'NOT_IMPLEMENTED'],
    ['SELECT 1', { user: 'someone' }, 403, 516, 'AUTHENTICATION_FAILED'],
    ['CREATE USER u1', {}, 403, 497, 'ACCESS_DENIED'],
    // Access DDL has no query SETTINGS clause: the request's settings must not turn into a syntax error.
    ['CREATE ROW POLICY p ON default.t USING 1 TO ALL', { max_threads: '1' }, 403, 497, 'ACCESS_DENIED'],
    ['SYSTEM FLUSH LOGS', { readonly: '1' }, 500, 164, 'READONLY'],
  ];
  for (const [sql, params, status, code, name] of cases) {
    const r = await post(sql, params);
    assert.equal(r.status, status, sql + ' -> ' + r.text);
    assert.equal(r.headers.get('x-clickhouse-exception-code'), String(code), sql);
    assert.match(r.text, new RegExp('^Code: ' + code + '\\. DB::Exception: .*\\(' + name + '\\)'), sql);
    assert.ok(r.headers.get('x-clickhouse-query-id'), 'query id header');
  }
});

test('database parameter and X-ClickHouse-Database header pick the current database', async () => {
  assert.equal((await post('CREATE DATABASE IF NOT EXISTS db_param')).status, 200);
  const q = 'SELECT currentDatabase() AS d FORMAT JSONEachRow';
  assert.deepEqual(rows(await post(q, { database: 'db_param' })), [{ d: 'db_param' }]);
  assert.deepEqual(rows(await post(q, {}, { 'X-ClickHouse-Database': 'db_param' })), [{ d: 'db_param' }]);
  assert.deepEqual(rows(await post(q)), [{ d: 'default' }], 'the next request is back in default');
  const missing = await post(q, { database: 'no_such_db' });
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('x-clickhouse-exception-code'), '81');
});

test('inserts: query in the URL with data in the body, statement and data in the body, VALUES', async () => {
  assert.equal((await post('CREATE TABLE ins (a UInt64, m Map(LowCardinality(String), String), t DateTime64(9))'
    + ' ENGINE = MergeTree ORDER BY a', { database: 'db_param' })).status, 200);
  const inUrl = await post('{"a":1,"m":{"k":"v"},"t":"2026-11-30 10:00:00.123456789"}\n{"a":2,"m":{},"t":"2026-11-30T11:00:00Z"}\n',
    { query: 'INSERT INTO db_param.ins FORMAT JSONEachRow', date_time_input_format: 'best_effort' });
  assert.equal(inUrl.status, 200, inUrl.text);
  assert.equal(JSON.parse(inUrl.headers.get('x-clickhouse-summary')).written_rows, '2');
  assert.equal((await post('INSERT INTO ins FORMAT JSONEachRow\n{"a":3,"m":{"x":"y"},"t":"2026-11-30 12:00:00"}\n',
    { database: 'db_param' })).status, 200);
  assert.equal((await post("INSERT INTO db_param.ins (a, t) VALUES (4, '2026-11-30 13:00:00')", { max_threads: '1' })).status, 200);
  const got = rows(await post('SELECT a, m, t FROM db_param.ins ORDER BY a FORMAT JSONEachRow'));
  assert.deepEqual(got.map((r) => r.a), [1, 2, 3, 4]);
  assert.deepEqual(got[0].m, { k: 'v' });
  assert.equal(got[0].t, '2026-11-30 10:00:00.123456789');
  const bad = await post('{"a":"not a number"}\n', { query: 'INSERT INTO db_param.ins FORMAT JSONEachRow' });
  assert.notEqual(bad.status, 200);
  assert.match(bad.text, /^Code: \d+\. DB::Exception: /);
});

test('success headers are the ones client-v2 reads', async () => {
  const r = await post('SELECT 1 AS one FORMAT JSONEachRow', { query_id: 'fixed-id-1' });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('x-clickhouse-query-id'), 'fixed-id-1');
  assert.equal(r.headers.get('x-clickhouse-format'), 'JSONEachRow');
  assert.ok(r.headers.get('x-clickhouse-timezone'));
  assert.ok(r.headers.get('x-clickhouse-server-display-name'));
  const summary = JSON.parse(r.headers.get('x-clickhouse-summary'));
  assert.equal(summary.result_rows, '1');
  const get = await fetch(base + '/?query=' + encodeURIComponent('SELECT 1'));
  assert.equal(await get.text(), '1\n');
  const getWrite = await fetch(base + '/?query=' + encodeURIComponent('CREATE TABLE via_get (a UInt8) ENGINE = Memory'));
  assert.equal(getWrite.headers.get('x-clickhouse-exception-code'), '164', 'GET is read-only');
  assert.equal((await post('SYSTEM FLUSH LOGS', { max_threads: '1' })).status, 200);
});
