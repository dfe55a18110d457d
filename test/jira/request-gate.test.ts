import { afterEach, describe, expect, it } from 'vitest';
import { type SampleJiraServer, startJiraSiteServer } from '../../src/demo/sample-jira-server.js';
import { createJiraClients } from '../../src/jira/jira-clients.js';
import { fetchFieldMap } from '../../src/jira/jira-source.js';
import { searchPages } from '../../src/jira/search-pager.js';
import { generateSite } from '../support/fake-jira-server.js';
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

  it('keeps close to the rate when Jira takes 400 ms to answer: a request counts from when it arrived, not from its answer', async () => {
    const arrivals: number[] = [];
    const jira = await startJiraSiteServer(generateSite({ count: 1 }), async () => {
      arrivals.push(Date.now());
      await pause(400);
      return false;
    });
    const clients = createJiraClients({ baseUrl: jira.url, deployment: 'cloud', basic: { email: 'bot@example.com', apiToken: 'x' }, limits: { maxConcurrency: 8, maxPerSecond: 10 } });
    const started = Date.now();
    await Promise.all(Array.from({ length: 60 }, () => fetchFieldMap(clients)));
    const seconds = (Date.now() - started) / 1000;
    await jira.close();

    expect(busiestSecond(arrivals)).toBeLessThanOrEqual(10);
    // 60 at 10 a second: 5 s of windows and one answer; counting each from its answer takes over 8 s.
    expect(seconds).toBeLessThan(7.4);
  }, 20_000);
});

/**
 * A 429 from Jira's per-second burst limit holds back the request it refused, not the site:
 * a look-up asked meanwhile answers at once. A quota 429 (or one that names no limit) holds
 * back every caller for as long as Jira asks.
 */
const RETRY_AFTER_S = 2;
let server: SampleJiraServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function refusedSearchThenLookup(reason: string | undefined): Promise<{ lookupMs: number; searchMs: number }> {
  let refused = false;
  server = await startJiraSiteServer(generateSite({ count: 5 }), (req, res) => {
    if (refused || !req.url?.startsWith('/rest/api/3/search/jql')) return false;
    refused = true;
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(RETRY_AFTER_S), ...(reason ? { 'ratelimit-reason': reason } : {}) });
    res.end(JSON.stringify({ errorMessages: ['Rate limit exceeded.'] }));
    return true;
  });
  const clients = createJiraClients({ baseUrl: server.url, deployment: 'cloud', basic: { email: 'bot@example.com', apiToken: 'x' }, limits: { maxConcurrency: 4, maxPerSecond: 100 } });
  const started = Date.now();
  const search = (async () => {
    for await (const _page of searchPages(clients, { condition: 'project = PAY', fields: ['id'] }));
    return Date.now() - started;
  })();
  while (clients.gate.stats.rateLimited === 0) await new Promise((r) => setTimeout(r, 5));
  const asked = Date.now();
  await fetchFieldMap(clients);
  const lookupMs = Date.now() - asked;
  return { lookupMs, searchMs: await search };
}

describe('jira/request-gate after a 429', () => {
  it('lets other callers on after a burst 429, while the refused request waits as Jira asked', async () => {
    const { lookupMs, searchMs } = await refusedSearchThenLookup('jira-burst-based');

    expect(lookupMs).toBeLessThan(1_000);
    expect(searchMs).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000);
  });

  it('holds every caller back after a quota 429 or one that names no limit', async () => {
    for (const reason of ['jira-quota-tenant-based', undefined]) {
      const { lookupMs } = await refusedSearchThenLookup(reason);
      await server?.close();

      expect(lookupMs).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 300);
    }
  });
});
