import { clip, escapeMrkdwn as plain } from '../views/mrkdwn.js';
import { SLACK_LIMITS } from '../views/slack-limits.js';
import type { DoctorRun } from '../store/redis-doctor-results.js';

/** Failures listed on App Home before the rest is left to `who-owns doctor` (Slack allows 100 blocks a view). */
const MAX_LISTED = 20;

/** App Home's set-up section: the latest doctor run, failures first with the same fix texts as the CLI. */
export function doctorBlocks(run: DoctorRun | undefined): Record<string, unknown>[] {
  const header = { type: 'header', text: { type: 'plain_text', text: 'Set-up checks' } };
  if (!run) return [header, { type: 'section', text: { type: 'mrkdwn', text: 'No checks have run yet. Run `npx who-owns doctor` where who-owns is installed.' } }];
  const failed = run.checks.filter((c) => c.status === 'fail');
  const skipped = run.checks.filter((c) => c.status === 'skip');
  const passed = run.checks.length - failed.length - skipped.length;
  const blocks: Record<string, unknown>[] = [
    header,
    { type: 'context', elements: [{ type: 'mrkdwn', text: `From \`who-owns doctor\` at ${run.at}: ${passed} passed, ${failed.length} failed, ${skipped.length} could not run yet.` }] },
  ];
  for (const check of [...failed, ...skipped].slice(0, MAX_LISTED)) {
    const mark = check.status === 'fail' ? ':x:' : ':heavy_minus_sign:';
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`${mark} *${plain(check.name)}*: ${plain(check.detail)}${check.fix ? `\n*Fix:* ${plain(check.fix)}` : ''}`, SLACK_LIMITS.sectionText) } });
  }
  const more = failed.length + skipped.length - MAX_LISTED;
  if (more > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${more} more: run \`npx who-owns doctor\` for the full list.` }] });
  if (failed.length === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: ':white_check_mark: Every check that could run passed.' } });
  return blocks;
}
