/**
 * `/who-owns KEY` end to end over loopback HTTP: signed slash commands, 50 in flight, against a
 * real Redis holding 50,000 items; latency is from sending the request to the answer arriving
 * at the response_url. Baseline in the same run: a bare HTTP round trip to the same server (a
 * request refused at the signature check, no work) at the same concurrency, and Redis GET.
 * Usage: npm run bench:command
 */
import { spawn } from 'node:child_process';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { attributeItem } from '../src/domain/attribution/attribute-item.js';
import { workItem } from '../src/domain/work-item.js';
import { aTeam } from '../test/support/builders.js';
import { startFakeSlackApi } from '../test/support/fake-slack-api.js';
import { startTestRedis } from '../test/support/redis-server.js';
import { signedHeaders, slashCommandBody } from '../test/support/slack-signing.js';
import { startTestProcess } from '../test/support/test-process.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 50_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const SECRET = 'bench-signing-secret';
const SITE = 'https://acme.atlassian.net';

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** One POST over a kept-alive connection (lighter on the client than fetch, so it measures the server). */
function post(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function pool(count: number, concurrency: number, task: (i: number) => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) times.push(await task(next++));
    }),
  );
  return times.sort((a, b) => a - b);
}

/** The load generator (child process): signed commands and bare round trips, answers received here. */
async function generateLoad(url: string) {
  const waiting = new Map<string, (at: number) => void>();
  const answers: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = (req.url ?? '').split('/').pop() ?? '';
      const body = Buffer.concat(chunks).toString('utf8');
      if (!body.includes('Product')) console.error(`unexpected answer for ${id}: ${body.slice(0, 200)}`);
      waiting.get(id)?.(performance.now());
      res.end('ok');
    });
  });
  await new Promise<void>((r) => answers.listen(0, '127.0.0.1', r));
  const answersOrigin = `http://127.0.0.1:${(answers.address() as AddressInfo).port}`;
  async function command(i: number): Promise<number> {
    const id = `r${i}-${Math.random().toString(36).slice(2)}`;
    const key = `PAY-${1 + Math.floor(Math.random() * ITEMS)}`;
    const body = slashCommandBody({ text: key, user_id: 'U0PRIYA01', channel_id: 'C0PAYMENTS', response_url: `${answersOrigin}/response/${id}` });
    const arrived = new Promise<number>((resolve) => waiting.set(id, resolve));
    const sent = performance.now();
    const status = await post(url, signedHeaders(SECRET, body), body);
    if (status !== 200) throw new Error(`status ${status}`);
    const at = await arrived;
    waiting.delete(id);
    return at - sent;
  }
  async function bare(): Promise<number> {
    const body = 'text=PAY-1';
    const sent = performance.now();
    await post(url, signedHeaders('wrong-secret', body), body);
    return performance.now() - sent;
  }
  await pool(200, CONCURRENCY, command); // warm-up
  const commandTimes = await pool(REQUESTS, CONCURRENCY, command);
  const bareTimes = await pool(REQUESTS, CONCURRENCY, bare);
  await new Promise<void>((r) => answers.close(() => r()));
  agent.destroy();
  console.log(JSON.stringify({ commandTimes, bareTimes }));
}

async function main() {
  const teams = [aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [12], components: [] }, channel: 'C0PAYMENTS' })];
  const redis = await startTestRedis();
  const fake = await startFakeSlackApi();
  const client = redis.client();
  // The `serve` process as production wires it: the bot's ids from one auth.test at start.
  const proc = await startTestProcess(redis.url, { env: { REDIS_PREFIX: 'bench', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl }, teams });
  const store = proc.runtime.adapters.items;
  try {
    const loadStart = Date.now();
    for (let start = 1; start <= ITEMS; start += 1000) {
      const items = Array.from({ length: Math.min(1000, ITEMS - start + 1) }, (_, i) => {
        const n = start + i;
        return n % 10 === 0
          ? workItem({ key: `PAY-${n}`, summary: `Pricing strategy for market ${n}`, issueType: 'Initiative', hierarchyLevel: 2, url: `${SITE}/browse/PAY-${n}` })
          : workItem({ key: `PAY-${n}`, summary: `As a merchant, I want export ${n} so that I can reconcile`, issueType: 'Story', hierarchyLevel: 0, sprints: [{ id: 7, name: 'Sprint 7', state: 'active' }], url: `${SITE}/browse/PAY-${n}` });
      });
      await store.putItems(items);
      await store.putVerdicts(items.map((item) => attributeItem(item, { teams })));
    }
    console.log(`loaded ${ITEMS} items into Redis in ${((Date.now() - loadStart) / 1000).toFixed(1)} s`);

    const url = proc.slackUrl;
    async function redisGet(): Promise<number> {
      const sent = performance.now();
      await client.hget('bench:items', 'PAY-1');
      return performance.now() - sent;
    }
    // Slack is another machine: the load generator and the response_url receiver run in their own process.
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--load', url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
    });
    await new Promise((r) => child.on('exit', r));
    const load = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { commandTimes: number[]; bareTimes: number[] };
    const commandTimes = load.commandTimes;
    const bareTimes = load.bareTimes;
    const redisTimes = await pool(REQUESTS, 1, redisGet);
    const [p50, p99, b50, b99, r50] = [percentile(commandTimes, 50), percentile(commandTimes, 99), percentile(bareTimes, 50), percentile(bareTimes, 99), percentile(redisTimes, 50)];
    console.log(`/who-owns KEY, ${REQUESTS} requests, ${CONCURRENCY} in flight: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (target p99 ≤ 150 ms)`);
    console.log(`bare HTTP round trip (refused at signature check): p50 ${b50.toFixed(1)} ms, p99 ${b99.toFixed(1)} ms; Redis HGET p50 ${r50.toFixed(3)} ms`);
    const round = (n: number) => Number(n.toFixed(2));
    const result = {
      bench: 'who-owns-command',
      title: '/who-owns KEY: request sent → answer at the response_url',
      figures: [
        { name: 'p50 latency', value: round(p50), unit: 'ms', higherIsBetter: false, baseline: { name: 'bare HTTP round trip p50', value: round(b50), unit: 'ms' } },
        { name: 'p99 latency (target ≤ 150 ms)', value: round(p99), unit: 'ms', higherIsBetter: false, baseline: { name: 'bare HTTP round trip p99', value: round(b99), unit: 'ms' } },
        { name: 'Redis HGET p50 (one at a time)', value: round(r50), unit: 'ms', higherIsBetter: false },
      ],
      notes: `${ITEMS} items in a real redis-server (unix socket); ${REQUESTS} signed slash commands for random keys, ${CONCURRENCY} in flight, over loopback HTTP through the signature, replay and Bolt layers.`,
    };
    console.log(`BENCH_RESULT ${JSON.stringify(result)}`);

  } finally {
    await proc.stop();
    await fake.close();
    await redis.stop();
  }
}

const loadAt = process.argv.indexOf('--load');
if (loadAt > 0) await generateLoad(process.argv[loadAt + 1] ?? '');
else await main();
