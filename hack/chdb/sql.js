// Just enough SQL lexing for the test server (server.js) to treat one HTTP request's statement the
// way ClickHouse's HTTP handler would: find its kind, its output FORMAT, where an INSERT's inline
// data starts, refuse multi-statements, and attach the request's settings to THIS statement with
// a SETTINGS clause (never with SET, which would change the one shared chDB session).
'use strict';

/**
 * Splits sql into significant tokens, skipping whitespace and comments. Each token is
 * {text, start, end, depth}; depth counts open parentheses/brackets. Strings ('...') and quoted
 * identifiers ("..." and `...`) are one token each, so keywords inside them are never matched.
 * stopAfter(token, tokens) may return true to stop lexing (an INSERT's data is not SQL).
 */
function tokens(sql, stopAfter) {
  const out = [];
  let i = 0;
  let depth = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '-' && sql[i + 1] === '-' || c === '#' && sql[i + 1] === ' ') {
      while (i < n && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    const start = i;
    if (c === "'" || c === '"' || c === '`') {
      i++;
      while (i < n) {
        if (sql[i] === '\\') { i += 2; continue; }
        if (sql[i] === c) {
          if (sql[i + 1] === c) { i += 2; continue; } // doubled quote inside the literal
          i++;
          break;
        }
        i++;
      }
    } else if (/[A-Za-z0-9_$]/.test(c)) {
      while (i < n && /[A-Za-z0-9_$.]/.test(sql[i])) i++;
    } else {
      i++;
      if (c === '(' || c === '[') depth++;
      if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    }
    const t = { text: sql.slice(start, i), start, end: i, depth };
    out.push(t);
    if (stopAfter && stopAfter(t, out)) break;
  }
  return out;
}

const upper = (t) => (t ? t.text.toUpperCase() : '');

/** The statement kinds whose output is a result set in a FORMAT. */
const OUTPUT_KINDS = new Set(['SELECT', 'WITH', 'SHOW', 'DESCRIBE', 'DESC', 'EXISTS', 'EXPLAIN', 'CHECK', '(']);

class SqlError extends Error {
  constructor(code, name, message) {
    super(message);
    this.clickhouseCode = code;
    this.clickhouseName = name;
  }
}

/**
 * Parses one statement (the query text; for an INSERT, possibly followed by its data).
 * Returns {kind, head, data, format, hasFormat}: head is the SQL without trailing `;`/comments,
 * data is an INSERT's inline data (after `FORMAT name`), format the output/input format named.
 */
function parse(text) {
  let insertFormatAt = -1;
  const toks = tokens(text, (t, all) => {
    // Stop right after `INSERT ... FORMAT <name>`: what follows is data, not SQL.
    if (upper(all[0]) !== 'INSERT') return false;
    const prev = all[all.length - 2];
    if (prev && prev.depth === 0 && upper(prev) === 'FORMAT') {
      insertFormatAt = all.length - 2;
      return true;
    }
    return false;
  });
  if (toks.length === 0) {
    throw new SqlError(62, 'SYNTAX_ERROR', 'Empty query');
  }
  const kind = upper(toks[0]);
  const words = toks.slice(0, 4).map(upper);
  if (kind === 'INSERT' && insertFormatAt >= 0) {
    const fmt = toks[insertFormatAt + 1];
    // ClickHouse skips the whitespace (and at most the line) between the format name and the data.
    let dataStart = fmt.end;
    while (dataStart < text.length && (text[dataStart] === ' ' || text[dataStart] === '\t')) dataStart++;
    if (text[dataStart] === '\r') dataStart++;
    if (text[dataStart] === '\n') dataStart++;
    return {
      kind,
      head: text.slice(0, fmt.end),
      formatAt: toks[insertFormatAt].start,
      data: text.slice(dataStart),
      format: fmt.text.replace(/^[`"]|[`"]$/g, ''),
      hasFormat: true,
      words,
    };
  }
  // Drop trailing semicolons; a significant token after a top-level `;` is a second statement.
  let last = toks.length - 1;
  while (last >= 0 && toks[last].text === ';') last--;
  if (last < 0) throw new SqlError(62, 'SYNTAX_ERROR', 'Empty query');
  for (let k = 0; k < last; k++) {
    if (toks[k].text === ';' && toks[k].depth === 0) {
      throw new SqlError(62, 'SYNTAX_ERROR',
        'Syntax error (Multi-statements are not allowed): failed at position ' + (toks[k].start + 1) + ' (end of query)');
    }
  }
  let format = null;
  for (let k = last - 1; k >= 0; k--) {
    if (toks[k].depth === 0 && upper(toks[k]) === 'FORMAT') {
      format = toks[k + 1].text.replace(/^[`"]|[`"]$/g, '');
      break;
    }
  }
  let valuesAt = -1;
  if (kind === 'INSERT') {
    const v = toks.find((t) => t.depth === 0 && (upper(t) === 'VALUES' || upper(t) === 'SELECT' || upper(t) === 'WITH'));
    if (v && upper(v) === 'VALUES') valuesAt = v.start;
  }
  return { kind, head: text.slice(0, toks[last].end), formatAt: valuesAt, data: '', format, hasFormat: format !== null, words };
}

// Access-entity DDL: a trailing SETTINGS there would be the entity's own settings, not the query's.
const ACCESS_ENTITIES = new Set(['USER', 'ROLE', 'ROW', 'POLICY', 'QUOTA', 'SETTINGS', 'PROFILE']);

/** False for statements whose grammar has no query-level SETTINGS clause (SYSTEM, GRANT, access DDL). */
function takesSettingsClause(stmt) {
  if (['SYSTEM', 'GRANT', 'REVOKE'].includes(stmt.kind)) return false;
  if (['CREATE', 'ALTER', 'DROP'].includes(stmt.kind)) {
    const w = stmt.words[1] === 'OR' ? stmt.words[3] : stmt.words[1];
    return !ACCESS_ENTITIES.has(w);
  }
  return true;
}

/** A setting's value as a SQL literal: plain numbers stay numbers, the rest become quoted strings. */
function literal(value) {
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  return "'" + value.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
}

/**
 * The statement to run: the parsed statement with `SETTINGS k = v, ...` added where ClickHouse
 * accepts it for this kind of statement (before an INSERT's FORMAT/VALUES, else at the end,
 * where it is allowed even after `FORMAT x` or a table's own SETTINGS).
 */
function withSettings(stmt, settings) {
  const names = Object.keys(settings);
  if (names.length === 0) return stmt.kind === 'INSERT' && stmt.data ? stmt.head + '\n' + stmt.data : stmt.head;
  const clause = 'SETTINGS ' + names.map((k) => k + ' = ' + literal(settings[k])).join(', ');
  if (stmt.kind === 'INSERT' && stmt.formatAt >= 0) {
    const sql = stmt.head.slice(0, stmt.formatAt) + clause + ' ' + stmt.head.slice(stmt.formatAt);
    return stmt.data ? sql + '\n' + stmt.data : sql;
  }
  return stmt.head + '\n' + clause;
}

module.exports = { tokens, parse, withSettings, takesSettingsClause, literal, SqlError, OUTPUT_KINDS };
