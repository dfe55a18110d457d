import type { App } from '@slack/bolt';
import { answerWhoOwns, type WhoOwnsDeps } from './answer-who-owns.js';
import { renderHelp } from './views/command-answers.js';

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
    await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks as never });
  });
}
