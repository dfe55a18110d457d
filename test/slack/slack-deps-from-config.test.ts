import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load-config.js';
import { slackDepsFromConfig } from '../../src/slack/slack-deps-from-config.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';

describe('slack/slack-deps-from-config', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  const base = { REDIS_URL: 'redis://127.0.0.1:6379' };

  it('is undefined until both the bot token and the signing secret are set', () => {
    const config = loadConfig({ ...base, SLACK_BOT_TOKEN: 'xoxb-1' }, 'samples/who-owns.yaml');
    expect(slackDepsFromConfig(config, redis.client())).toBeUndefined();
  });

  it('builds the app’s dependencies with the team file’s teams, the API URL and Socket Mode token', async () => {
    const config = loadConfig({ ...base, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'http://127.0.0.1:9/api/' }, 'samples/who-owns.yaml');
    const deps = slackDepsFromConfig(config, redis.client());

    expect(deps?.teams.map((t) => t.id)).toEqual(['payments', 'growth', 'platform']);
    expect(deps).toMatchObject({ appToken: 'xapp-1', slackApiUrl: 'http://127.0.0.1:9/api/' });
    expect(deps?.searchJira).toBeUndefined();
    expect(await deps?.seen('sig', 60)).toBe(true);
    expect(await deps?.seen('sig', 60)).toBe(false);
  });
});
