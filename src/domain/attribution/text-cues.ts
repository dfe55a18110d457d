import { PM, PO } from '../verdict.js';

/**
 * Words in summaries and descriptions that point to one role. Roadmap vocabulary comes from the
 * PM's remit (vision, strategy, market, pricing, go-to-market, launch timing); backlog vocabulary
 * from the team's day-to-day (defects, implementation, acceptance).
 */
const PM_CUES = [
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

const PO_CUES = [
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

export function cueMatcher(role: string, cues: readonly string[]): CueMatcher {
  const alternatives = [...cues].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // ASCII word cues can use \b, several times faster than Unicode look-arounds on long descriptions.
  if (cues.every((cue) => /^[A-Za-z0-9][A-Za-z0-9 '-]*[A-Za-z0-9]$/.test(cue))) return { role, pattern: new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'gi') };
  return { role, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu') };
}

export const DEFAULT_CUE_MATCHERS: readonly CueMatcher[] = [cueMatcher(PM, PM_CUES), cueMatcher(PO, PO_CUES)];

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
