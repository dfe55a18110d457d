import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { App } from '@slack/bolt';
import { answerWhoOwns, type WhoOwnsDeps } from './answer-who-owns.js';
import { renderHelp } from './views/command-answers.js';

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

/**
 * Posts to a verified command's response_url over kept-alive connections, so an answer does
 * not pay a new TLS handshake to hooks.slack.com each time.
 */
export function postToResponseUrl(responseUrl: string, message: object, timeoutMs = 10_000): Promise<void> {
  const body = JSON.stringify(message);
  const secure = responseUrl.startsWith('https:');
  return new Promise((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)(
      responseUrl,
      { method: 'POST', agent: secure ? agents.https : agents.http, timeout: timeoutMs, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => ((res.statusCode ?? 0) < 300 ? resolve() : reject(new Error(`response_url answered ${res.statusCode}`))));
      },
    );
    req.on('timeout', () => req.destroy(new Error('response_url timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

export interface CommandLogger {
  warn(obj: object, msg: string): void;
}

/**
 * `/who-owns`: acknowledged at once with an empty 200 (Slack's 3-second limit never applies to
 * the lookup), answered through the response_url, privately to the asker.
 */
export function registerWhoOwnsCommand(app: App, deps: WhoOwnsDeps, logger?: CommandLogger): void {
  app.command('/who-owns', async ({ ack, command, respond }) => {
    await ack();
    let message: { text: string; blocks: unknown[] };
    try {
      message = await answerWhoOwns(deps, { text: command.text ?? '', userId: command.user_id, channelId: command.channel_id });
    } catch (error) {
      logger?.warn({ err: error instanceof Error ? error.message : String(error) }, '/who-owns lookup failed');
      message = renderHelp('who-owns could not look that up just now (its store or Jira did not answer). Try again in a minute.');
    }
    const answer = { response_type: 'ephemeral', text: message.text, blocks: message.blocks };
    try {
      await postToResponseUrl(command.response_url, answer);
    } catch (error) {
      logger?.warn({ err: error instanceof Error ? error.message : String(error) }, 'answer to /who-owns not delivered; retrying once through Bolt');
      await respond(answer as never);
    }
  });
}
