import type { Command } from 'commander';
import { loadConfig } from '../../config/load-config.js';
import type { Verdict } from '../domain/verdict.js';
import type { WorkItem } from '../domain/work-item.js';
import { isIssueKey } from '../jira/jql.js';
import { readLive } from '../sync/read-live.js';
import { withAdapters } from '../runtime/with-adapters.js';

export function formatExplanation(item: WorkItem, verdict: Verdict, source: string): string {
  const owners = verdict.owners.map((o) => o.displayName ?? o.slackId ?? o.accountId ?? o.email).join(', ') || '—';
  const lines = [
    `${item.key}  ${item.summary}`,
    `  ${item.issueType} · ${item.status} · ${item.url}`,
    `  role ${verdict.role} · state ${verdict.state} · confidence ${verdict.confidence.toFixed(2)} · team ${verdict.teamId ?? '—'} · responsible ${owners}`,
    `  (${source})`,
    '  Why:',
    ...verdict.reasons.map((r) => `    ${Number.isFinite(r.weight) ? `${r.role} +${r.weight}`.padEnd(10) : 'decision'.padEnd(10)} ${r.text}   [${r.evidence.field} = ${r.evidence.value}]`),
  ];
  return lines.join('\n');
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('Print one verdict with every reason: from the synced store, or read live from Jira when the store does not have the item')
    .argument('<key>', 'Jira issue key, e.g. PAY-231')
    .action(async (key: string) => {
      if (!isIssueKey(key)) throw new Error(`“${key}” is not a Jira issue key (like PAY-231)`);
      const config = loadConfig(process.env);
      await withAdapters(config, async ({ items, decisions, learned, jira: site }) => {
        const [item, verdict] = await Promise.all([items.getItem(key).catch(() => null), items.getVerdict(key).catch(() => null)]);
        if (item && verdict) {
          process.stdout.write(`${formatExplanation(item, verdict, 'from the synced store')}\n`);
          return;
        }
        if (!site) throw new Error('no Jira site configured: set JIRA_BASE_URL and credentials (see `who-owns config check`)');
        const live = await readLive({ jira: site.reader, items, decisions, learned, teams: config.teams.teams }, key);
        if (!live) throw new Error(`${key} does not exist in Jira, or the configured account cannot see it`);
        process.stdout.write(`${formatExplanation(live.item, live.verdict, 'read live from Jira; not yet synced')}\n`);
      });
    });
}
