import { createInterface } from 'node:readline/promises';
import type { TeamProfile } from '../domain/team.js';
import { answerWhoOwns, searchItems, type WhoOwnsDeps } from '../slack/answer-who-owns.js';
import { MemoryItemStore } from '../store/memory-item-store.js';
import { blocksToText } from '../views/blocks-to-text.js';
import type { SampleData } from './load-sample.js';

/** Deps for answering `/who-owns` from the sample data held in memory. */
export async function sampleWhoOwnsDeps(data: SampleData): Promise<WhoOwnsDeps> {
  const teams = data.config.teams.teams;
  const store = new MemoryItemStore(teams);
  await store.putItems(data.items);
  await store.putVerdicts(data.verdicts);
  return { store, teams, search: async (text) => searchItems(store.allItems(), text) };
}

/** Slack user ids → names from the team file, so mentions read as people in the terminal. */
export function peopleNames(teams: readonly TeamProfile[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const team of teams) {
    for (const ref of [team.po, team.pm, ...team.members]) if (ref?.slack) names[ref.slack] = ref.name ?? ref.slack;
  }
  return names;
}

/** Answers one prompt line the way the Slack command would, as terminal text. */
export async function answerLine(deps: WhoOwnsDeps, line: string, userId: string): Promise<string> {
  const text = line.trim().replace(/^\/who-owns\b/i, '').trim();
  const message = await answerWhoOwns(deps, { text, userId });
  return blocksToText(message, peopleNames(deps.teams));
}

/** Interactive `/who-owns` prompt for the demo (only when stdin is a terminal). */
export async function runWhoOwnsPrompt(data: SampleData, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const deps = await sampleWhoOwnsDeps(data);
  const me = data.config.teams.teams[0]?.po;
  const userId = me?.slack ?? 'U0DEMO000';
  output.write(`\nTry the Slack command here, as ${me?.name ?? userId}: /who-owns PAY-474 · /who-owns team growth · /who-owns unclear · /who-owns mine · /who-owns help. Empty line or "exit" quits.\n`);
  const rl = createInterface({ input, output, terminal: true });
  try {
    for (;;) {
      const line = await rl.question('> ');
      if (line.trim() === '' || /^(exit|quit)$/i.test(line.trim())) break;
      output.write(`${await answerLine(deps, line, userId)}\n\n`);
    }
  } finally {
    rl.close();
  }
}
