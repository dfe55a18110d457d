import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerWhoOwns, type WhoOwnsDeps } from '../../src/slack/answer-who-owns.js';
import { lookupsFor } from '../../src/slack/who-owns-search.js';
import { type SlackTestApp, startSlackTestApp } from './slack-test-app.js';

const FENCE = ' AND project in ("PAY", "GRO")';
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"/g;

/** Seeded hostile command texts: quotes, escapes, JQL operators and keywords, unicode, 4 KB strings. */
function hostileTexts(count: number, seed = 7): string[] {
  let a = seed;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const parts = ['"', "'", '\\', '\\"', ' OR ', ' or ', ' AND ', 'ORDER BY created DESC', ' order by rank', ') OR (', '(', ')', 'project = SECRET', 'project in (X)', '~', '!=', '!~', '>=', 'is EMPTY', 'not in', '= "x"', ',', ';', '--', '/*', '*/', '\u0000', '\n', '\t', '\u202e', '\u200b', '💸', 'ß', '定价', 'PAY', 'pricing', 'issuekey', 'currentUser()', 'membersOf("x")', '%', '&', '<', '>', '<@U0X>', 'text ~ "a"', '" OR project = SECRET OR text ~ "', '\\" OR 1=1 --'];
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(rand() * 12);
    let text = Array.from({ length: n }, () => parts[Math.floor(rand() * parts.length)]).join(rand() < 0.5 ? ' ' : '');
    if (i % 3 === 0) text = `jql: ${text}`;
    if (i % 97 === 0) text = `${text} ${'"OR '.repeat(1024)}`; // > 4 KB
    if (/^\s*(help|mine|unclear)\s*$/i.test(text)) text = `x ${text}`;
    texts.push(text);
  }
  return texts;
}

/** The query structure, independent of the implementation: literals folded, then checked. */
function checkShape(jql: string): string | null {
  const folded = jql.replace(STRING_LITERAL, 'S');
  if (folded.startsWith('text ~ S AND project in (S, S)') && folded === 'text ~ S AND project in (S, S)') return null;
  if (!folded.startsWith('(') || !folded.endsWith(`)${FENCE.replace(/"[A-Z]+"/g, 'S')}`)) return `not fenced: ${jql}`;
  const inner = folded.slice(1, folded.length - FENCE.replace(/"[A-Z]+"/g, 'S').length - 1);
  let depth = 0;
  for (const c of inner) {
    if (c === '(') depth++;
    if (c === ')' && --depth < 0) return `escapes the fence: ${jql}`;
    if (c === '"' || c === "'" || c === '\\') return `stray quote: ${jql}`;
  }
  if (depth !== 0) return `unbalanced: ${jql}`;
  if (/\border\b/i.test(inner)) return `ORDER BY outside a literal: ${jql}`;
  return null;
}

describe('slack: hostile /who-owns texts never change the JQL sent to Jira', () => {
  let t: SlackTestApp;
  let deps: WhoOwnsDeps;
  beforeAll(async () => {
    t = await startSlackTestApp();
    deps = { store: t.store, teams: t.teams, ...lookupsFor({ store: t.store, teams: t.teams, searchJira: t.searchJira }) };
  });
  afterAll(async () => {
    await t.close();
  });

  it('1,200 texts: every query Jira receives keeps its shape; none errors', async () => {
    const texts = hostileTexts(1200);
    t.jira.searches.length = 0;
    for (const text of texts) {
      const answer = await answerWhoOwns(deps, { text, userId: 'U0PRIYA01', channelId: 'C0PAYMENTS' });
      expect(answer.text.length).toBeGreaterThan(0);
    }
    const sent = t.jira.searches.map((s) => String(s.jql));
    const problems = sent.map(checkShape).filter((p) => p !== null);

    expect(sent.length).toBeGreaterThan(500);
    expect(sent.some((j) => j.startsWith('('))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('the same through signed slash commands to the running app', async () => {
    t.jira.searches.length = 0;
    const texts = hostileTexts(40, 99);
    for (const text of texts) await t.command(text);
    expect(t.jira.searches.length).toBeGreaterThan(12);
    expect(t.jira.searches.map((s) => checkShape(String(s.jql))).filter((p) => p !== null)).toEqual([]);
  });

  it('the check itself catches a query that gained a clause', () => {
    expect(checkShape(`((a = "b") OR (c = "d"))${FENCE}`)).toBeNull();
    expect(checkShape(`(a = "b") OR (c = "d")${FENCE}`)).not.toBeNull();
    expect(checkShape(`(a = "b") OR project = X${FENCE}`.replace(/^\(/, ''))).not.toBeNull();
    expect(checkShape(`(a) OR (b)${FENCE} ORDER BY key`)).not.toBeNull();
    expect(checkShape(`text ~ "a" OR project = X${FENCE}`)).not.toBeNull();
  });
});
