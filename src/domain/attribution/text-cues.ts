import { PM, PO } from '../verdict.js';

/**
 * Words in summaries and descriptions that point to one role. Roadmap vocabulary comes from the
 * PM's remit (vision, strategy, market, pricing, go-to-market, launch timing); backlog vocabulary
 * from the team's day-to-day (defects, implementation, acceptance).
 */
export const PM_CUES = [
  'strategy',
  'strategic',
  'roadmap',
  'vision',
  'market',
  'market research',
  'competitor',
  'competitive',
  'pricing',
  'price',
  'licensing',
  'go-to-market',
  'go to market',
  'gtm',
  'launch',
  'okr',
  'okrs',
  'revenue',
  'churn',
  'deprecation policy',
  'positioning',
  'business case',
  'monetisation',
  'monetization',
  'packaging',
  'tier',
  'tiers',
  'segment',
  'segments',
  'customer interviews',
  'customer research',
  'win rate',
  'arr',
  'mrr',
  'market share',
  'partnership',
  'partners',
  'analyst',
  'north star',
  'expansion',
  'new market',
  'sunset',
  'retention',
  'adoption',
  'product-market fit',
  'discovery',
  'opportunity',
  'hypothesis',
  'quarter',
  'h1',
  'h2',
];

export const PO_CUES = [
  'steps to reproduce',
  'expected result',
  'actual result',
  'expected behaviour',
  'expected behavior',
  'actual behaviour',
  'actual behavior',
  'stack trace',
  'stacktrace',
  'exception',
  'error',
  'crash',
  'regression',
  'refactor',
  'refactoring',
  'api change',
  'endpoint',
  'migration',
  'migrate',
  'performance',
  'schema',
  'unit test',
  'unit tests',
  'test coverage',
  'flaky',
  'fix',
  'bug',
  'button',
  'validation',
  'acceptance',
  'definition of done',
  'sprint',
  'backlog',
  'implement',
  'implementation',
  'ui',
  'css',
  'null pointer',
  'timeout',
  'upgrade',
  'dependency',
  'log',
  'logging',
];

export interface CueMatcher {
  role: string;
  /** Matches any cue as a whole word or phrase, case-insensitive. */
  pattern: RegExp;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Cues of ASCII words, which `\b` can bound. */
const ASCII_CUE = /^[A-Za-z0-9][A-Za-z0-9 '-]*[A-Za-z0-9]$/;

export function cueMatcher(role: string, cues: readonly string[]): CueMatcher {
  const alternatives = [...cues].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // ASCII word cues can use \b, several times faster than Unicode look-arounds on long descriptions.
  if (cues.every((cue) => ASCII_CUE.test(cue))) return { role, pattern: new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'gi') };
  return { role, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu') };
}

/** Several roles' ASCII cues, found in one pass of one expression: one group per role. */
export interface RoleCueSearch {
  roles: readonly string[];
  pattern: RegExp;
}

/** A word character as `\b` sees it. */
function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /\w/.test(c);
}

/** Whether some text holds a match of `a` and a match of `b` that share a character, with `b` starting at one of `a`'s word starts (the reverse is checked with the two swapped). */
function canOverlap(a: string, b: string): boolean {
  for (let p = 0; p < a.length; p++) {
    if (p > 0 && (isWordChar(a[p - 1]) || !isWordChar(a[p]))) continue;
    const rest = a.slice(p);
    if ((rest.startsWith(b) && !isWordChar(rest[b.length])) || (b.startsWith(rest) && !isWordChar(b[rest.length]))) return true;
  }
  return false;
}

/**
 * One alternation with a group per role finds what each role's own search finds only when no
 * cue of one role can overlap a cue of another in any text: that is checked here, once.
 */
export function roleCueSearch(lists: readonly (readonly [role: string, cues: readonly string[]])[]): RoleCueSearch {
  const all = lists.map(([role, cues]) => [role, cues.map((c) => c.toLowerCase())] as const);
  for (const [role, cues] of all) {
    const odd = cues.find((cue) => !ASCII_CUE.test(cue));
    if (odd !== undefined) throw new Error(`cue "${odd}" of ${role} is not ASCII words: search it with cueMatcher`);
    for (const [other, theirs] of all) {
      if (other === role) continue;
      for (const a of cues) for (const b of theirs) if (canOverlap(a, b)) throw new Error(`cues "${a}" (${role}) and "${b}" (${other}) can overlap: search them separately`);
    }
  }
  const groups = all.map(([, cues]) => `(${[...cues].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`);
  return { roles: all.map(([role]) => role), pattern: new RegExp(`\\b(?:${groups.join('|')})\\b`, 'gi') };
}

export const DEFAULT_CUE_SEARCH: RoleCueSearch = roleCueSearch([
  [PM, PM_CUES],
  [PO, PO_CUES],
]);

/** Each role's distinct cues found in the text, in order of first appearance (at most `limit` per role). */
export function findRoleCues(search: RoleCueSearch, text: string, limit = 4): string[][] {
  const found: string[][] = search.roles.map(() => []);
  let open = search.roles.length;
  search.pattern.lastIndex = 0;
  for (let m = search.pattern.exec(text); m !== null && open > 0; m = search.pattern.exec(text)) {
    let r = 1;
    while (m[r] === undefined) r++;
    const list = found[r - 1] as string[];
    const cue = m[0].toLowerCase();
    if (list.length < limit && !list.includes(cue)) {
      list.push(cue);
      if (list.length === limit) open--;
    }
  }
  return found;
}

/** Distinct cues of a matcher found in the text, in order of first appearance (at most `limit`). */
export function findCues(matcher: CueMatcher, text: string, limit = 4): string[] {
  const found: string[] = [];
  matcher.pattern.lastIndex = 0;
  for (let m = matcher.pattern.exec(text); m !== null; m = matcher.pattern.exec(text)) {
    const cue = m[0].toLowerCase();
    if (!found.includes(cue)) found.push(cue);
    if (found.length >= limit) break;
  }
  return found;
}

/** Labels and components that name a role's territory. */
export const PM_TAGS = new Set(['roadmap', 'strategy', 'pricing', 'gtm', 'go-to-market', 'launch', 'market', 'market-research', 'okr', 'discovery', 'competitive', 'competitor', 'monetization', 'monetisation', 'packaging', 'positioning', 'partnership', 'business', 'revenue', 'churn', 'vision']);
export const PO_TAGS = new Set(['tech-debt', 'techdebt', 'technical-debt', 'bug', 'defect', 'refactor', 'refactoring', 'frontend', 'backend', 'api', 'qa', 'testing', 'regression', 'ui', 'ux-polish', 'infra', 'performance', 'security-fix', 'hotfix', 'sprint', 'backlog']);
