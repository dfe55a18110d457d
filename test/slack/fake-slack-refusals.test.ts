import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeSlackApi, type FakeSlackOptions, startFakeSlackApi } from '../support/fake-slack-api.js';

/** The loopback Slack refuses what Slack refuses, so tests cannot pass on calls a workspace would reject. */
let slack: FakeSlackApi | undefined;
afterEach(async () => slack?.close());

async function clientFor(options: FakeSlackOptions): Promise<webApi.WebClient> {
  slack = await startFakeSlackApi(options);
  return new webApi.WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
}

const refusal = (call: Promise<unknown>) => call.then(() => undefined, (e: { data?: Record<string, unknown> }) => e.data);

describe('fake Slack refusals', () => {
  it('answers missing_scope with needed and provided, for the scope of the conversation kind', async () => {
    const client = await clientFor({ scopes: ['chat:write', 'channels:history'] });
    expect(await refusal(client.conversations.history({ channel: 'C1' }))).toBeUndefined();
    expect(await refusal(client.conversations.history({ channel: 'G1' }))).toEqual({ ok: false, error: 'missing_scope', needed: 'groups:history', provided: 'chat:write,channels:history', response_metadata: expect.anything() });
    expect(await refusal(client.users.info({ user: 'U1' }))).toMatchObject({ error: 'missing_scope', needed: 'users:read' });
  });

  it('refuses a post into a channel the bot has not joined, unless chat:write.public covers a public one', async () => {
    let client: webApi.WebClient = await clientFor({ joinedChannels: ['C1'], privateChannels: ['C3'] });
    expect(await refusal(client.chat.postMessage({ channel: 'C1', text: 'hi' }))).toBeUndefined();
    expect(await refusal(client.chat.postMessage({ channel: 'C2', text: 'hi' }))).toMatchObject({ error: 'not_in_channel' });
    expect(await refusal(client.chat.postMessage({ channel: 'C3', text: 'hi' }))).toMatchObject({ error: 'channel_not_found' });
    expect(await refusal(client.chat.postMessage({ channel: 'U1', text: 'hi' }))).toBeUndefined();
    expect(slack?.callsTo('chat.postMessage').map((c) => c.body.channel)).toEqual(['C1', 'U1']);
    await slack?.close();
    client = await clientFor({ joinedChannels: [], scopes: ['chat:write', 'chat:write.public'] });
    expect(await refusal(client.chat.postMessage({ channel: 'C2', text: 'hi' }))).toBeUndefined();
  });

  it('grants by default what manifest.yaml grants', async () => {
    const client = await clientFor({});
    const answer = await client.auth.test();
    expect(String(answer.response_metadata?.scopes)).toContain('im:history');
  });
});
