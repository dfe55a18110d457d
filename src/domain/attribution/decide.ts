import { UNCLEAR } from '../verdict.js';

/**
 * The answer from calibrated probabilities: the most probable role, unless it is a role whose
 * probability is below the threshold (or too close to the runner-up), then `unclear`. The
 * confidence is the probability of the answer given, so "80%" is right about four times in five.
 * Training picks the threshold with this same function.
 */
export interface Decision {
  index: number;
  confidence: number;
  /** The most probable role, even when the answer is `unclear`. */
  leading: number;
  runnerUp: number;
}

/** `probabilities` holds one entry per class, in `classes` order; entries past `classes.length` are not read. */
export function decide(probabilities: ArrayLike<number>, classes: readonly string[], threshold: number, minMargin = 0): Decision {
  let leading = 0;
  let runnerUp = -1;
  for (let c = 1; c < classes.length; c++) {
    if ((probabilities[c] as number) > (probabilities[leading] as number)) {
      runnerUp = leading;
      leading = c;
    } else if (runnerUp < 0 || (probabilities[c] as number) > (probabilities[runnerUp] as number)) runnerUp = c;
  }
  const unclear = classes.indexOf(UNCLEAR);
  const top = probabilities[leading] as number;
  const margin = top - (runnerUp >= 0 ? (probabilities[runnerUp] as number) : 0);
  const index = leading !== unclear && unclear >= 0 && (top < threshold || margin < minMargin) ? unclear : leading;
  return { index, confidence: probabilities[index] as number, leading, runnerUp: Math.max(0, runnerUp) };
}
