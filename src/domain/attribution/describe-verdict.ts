import { UNCLEAR, type Verdict } from '../verdict.js';

/** One line a person can check: "PM — hierarchy level 2, label “pricing”, target dates set". */
export function describeVerdict(verdict: Verdict, maxReasons = 3): string {
  const head = verdict.role === UNCLEAR ? 'unclear' : verdict.role === 'none' ? 'not applicable' : verdict.role;
  const reasons = verdict.reasons
    .filter((r) => r.signal === 'decision' || r.signal === 'margin' || r.signal === 'team-claim' || r.role === verdict.role)
    .slice(0, maxReasons)
    .map((r) => r.text);
  return reasons.length > 0 ? `${head} — ${reasons.join('; ')}` : head;
}
