import type { App } from '@slack/bolt';
import { answerWhoOwns, type WhoOwnsDeps } from '../../answer-who-owns.js';
import { renderHelp } from '../../../views/command-answers.js';
import { answerThroughResponseUrl } from '../../response-url.js';

export interface CommandLogger {
  warn(obj: object, msg: string): void;
}

/**
 * `/who-owns`: acknowledged at once with an empty 200 (Slack's 3-second limit never applies to
 * the lookup), answered through the response_url, privately to the asker; while Slack cannot
 * be reached the answer waits and is retried.
 */
export function registerWhoOwnsCommand(app: App, deps: WhoOwnsDeps, logger?: CommandLogger): void {
  app.command('/who-owns', async ({ ack, command }) => {
    const arrived = Date.now();
    await ack();
    let message: { text: string; blocks: unknown[] };
    try {
      message = await answerWhoOwns(deps, { text: command.text ?? '', userId: command.user_id, channelId: command.channel_id });
    } catch (error) {
      logger?.warn({ err: error instanceof Error ? error.message : String(error) }, '/who-owns lookup failed');
      message = renderHelp('who-owns could not look that up just now (its store or Jira did not answer). Try again in a minute.');
    }
    const answer = { response_type: 'ephemeral', text: message.text, blocks: message.blocks };
    let warned = false;
    const onRetry = (error: unknown) => {
      if (!warned) logger?.warn({ err: error instanceof Error ? error.message : String(error) }, 'answer to /who-owns not delivered yet; retrying while its response_url is valid');
      warned = true;
    };
    await answerThroughResponseUrl(command.response_url, answer, { since: arrived, onRetry });
  });
}
