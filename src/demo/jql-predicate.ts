/**
 * The JQL subset the loopback Jira understands, as a predicate and a sort: `project`,
 * `component`, `key`, `filter`, `status` with `in (…)` or `=`, `id` compared with a number, `updated`
 * compared with a date-time, joined by AND / OR with parentheses, and one ORDER BY field.
 * Anything else is "not understood" (null), so a test never passes on JQL Jira would refuse.
 */
type Json = Record<string, unknown>;
export type IssuePredicate = (issue: Json) => boolean;

export interface JqlContext {
  /** Saved filters by id (JQL). */
  filters?: Record<string, string>;
  /** Projects the caller may browse; a clause naming another is refused as Jira refuses it. */
  projects?: ReadonlySet<string>;
}

/** What Jira answers for a value the caller may not see: a 400 naming the value and field. */
export class JqlValueError extends Error {
  constructor(
    readonly field: string,
    readonly value: string,
  ) {
    super(`The value '${value}' does not exist for the field '${field}'.`);
  }
}

const TOKEN = /\s*("(?:[^"\\]|\\.)*"|\(|\)|,|>=|<=|!=|[=<>]|[^\s(),=<>!"]+)/y;

function tokenize(text: string): string[] | null {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(text);
    if (!match?.[1]) return null;
    tokens.push(match[1]);
  }
  return tokens;
}

function unquote(token: string): string {
  return token.startsWith('"') ? token.slice(1, -1).replace(/\\(.)/g, '$1') : token;
}

function fieldsOf(issue: Json): Json {
  return (issue.fields as Json | undefined) ?? {};
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
};

/** Jira's `"yyyy-MM-dd HH:mm"` (UTC here) as epoch milliseconds. */
function jqlTime(value: string): number {
  return Date.parse(`${value.replace(' ', 'T')}:00.000Z`);
}

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: string[],
    private readonly context: JqlContext,
  ) {}

  parse(): IssuePredicate | null {
    const predicate = this.or();
    return predicate && this.at === this.tokens.length ? predicate : null;
  }

  private peek(): string | undefined {
    return this.tokens[this.at];
  }

  private next(): string | undefined {
    return this.tokens[this.at++];
  }

  private or(): IssuePredicate | null {
    return this.joined('OR', () => this.and(), (tests) => (issue) => tests.some((t) => t(issue)));
  }

  private and(): IssuePredicate | null {
    return this.joined('AND', () => this.atom(), (tests) => (issue) => tests.every((t) => t(issue)));
  }

  /** `part (keyword part)*`, combined; null when any part is not understood. */
  private joined(keyword: string, part: () => IssuePredicate | null, combine: (tests: IssuePredicate[]) => IssuePredicate): IssuePredicate | null {
    const parts = [part()];
    while (this.peek()?.toUpperCase() === keyword) {
      this.at++;
      parts.push(part());
    }
    if (parts.some((p) => !p)) return null;
    const tests = parts as IssuePredicate[];
    return tests.length === 1 ? (tests[0] as IssuePredicate) : combine(tests);
  }

  private atom(): IssuePredicate | null {
    if (this.peek() === '(') {
      this.at++;
      const inner = this.or();
      return this.next() === ')' ? inner : null;
    }
    const field = this.next()?.toLowerCase();
    const operator = this.next()?.toLowerCase();
    if (!field || !operator) return null;
    if (operator === 'in') return this.membership(field, this.list());
    if (!(operator in COMPARE)) return null;
    const raw = this.next();
    if (raw === undefined) return null;
    const value = unquote(raw);
    if (field === 'id') {
      const compare = COMPARE[operator] as (a: number, b: number) => boolean;
      return (issue) => compare(Number(issue.id), Number(value));
    }
    if (field === 'updated') {
      const compare = COMPARE[operator] as (a: number, b: number) => boolean;
      const at = jqlTime(value);
      return (issue) => compare(Date.parse(String(fieldsOf(issue).updated ?? '')), at);
    }
    return operator === '=' ? this.membership(field, [value]) : null;
  }

  private list(): string[] | null {
    if (this.next() !== '(') return null;
    const values: string[] = [];
    for (;;) {
      const token = this.next();
      if (token === undefined) return null;
      values.push(unquote(token));
      const separator = this.next();
      if (separator === ')') return values;
      if (separator !== ',') return null;
    }
  }

  private membership(field: string, values: string[] | null): IssuePredicate | null {
    if (!values) return null;
    const wanted = new Set(values.map((v) => v.toLowerCase()));
    if (field === 'filter') {
      const saved = values.map((id) => {
        const jql = this.context.filters?.[id];
        if (jql === undefined) throw new JqlValueError('filter', id);
        return jqlPredicate(jql, { ...this.context, filters: {} });
      });
      if (saved.some((p) => !p)) return null;
      return (issue) => saved.some((p) => p?.(issue));
    }
    if (field === 'project') {
      const known = this.context.projects;
      const hidden = known && values.find((v) => !known.has(v.toUpperCase()));
      if (hidden) throw new JqlValueError('project', hidden);
      return (issue) => wanted.has(String((fieldsOf(issue).project as Json | undefined)?.key ?? '').toLowerCase());
    }
    if (field === 'key' || field === 'issuekey') return (issue) => wanted.has(String(issue.key).toLowerCase());
    if (field === 'status') return (issue) => wanted.has(String((fieldsOf(issue).status as Json | undefined)?.name ?? '').toLowerCase());
    if (field === 'component') {
      return (issue) => ((fieldsOf(issue).components as { name?: string }[] | undefined) ?? []).some((c) => wanted.has(String(c.name ?? '').toLowerCase()));
    }
    return null;
  }
}

/** Splits `… ORDER BY field [ASC|DESC]` off a query. */
function splitOrder(jql: string): { query: string; order?: { field: string; descending: boolean } } {
  const match = /^(.*?)\s*\bORDER\s+BY\s+(\w+)(?:\s+(ASC|DESC))?\s*$/is.exec(jql);
  if (!match) return { query: jql.trim() };
  return { query: (match[1] ?? '').trim(), order: { field: (match[2] ?? '').toLowerCase(), descending: match[3]?.toUpperCase() === 'DESC' } };
}

/** Parses the JQL subset into a predicate; null when the query uses anything else. Throws JqlValueError for a value Jira would refuse. */
export function jqlPredicate(jql: string, context: JqlContext = {}): IssuePredicate | null {
  const tokens = tokenize(splitOrder(jql).query);
  return tokens && tokens.length > 0 ? new Parser(tokens, context).parse() : null;
}

/** Sorts matching issues by id when the query asks for it (keyset paging); site order otherwise, which is key order. */
export function jqlSort(jql: string, issues: Json[]): Json[] {
  const order = splitOrder(jql).order;
  if (order?.field !== 'id') return issues;
  const sign = order.descending ? -1 : 1;
  return [...issues].sort((a, b) => sign * (Number(a.id) - Number(b.id)));
}
