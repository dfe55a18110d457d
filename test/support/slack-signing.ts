import { createHmac } from 'node:crypto';
import blockActionShape from '../fixtures/slack/BlockActionPayload.json' with { type: 'json' };
import slashCommandShape from '../fixtures/slack/SlashCommandPayload.json' with { type: 'json' };
import viewSubmissionShape from '../fixtures/slack/ViewSubmissionPayload.json' with { type: 'json' };

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
export function blockActionBody(values: { userId: string; channelId: string; responseUrl: string; action: Record<string, unknown>; userTeamId?: string }): string {
  const payload = {
    ...blockActionShape,
    team: { ...blockActionShape.team, id: 'T0ACME', domain: 'acme' },
    user: { ...blockActionShape.user, id: values.userId, username: values.userId.toLowerCase(), team_id: values.userTeamId ?? 'T0ACME' },
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

/** A message a block_actions payload came from: Slack sends its ts, text and blocks along. */
export interface ClickedMessage {
  ts: string;
  text: string;
  blocks?: unknown;
}

/**
 * A form-encoded block_actions body for a click on a message the app posted (fixture shape):
 * the container names the message's channel and ts, as Slack sends for a DM or channel post.
 */
export function messageActionBody(values: { userId: string; channelId: string; responseUrl: string; message: ClickedMessage; action: Record<string, unknown>; actionTs?: string; userTeamId?: string }): string {
  const payload = {
    ...blockActionShape,
    team: { ...blockActionShape.team, id: 'T0ACME', domain: 'acme' },
    user: { ...blockActionShape.user, id: values.userId, username: values.userId.toLowerCase(), team_id: values.userTeamId ?? 'T0ACME' },
    api_app_id: 'A0WHOOWNS',
    container: { type: 'message', message_ts: values.message.ts, channel_id: values.channelId, is_ephemeral: false },
    channel: { id: values.channelId, name: 'directmessage' },
    trigger_id: `${Date.now()}.1.${Math.random().toString(36).slice(2, 8)}`,
    response_url: values.responseUrl,
    view: undefined,
    message: { type: 'message', user: 'U0WHOOWNS', bot_id: 'B0WHOOWNS', ts: values.message.ts, text: values.message.text, blocks: values.message.blocks },
    actions: [{ action_ts: values.actionTs ?? `${Date.now() / 1000}`, ...values.action }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A form-encoded view_submission body (`payload=<json>`) in the shape Slack sends (fixture). */
export function viewSubmissionBody(values: { userId: string; callbackId: string; privateMetadata: string; state: Record<string, Record<string, Record<string, unknown>>>; viewId?: string; userTeamId?: string }): string {
  const payload = {
    ...viewSubmissionShape,
    team: { ...viewSubmissionShape.team, id: 'T0ACME', domain: 'acme' },
    user: { ...viewSubmissionShape.user, id: values.userId, username: values.userId.toLowerCase(), team_id: values.userTeamId ?? 'T0ACME' },
    api_app_id: 'A0WHOOWNS',
    trigger_id: `${Date.now()}.1.${Math.random().toString(36).slice(2, 8)}`,
    enterprise: null,
    function_data: undefined,
    interactivity: undefined,
    bot_access_token: undefined,
    view: {
      ...viewSubmissionShape.view,
      id: values.viewId ?? 'V0MODAL',
      team_id: 'T0ACME',
      type: 'modal',
      callback_id: values.callbackId,
      private_metadata: values.privateMetadata,
      state: { values: values.state },
      app_id: 'A0WHOOWNS',
      bot_id: 'B0WHOOWNS',
    },
    response_urls: [],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
