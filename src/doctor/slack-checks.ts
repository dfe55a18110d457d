import type { webApi } from '@slack/bolt';
import { type DoctorCheck, fail, guarded, pass } from './doctor-check.js';

const REINSTALL = 'in api.slack.com/apps → your app → OAuth & Permissions, add the scopes from manifest.yaml (or update the app from the manifest), then "Reinstall to Workspace" and use the new bot token';

/** The token's scopes (Slack reports them on every call, `x-oauth-scopes`) against what the manifest grants. */
export function checkSlackScopes(slack: webApi.WebClient, manifestScopes: readonly string[]): Promise<DoctorCheck[]> {
  const name = 'Slack token scopes';
  return guarded(name, 'check SLACK_BOT_TOKEN (a bot token, xoxb-…) and SLACK_API_URL', async () => {
    const answer = await slack.auth.test();
    const granted = new Set(answer.response_metadata?.scopes ?? []);
    const missing = manifestScopes.filter((s) => !granted.has(s));
    if (missing.length === 0) return pass(name, `the token has every scope manifest.yaml asks for (${manifestScopes.length})`);
    return fail(name, `the token lacks ${missing.join(', ')}`, REINSTALL);
  });
}

/** The bot must be a member of each team channel: it posts only where it was invited. */
export function checkChannelMembership(slack: webApi.WebClient, channels: readonly { channel: string; team: string }[]): Promise<DoctorCheck[]> {
  return Promise.all(
    channels.map(async ({ channel, team }) => {
      const name = `Slack channel <#${channel}> (${team})`;
      const [check] = await guarded(name, `check the channel id of team ${team} in the team file`, async () => {
        try {
          const answer = await slack.conversations.info({ channel });
          const info = answer.channel as { is_member?: boolean; name?: string; is_archived?: boolean } | undefined;
          if (info?.is_archived) return fail(name, `#${info.name ?? channel} is archived`, `unarchive it or give team ${team} another channel in the team file`);
          if (info?.is_member) return pass(name, `who-owns is a member of #${info.name ?? channel}`);
          return fail(name, `who-owns is not a member of #${info?.name ?? channel}, so its nudges and digests cannot be posted there`, `type /invite @who-owns in #${info?.name ?? channel}`);
        } catch (error) {
          if ((error as { data?: { error?: string } }).data?.error !== 'channel_not_found') throw error;
          return fail(name, 'the channel does not exist, or it is private and who-owns was not invited', `check the id (channel details → About → Channel ID); for a private channel, type /invite @who-owns in it`);
        }
      });
      return check as DoctorCheck;
    }),
  );
}
