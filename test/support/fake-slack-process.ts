/**
 * The fake Slack Web API in a process of its own, for benchmarks (see service-process.ts):
 * `report` returns the calls and channel contents.
 */
import { fileURLToPath } from 'node:url';
import { type FakeSlackOptions, type SlackCall, startFakeSlackApi } from './fake-slack-api.js';
import { serveInProcess, startServiceProcess } from './service-process.js';

export interface FakeSlackReport {
  calls: Pick<SlackCall, 'method' | 'body' | 'at'>[];
  channels: Record<string, { ts: string; text: string }[]>;
  rateLimited: number;
}

export interface FakeSlackProcess {
  apiUrl: string;
  report(): Promise<FakeSlackReport>;
  close(): Promise<void>;
}

export async function startFakeSlackProcess(options: FakeSlackOptions): Promise<FakeSlackProcess> {
  const service = await startServiceProcess<FakeSlackReport>(fileURLToPath(import.meta.url), options);
  return { apiUrl: service.url, report: () => service.report(), close: () => service.close() };
}

async function serve(options: FakeSlackOptions): Promise<void> {
  const api = await startFakeSlackApi(options);
  const report = (): FakeSlackReport => {
    const channels: FakeSlackReport['channels'] = {};
    for (const call of api.callsTo('chat.postMessage')) {
      const channel = String(call.body.channel);
      channels[channel] ??= api.channelMessages(channel).map((m) => ({ ts: m.ts, text: m.text }));
    }
    return { calls: api.calls.map(({ method, body, at }) => ({ method, body, at })), channels, rateLimited: api.rateLimited };
  };
  serveInProcess(api.apiUrl, report, () => api.close());
}

if (process.argv[2] === '--serve') void serve(JSON.parse(process.argv[3] ?? '{}') as FakeSlackOptions);
