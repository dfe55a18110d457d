import { createHmac } from 'node:crypto';
import blockActionShape from '../fixtures/slack/BlockActionPayload.json' with { type: 'json' };
import slashCommandShape from '../fixtures/slack/SlashCommandPayload.json' with { type: 'json' };

/** Slack's `v0` signature: HMAC-SHA256 over `v0:{timestamp}:{raw body}`. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Headers of a request Slack signed now (or at `timestamp`, in seconds). */
export function signedHeaders(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000), contentType = 'application/x-www-form-urlencoded'): Record<string, string> {
  return { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(secret, timestamp, body) };
}

/** A form-encoded slash command body in the shape Slack sends (fixture), with these values. */
export function slashCommandBody(values: { text: string; user_id: string; channel_id: string; response_url: string; command?: string }): string {
  const payload = { ...slashCommandShape, team_id: 'T0ACME', team_domain: 'acme', api_app_id: 'A0WHOOWNS', user_name: values.user_id.toLowerCase(), channel_name: 'team', trigger_id: `${Date.now()}.1.abc`, command: '/who-owns', ...values };
  return new URLSearchParams(Object.entries(payload).map(([k, v]): [string, string] => [k, String(v)])).toString();
}

/** A form-encoded block_actions body (`payload=<json>`) in the shape Slack sends (fixture). */
export function blockActionBody(values: { userId: string; channelId: string; responseUrl: string; action: Record<string, unknown> }): string {
  const payload = {
    ...blockActionShape,
    team: { ...blockActionShape.team, id: 'T0ACME', domain: 'acme' },
    user: { ...blockActionShape.user, id: values.userId, username: values.userId.toLowerCase(), team_id: 'T0ACME' },
    api_app_id: 'A0WHOOWNS',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: values.channelId, is_ephemeral: true },
    channel: { id: values.channelId, name: 'team' },
    trigger_id: `${Date.now()}.1.def`,
    response_url: values.responseUrl,
    view: undefined,
    message: undefined,
    actions: [{ block_id: 'verdict:x', action_ts: `${Date.now() / 1000}`, ...values.action }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
