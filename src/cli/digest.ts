import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { loadConfig } from '../../config/load-config.js';
import { type DigestPreview, sampleDigest, storeDigest } from '../digest/digest-preview.js';
import { withAdapters } from '../runtime/with-adapters.js';
import { blocksToHtml } from '../views/html/blocks-to-html.js';
import { renderDigestBlocks } from '../views/digest-blocks.js';
import { renderDigestText } from '../views/digest-text.js';

export type DigestFormat = 'text' | 'blocks' | 'html';

/** The preview in the chosen format: plain text, the Block Kit payload, or an HTML page like Slack. */
export function renderDigestPreview(preview: DigestPreview, format: DigestFormat): string {
  const message = renderDigestBlocks(preview.digest);
  if (format === 'blocks') return `${JSON.stringify({ channel: preview.team.channel, ...message }, null, 2)}\n`;
  if (format === 'html') return blocksToHtml(message, { channelName: preview.team.id, people: preview.people });
  return `${renderDigestText(preview.digest)}\n`;
}

/** The preview from the synced stores, with the adapters every process builds. */
async function previewFromStore(teamId: string, teamFile: string | undefined): Promise<DigestPreview> {
  const config = loadConfig(process.env, teamFile);
  return withAdapters(config, ({ items, decisions, digestLedger, learned }) => storeDigest({ items, decisions, ledger: digestLedger, learned }, config, teamId));
}

export function registerDigest(program: Command): void {
  program
    .command('digest')
    .description("Preview a team's weekly digest without posting it: from the synced store when REDIS_URL is set, else from the bundled sample backlog")
    .requiredOption('--team <id>', 'team id from the team file, e.g. payments')
    .option('--dry-run', 'render only, never post (the only mode; digests are posted by the workers on schedule)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'blocks', 'html']).default('text'))
    .option('--config <file>', 'team file (default: WHO_OWNS_CONFIG, or samples/who-owns.yaml with the sample)')
    .option('--sample', 'use the bundled sample backlog even when REDIS_URL is set')
    .option('--output <file>', 'write to this file instead of standard output')
    .addHelpText('after', '\nExamples:\n  who-owns digest --team payments --dry-run\n  who-owns digest --team growth --dry-run --format html --output digest.html')
    .action(async (opts: { team: string; dryRun?: boolean; format: DigestFormat; config?: string; sample?: boolean; output?: string }) => {
      if (!opts.dryRun) throw new Error('who-owns digest only previews: add --dry-run. The workers post digests on each team’s schedule.');
      const live = !opts.sample && Boolean(process.env.REDIS_URL);
      const preview = live ? await previewFromStore(opts.team, opts.config) : await sampleDigest(opts.team, opts.config);
      const out = renderDigestPreview(preview, opts.format);
      if (opts.output) {
        writeFileSync(opts.output, out);
        process.stderr.write(`Wrote the ${preview.team.name} digest (${preview.source === 'sample' ? 'sample backlog' : 'synced store'}) to ${opts.output}\n`);
      } else process.stdout.write(out);
    });
}
