/**
 * Refit cost of a site's learned conventions, on one core: fit the offsets on 1,000 recorded
 * decisions (real corpus items with fresh keys, decided by eight people of the team) and
 * re-attribute the site's 50,000 items with them. The team calls every Epic PM work, a
 * convention the global model contradicts, so the refit has offsets to learn and apply; a
 * team that agrees with the global model leaves little to learn and costs less. Baseline in the same run: re-attributing the
 * same 50,000 items with the global model alone, which is what a sync costs without learning.
 */
import { attributeAll } from '../src/domain/attribution/attribute-all.js';
import { SHIPPED_MODEL, teamIndexOf } from '../src/domain/attribution/attribute-item.js';
import { fitSiteAdjustment } from '../src/domain/learning/fit-site-adjustment.js';
import { loadSiteAdjustment } from '../src/domain/learning/site-adjustment.js';
import { type DecidedItem, siteExamples } from '../src/domain/learning/site-examples.js';
import type { WorkItem } from '../src/domain/work-item.js';
import { CLASSES, loadCorpus } from '../scripts/train/corpus.js';
import { bestOf } from './best-of.js';
import { simulatedTeam } from './learning/simulate-site.js';

const DECISIONS = 1_000;
const ITEMS = 50_000;
const ROUNDS = 3;
const TARGET_SECONDS = 5;

const corpus = loadCorpus();
const items: WorkItem[] = [];
for (let i = 0; items.length < ITEMS; i++) {
  const item = (corpus[i % corpus.length] as (typeof corpus)[number]).item;
  items.push({ ...item, key: `${item.projectKey}-${200000 + i}`, parentKey: null });
}
const team = simulatedTeam([...new Set(items.map((i) => i.projectKey))]);
const people = Array.from({ length: 8 }, (_, i) => `U0BENCH${String(i).padStart(2, '0')}`);
team.members = people.map((slack) => ({ slack }));
const decided: DecidedItem[] = [];
for (let i = 0; decided.length < DECISIONS; i++) {
  const example = corpus[i % corpus.length] as (typeof corpus)[number];
  const labelled = CLASSES[example.label] as string;
  if (labelled === 'unclear') continue;
  const role = example.item.issueType === 'Epic' ? 'PM' : labelled;
  const item = items[i] as WorkItem;
  decided.push({ item, teamId: team.id, decision: { role, decidedBy: { slackId: people[i % people.length] as string }, decidedAt: '2026-01-05T10:00:00.000Z', source: 'slack' } });
}
const teams = [team];
const index = teamIndexOf(teams);

const best = (run: () => void) => bestOf(ROUNDS, run);

let sink = 0;
let fitSeconds = 0;
const refitSeconds = best(() => {
  const start = process.hrtime.bigint();
  const { examples, people: count } = siteExamples(decided, index, SHIPPED_MODEL.classes);
  const file = fitSiteAdjustment(SHIPPED_MODEL, examples, count);
  if (!file?.weights.length) throw new Error('nothing learned: the benchmark would not measure applying offsets');
  const adjustment = loadSiteAdjustment(file);
  fitSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  sink += attributeAll(items, teams, new Map(), new Map(), adjustment).filter((v) => v.role === 'PM').length;
});
const baselineSeconds = best(() => {
  sink += attributeAll(items, teams).filter((v) => v.role === 'PM').length;
});

process.stdout.write(`refit on ${DECISIONS} decisions + re-attribute ${ITEMS.toLocaleString('en')} items: ${refitSeconds.toFixed(2)} s (fit ${fitSeconds.toFixed(2)} s) · re-attribute alone, global model: ${baselineSeconds.toFixed(2)} s · ratio ${(refitSeconds / baselineSeconds).toFixed(2)} (target < ${TARGET_SECONDS} s; checksum ${sink % 997})\n`);
process.stdout.write(
  `BENCH_RESULT ${JSON.stringify({
    bench: 'learning-refit',
    title: 'Learning: refit a site and re-attribute its items (one core)',
    figures: [
      { name: `refit on ${DECISIONS} decisions and re-attribute ${ITEMS.toLocaleString('en')} items`, value: Number(refitSeconds.toFixed(3)), unit: 's', higherIsBetter: false, baseline: { name: 're-attribute the same items with the global model alone', value: Number(baselineSeconds.toFixed(3)), unit: 's' } },
      { name: `of which fitting the offsets on ${DECISIONS} decisions`, value: Number(fitSeconds.toFixed(3)), unit: 's', higherIsBetter: false },
    ],
    notes: `${DECISIONS} decisions by eight team members on real corpus items (corpus labels, every Epic decided PM), ${ITEMS.toLocaleString('en')} items (the real labelled corpus repeated with fresh keys), the shipped model; best of ${ROUNDS} rounds. Target: under ${TARGET_SECONDS} s.`,
  })}\n`,
);
