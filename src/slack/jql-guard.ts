import { jqlList, jqlString } from '../jira/jql.js';

/**
 * User JQL from `/who-owns jql: …`, checked against an allow-list and rebuilt token by token,
 * then fenced into the teams' projects: `(<query>) AND project in (…)`. Strings are re-quoted
 * with jqlString, parentheses must balance, and ORDER BY, unknown fields, functions with
 * arguments and stray characters are refused, so a user can never change the query's shape.
 */
const FIELDS = new Set([
  'project', 'status', 'statuscategory', 'issuetype', 'type', 'priority', 'labels', 'component', 'assignee', 'reporter',
  'sprint', 'fixversion', 'created', 'updated', 'resolved', 'resolution', 'duedate', 'summary', 'text', 'key', 'issuekey', 'parent', 'description',
]);
const FUNCTIONS = new Set(['currentuser', 'opensprints', 'closedsprints', 'futuresprints', 'now', 'startofday', 'endofday', 'startofweek', 'endofweek', 'startofmonth', 'endofmonth']);
const OPERATORS = new Set(['=', '!=', '~', '!~', '>', '>=', '<', '<=']);
const WORD_OPERATORS = new Set(['in', 'not', 'is', 'was', 'changed']);
const KEYWORDS = new Set(['and', 'or', 'not', 'empty', 'null']);
const MAX_TOKENS = 80;

type Token = { t: 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma'; v: string };

export type JqlCheck = { ok: true; jql: string } | { ok: false; reason: string };

function tokenize(input: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      for (; j < input.length && input[j] !== c; j++) {
        if (input[j] === '\\' && j + 1 < input.length) j++;
        value += input[j];
      }
      if (j >= input.length) return 'a quoted value is not closed';
      tokens.push({ t: 'string', v: value });
      i = j + 1;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', v: c });
      i++;
    } else if (/[!=~<>]/.test(c)) {
      const two = input.slice(i, i + 2);
      const op = OPERATORS.has(two) ? two : c;
      if (!OPERATORS.has(op)) return `“${op}” is not a JQL operator`;
      tokens.push({ t: 'op', v: op });
      i += op.length;
    } else {
      const m = /^[\p{L}\p{N}_.-]+/u.exec(input.slice(i));
      if (!m) return `“${c}” is not allowed in a who-owns query`;
      tokens.push({ t: 'word', v: m[0] });
      i += m[0].length;
    }
    if (tokens.length > MAX_TOKENS) return `the query is too long (at most ${MAX_TOKENS} parts)`;
  }
  return tokens;
}

/** Checks user JQL and returns it fenced into `projects`, or a reason a person can act on. */
export function checkUserJql(input: string, projects: readonly string[]): JqlCheck {
  if (projects.length === 0) return { ok: false, reason: 'no team in the team file has a Jira project to search' };
  const tokens = tokenize(input);
  if (typeof tokens === 'string') return { ok: false, reason: tokens };
  if (tokens.length === 0) return { ok: false, reason: 'the query is empty' };
  const out: string[] = [];
  let depth = 0;
  let expectField = true;
  for (const [i, token] of tokens.entries()) {
    const lower = token.v.toLowerCase();
    const next = tokens[i + 1];
    if (token.t === 'lparen') {
      depth++;
      out.push('(');
    } else if (token.t === 'rparen') {
      depth--;
      if (depth < 0) return { ok: false, reason: 'a “)” has no matching “(”' };
      out.push(')');
    } else if (token.t === 'comma') {
      if (depth === 0) return { ok: false, reason: 'commas only separate values inside ( … )' };
      out.push(',');
    } else if (token.t === 'op') {
      out.push(token.v);
      expectField = false;
    } else if (token.t === 'string') {
      out.push(jqlString(token.v));
      expectField = false;
    } else if (lower === 'order' || lower === 'by') {
      return { ok: false, reason: 'ORDER BY is not supported: who-owns sorts the answer itself' };
    } else if (lower === 'and' || lower === 'or') {
      out.push(lower.toUpperCase());
      expectField = true;
    } else if (WORD_OPERATORS.has(lower) || KEYWORDS.has(lower)) {
      out.push(lower === 'empty' || lower === 'null' ? 'EMPTY' : lower.toUpperCase());
    } else if (FUNCTIONS.has(lower) && next?.t === 'lparen' && tokens[i + 2]?.t === 'rparen') {
      out.push(`${token.v}()`);
      tokens.splice(i + 1, 2);
      expectField = false;
    } else if (expectField && !FIELDS.has(lower)) {
      return { ok: false, reason: `“${token.v}” is not a field who-owns queries; use ${[...FIELDS].slice(0, 12).join(', ')}…` };
    } else if (expectField) {
      out.push(token.v);
      expectField = false;
    } else {
      // A bare value (PAY, Done, 42): quoted, so it can only ever be a literal.
      out.push(jqlString(token.v));
    }
  }
  if (depth !== 0) return { ok: false, reason: 'a “(” is not closed' };
  return { ok: true, jql: `(${out.join(' ')}) AND project in ${jqlList(projects)}` };
}

/** Free text as JQL: one quoted `text ~` literal, fenced into `projects`. */
export function freeTextJql(text: string, projects: readonly string[]): string {
  return `text ~ ${jqlString(text)} AND project in ${jqlList(projects)}`;
}
