import { DateTime } from 'luxon';
import { buildAcceptanceQueue } from '../domain/acceptance/acceptance-queue.js';
import { buildWeeklyDigest } from '../domain/digest/build-digest.js';
import { selectNudges } from '../domain/nudges/select-nudges.js';
import { loadSample, type SampleData } from './load-sample.js';
import { renderOwnershipTables } from './ownership-table.js';
import { renderDigestText } from '../views/digest-text.js';
import { renderNudgesText, renderRemindersText } from './render-sections.js';

function heading(title: string): string {
  return `\n━━ ${title} ${'━'.repeat(Math.max(3, 76 - title.length))}\n`;
}

/** Everything the bot would post for the sample site, as terminal text. */
export function renderDemo(data: SampleData): string {
  const teams = data.config.teams.teams;
  const rows = data.items.map((item, i) => ({ item, verdict: data.verdicts[i]! }));
  const out: string[] = [];
  out.push(
    `who-owns demo — sample site ${data.config.teams.site ?? ''}: ${data.items.length} items read through the Jira adapter in ${data.requests} requests, as of ${data.now.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  );
  out.push(heading('Ownership per team'));
  out.push(renderOwnershipTables(rows, teams));

  out.push(heading('Nudges for unclear ownership (one message per team channel)'));
  for (const team of teams) {
    // The demo shows a first run: nothing nudged before, at 10:00 on a working day in the team's zone.
    const at = DateTime.fromJSDate(data.now, { zone: team.timezone }).set({ hour: 10, minute: 0 }).toJSDate();
    const plan = selectNudges({ team, candidates: rows, ledger: new Map(), now: at });
    out.push(`${team.name} (#${team.channel ?? team.id})\n${renderNudgesText(team, plan)}\n`);
  }

  out.push(heading('Weekly digests'));
  const week = DateTime.fromJSDate(data.now, { zone: 'UTC' }).toFormat("kkkk-'W'WW");
  for (const team of teams) {
    const teamItems = rows.filter((r) => r.verdict.teamId === team.id).map((r) => r.item);
    const acceptance = buildAcceptanceQueue(teamItems, team, data.now, data.statusChanges);
    const decisions = rows.filter((r) => r.verdict.teamId === team.id && r.item.decision).map((r) => ({ key: r.item.key, decision: r.item.decision! }));
    const digest = buildWeeklyDigest({ team, entries: rows, acceptance, now: data.now, week, decisions });
    // The digest as Slack would show it: the same Block Kit message the digest worker posts.
    out.push(`#${team.channel ?? team.id}, "${team.digest.cron}" ${team.digest.timezone ?? team.timezone}\n${renderDigestText(digest)}\n`);
  }

  out.push(heading('Acceptance reminders to Product Owners'));
  for (const team of teams) {
    const teamItems = rows.filter((r) => r.verdict.teamId === team.id).map((r) => r.item);
    out.push(`${renderRemindersText(team, buildAcceptanceQueue(teamItems, team, data.now, data.statusChanges))}\n`);
  }
  return out.join('\n');
}

export async function runDemo(write: (text: string) => void): Promise<SampleData> {
  const data = await loadSample();
  write(`${renderDemo(data)}\n`);
  return data;
}
