/**
 * The fake Slack Web API in a process of its own, for benchmarks: Slack is another machine, so
 * its HTTP work must not share the event loop of the pipeline being measured.
 * The parent talks to it over IPC: `report` returns the calls and channel contents.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type FakeSlackOptions, type SlackCall, startFakeSlackApi } from './fake-slack-api.js';

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

type FromChild = { type: 'ready'; apiUrl: string } | { type: 'report'; report: FakeSlackReport };

export function startFakeSlackProcess(options: FakeSlackOptions): Promise<FakeSlackProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve', JSON.stringify(options)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const nextMessage = <T extends FromChild['type']>(type: T) =>
    new Promise<Extract<FromChild, { type: T }>>((resolve, reject) => {
      const onMessage = (message: FromChild) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<FromChild, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`fake Slack process exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return nextMessage('ready').then(({ apiUrl }) => ({
    apiUrl,
    async report() {
      const answer = nextMessage('report');
      child.send({ type: 'report' });
      return (await answer).report;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  }));
}

async function serve(options: FakeSlackOptions): Promise<void> {
  const api = await startFakeSlackApi(options);
  process.on('message', (message: { type?: string }) => {
    if (message.type !== 'report') return;
    const channels: FakeSlackReport['channels'] = {};
    for (const call of api.callsTo('chat.postMessage')) {
      const channel = String(call.body.channel);
      channels[channel] ??= api.channelMessages(channel).map((m) => ({ ts: m.ts, text: m.text }));
    }
    const report: FakeSlackReport = { calls: api.calls.map(({ method, body, at }) => ({ method, body, at })), channels, rateLimited: api.rateLimited };
    process.send?.({ type: 'report', report });
  });
  process.on('SIGTERM', () => void api.close().then(() => process.exit(0)));
  process.send?.({ type: 'ready', apiUrl: api.apiUrl });
}

if (process.argv[2] === '--serve') void serve(JSON.parse(process.argv[3] ?? '{}') as FakeSlackOptions);
