// Unit checks of sql.js, the lexing that decides where a request's settings go and where an
// INSERT's data starts: keywords inside strings, identifiers and comments must never count.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { parse, withSettings, takesSettingsClause, literal } = require('./sql');

test('settings go at the end of a read, after FORMAT, with trailing ; and comments dropped', () => {
  const s = parse("SELECT 'a;b FORMAT x' AS `FORMAT`, \"SETTINGS\" FROM t FORMAT JSONEachRow; -- done\n");
  assert.equal(s.kind, 'SELECT');
  assert.equal(s.format, 'JSONEachRow');
  assert.equal(withSettings(s, { readonly: '2', result_overflow_mode: 'throw' }),
    "SELECT 'a;b FORMAT x' AS `FORMAT`, \"SETTINGS\" FROM t FORMAT JSONEachRow\nSETTINGS readonly = 2, result_overflow_mode = 'throw'");
});

test('a second statement is refused, a ; inside a string or comment is not one', () => {
  assert.throws(() => parse('SELECT 1; SELECT 2'), /Multi-statements/);
  assert.doesNotThrow(() => parse("SELECT ';' /* ; */ -- ;\n;;"));
});

test("an INSERT's settings go before FORMAT and its data is kept byte for byte", () => {
  const s = parse('INSERT INTO db.t (a, b) FORMAT JSONEachRow\n{"a":"x FORMAT y; SETTINGS","b":1}\n');
  assert.equal(s.format, 'JSONEachRow');
  assert.equal(s.data, '{"a":"x FORMAT y; SETTINGS","b":1}\n');
  assert.equal(withSettings(s, { date_time_input_format: 'best_effort' }),
    "INSERT INTO db.t (a, b) SETTINGS date_time_input_format = 'best_effort' FORMAT JSONEachRow\n{\"a\":\"x FORMAT y; SETTINGS\",\"b\":1}\n");
  const v = parse("INSERT INTO t (a) VALUES ('FORMAT')");
  assert.equal(withSettings(v, { max_threads: '1' }), "INSERT INTO t (a) SETTINGS max_threads = 1 VALUES ('FORMAT')");
});

test('setting values are literals that cannot break out', () => {
  assert.equal(literal('42'), '42');
  assert.equal(literal("x' , readonly = 0 --"), "'x\\' , readonly = 0 --'");
  assert.equal(literal('a\\'), "'a\\\\'");
});

test('statements without a query SETTINGS clause are recognised', () => {
  for (const sql of ['SYSTEM FLUSH LOGS', 'GRANT SELECT ON *.* TO r', 'CREATE USER u', 'CREATE OR REPLACE ROLE r',
    'DROP ROW POLICY p ON t', 'ALTER SETTINGS PROFILE p']) {
    assert.equal(takesSettingsClause(parse(sql)), false, sql);
  }
  for (const sql of ['CREATE TABLE t (a UInt8) ENGINE = Memory', 'CREATE OR REPLACE TABLE t (a UInt8) ENGINE = Memory',
    'DROP TABLE t', 'ALTER TABLE t DROP PARTITION 1', 'SELECT 1']) {
    assert.equal(takesSettingsClause(parse(sql)), true, sql);
  }
});
