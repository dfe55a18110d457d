import { describe, expect, it } from 'vitest';
import { RequestGate } from '../../src/jira/request-gate.js';
import { busiestSecond } from '../support/busiest-second.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('request gate', () => {
  it('keeps to the rate as Jira counts it, at arrival, when sends lag the gate by up to 300 ms', async () => {
    const gate = new RequestGate({ maxConcurrency: 20, maxPerSecond: 10 });
    const arrivals: number[] = [];
    // Ten slow sends, then ten quick ones, and so on: the slow ones arrive late, bunching with the quick ones let go a second after them.
    const call = (i: number) => async () => {
      await pause(Math.floor(i / 10) % 2 === 0 ? 300 : 0);
      arrivals.push(Date.now());
      await pause(20);
    };
    await Promise.all(Array.from({ length: 40 }, (_, i) => gate.run('probe', call(i))));
    expect(arrivals).toHaveLength(40);
    expect(busiestSecond(arrivals)).toBeLessThanOrEqual(10);
  }, 20_000);
});
