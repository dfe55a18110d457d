import type { AcceptanceEntry } from '../domain/acceptance/acceptance-queue.js';
import { describeVerdict } from '../domain/attribution/describe-verdict.js';
import type { NudgePlan } from '../domain/nudges/select-nudges.js';
import type { PersonRefLike, TeamProfile } from '../domain/team.js';

/** Terminal renderings of what the bot would post, for `who-owns demo`. */

function who(person: PersonRefLike | null | undefined): string {
  if (person === null) return '(vacant)';
  return person?.name ?? person?.slack ?? person?.email ?? '(not set)';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function renderNudgesText(team: TeamProfile, plan: NudgePlan): string {
  const where = team.nudges.target === 'dm' ? `DM to ${who(team.po)} and ${who(team.pm)}` : `#${team.channel ?? team.id}`;
  const lines: string[] = [];
  if (plan.deferUntil) lines.push(`  (outside working hours: held until ${plan.deferUntil.toISOString()})`);
  if (plan.nudge.length === 0 && !plan.deferUntil) lines.push('  Nothing needs a nudge.');
  if (plan.nudge.length > 0) {
    const shown = plan.nudge.slice(0, team.nudges.topN);
    lines.push(`  → ${where}: “${plural(plan.nudge.length, 'item')} in ${team.name} need an owner decision”`);
    for (const { item, verdict } of shown) {
      lines.push(`    • ${item.key} ${item.summary}`);
      lines.push(`      ${describeVerdict(verdict, 2)}`);
    }
    lines.push('      [I own this] [It’s PM work] [It’s PO work] [Assign to… ▾] [Not applicable] [Snooze 1 week]');
    if (plan.nudge.length > shown.length) lines.push(`    … ${plural(plan.nudge.length - shown.length, 'more item')} in the thread`);
  }
  if (plan.capped.length > 0 && !plan.deferUntil) lines.push(`  (${plural(plan.capped.length, 'item')} held for tomorrow by the daily cap of ${team.nudges.dailyCapPerChannel})`);
  if (plan.escalate.length > 0) lines.push(`  ↑ escalated to ${who(team.po)} and ${who(team.pm)}: ${plan.escalate.map((c) => c.item.key).join(', ')}`);
  return lines.join('\n');
}

export function renderRemindersText(team: TeamProfile, queue: readonly AcceptanceEntry[]): string {
  if (!team.acceptance.enabled) return `  ${team.name}: acceptance reminders are off.`;
  if (queue.length === 0) return `  ${who(team.po)} (${team.name}): nothing waits for acceptance — no reminder today.`;
  const lines = [`  → DM to ${who(team.po)} at ${String(team.acceptance.reminderHour).padStart(2, '0')}:00 their time: “${plural(queue.length, 'finished item')} in ${team.name} wait for your acceptance”`];
  for (const entry of queue) {
    const overdue = entry.workingDaysWaiting > team.acceptance.escalateAfterDays ? '  ⚠ overdue' : '';
    lines.push(`    • ${entry.item.key} ${entry.item.summary} — ${entry.item.status}, ${plural(entry.workingDaysWaiting, 'working day')}${overdue}`);
  }
  lines.push('      [Accept] [Reject…] [Snooze ▾] [Open in Jira]');
  return lines.join('\n');
}
