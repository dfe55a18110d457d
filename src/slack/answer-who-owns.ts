import type { TeamProfile } from '../domain/team.js';
import { needsAttention, type Verdict } from '../domain/verdict.js';
import { visibleToRequester } from '../domain/visibility.js';
import type { WorkItem } from '../domain/work-item.js';
import type { ItemStore } from '../ports.js';
import { parseWhoOwns } from './command-grammar.js';
import { checkUserJql } from './jql-guard.js';
import { type ListedItem, renderHelp, renderItemList, renderTeamSummary } from '../views/command-answers.js';
import { renderVerdictCard, type SlackMessage } from '../views/verdict-card.js';

export interface WhoOwnsDeps {
  store: ItemStore;
  teams: readonly TeamProfile[];
  /** Free-text search: JQL `text ~` on a live site, or the store's items offline. */
  search(text: string): Promise<string[]>;
  /** Runs a JQL query (already checked and fenced into the teams' projects); absent offline. */
  runJql?(jql: string): Promise<string[]>;
  /** One live Jira read when the store misses a key. */
  fetchLive?(key: string): Promise<ListedItem | null>;
}

export interface WhoOwnsRequest {
  text: string;
  userId: string;
  /** Where the command was typed; answers are private to the asker either way. */
  channelId?: string;
}

/**
 * Answers are private to the asker: items of unmapped projects are never shown, items with a
 * Jira security level only where the team file allows it (src/domain/visibility.ts).
 */
function mayShow(item: WorkItem, _verdict: Verdict, teams: readonly TeamProfile[]): boolean {
  return visibleToRequester(item, teams);
}

async function load(deps: WhoOwnsDeps, keys: readonly string[]): Promise<ListedItem[]> {
  const [items, verdicts] = await Promise.all([deps.store.getItems(keys), deps.store.getVerdicts(keys)]);
  const rows: ListedItem[] = [];
  for (const [i, key] of keys.entries()) {
    const item = items[i];
    const verdict = verdicts[i];
    if (item && verdict) rows.push({ item, verdict });
    else if (deps.fetchLive) {
      const live = await deps.fetchLive(key);
      if (live) rows.push(live);
    }
  }
  return rows;
}

/** A Jira search, or the reason it failed in words a user can act on (Jira refuses some queries). */
async function lookup(run: () => Promise<string[]>): Promise<string[] | string> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `Jira could not run that search (${message.slice(0, 200)}). Try a key, fewer words, or /who-owns help.`;
  }
}

function isMine(verdict: Verdict, userId: string): boolean {
  return verdict.owners.some((o) => o.slackId === userId);
}

/**
 * The answer to one `/who-owns` command, as a Slack message (ephemeral by default). Reads the
 * store only; never throws for bad input — anything unparseable gets usage help.
 */
export async function answerWhoOwns(deps: WhoOwnsDeps, request: WhoOwnsRequest): Promise<SlackMessage> {
  const command = parseWhoOwns(request.text, deps.teams);
  switch (command.kind) {
    case 'help':
      return renderHelp();
    case 'invalid':
      return renderHelp(command.reason);
    case 'keys': {
      const rows = await load(deps, command.keys);
      const shown = rows.filter((r) => mayShow(r.item, r.verdict, deps.teams));
      const missing = command.keys.filter((k) => !rows.some((r) => r.item.key === k));
      const hiddenRows = rows.filter((r) => !shown.includes(r));
      const secured = hiddenRows.filter((r) => r.item.securityLevel).map((r) => r.item.key);
      const unmapped = hiddenRows.filter((r) => !r.item.securityLevel).map((r) => r.item.key);
      const notes = [
        ...(missing.length ? [`I don't know ${missing.join(', ')} — it is not in a synced project, or the bot's Jira account cannot see it.`] : []),
        ...(secured.length ? [`${secured.join(', ')} has a Jira security level, so who-owns does not show it here.`] : []),
        ...(unmapped.length ? [`${unmapped.join(', ')} is in a project no team in the team file claims, so who-owns does not show it.`] : []),
      ];
      const cards = shown.map((r) => renderVerdictCard(r.item, r.verdict));
      const noteBlocks = notes.map((n) => ({ type: 'context', elements: [{ type: 'mrkdwn', text: n }] }));
      if (cards.length === 0) return { text: notes.join(' '), blocks: noteBlocks };
      return { text: cards.map((c) => c.text).join('\n'), blocks: [...cards.flatMap((c, i) => (i > 0 ? [{ type: 'divider' }, ...c.blocks] : c.blocks)), ...noteBlocks].slice(0, 50) };
    }
    case 'team': {
      const team = deps.teams.find((t) => t.id === command.teamId);
      if (!team) return renderHelp(`no team ${command.teamId}`);
      const keys = await deps.store.teamItemKeys(team.id);
      const verdicts = (await deps.store.getVerdicts(keys)).filter((v): v is Verdict => v !== null);
      return renderTeamSummary(team, verdicts);
    }
    case 'unclear': {
      const teams = command.teamId ? deps.teams.filter((t) => t.id === command.teamId) : deps.teams;
      const keys = (await Promise.all(teams.map((t) => deps.store.attentionKeys(t.id)))).flat();
      const rows = (await load(deps, keys)).filter((r) => needsAttention(r.verdict) && mayShow(r.item, r.verdict, deps.teams));
      return renderItemList('Ownership unclear, unowned or disputed', rows, 'Every item has a clear owner. 🎉');
    }
    case 'mine': {
      const keys = (await Promise.all(deps.teams.map((t) => deps.store.teamItemKeys(t.id)))).flat();
      const rows = (await load(deps, keys)).filter((r) => isMine(r.verdict, request.userId) && mayShow(r.item, r.verdict, deps.teams));
      return renderItemList('What you own', rows, 'who-owns does not list you as the owner of any item. The team file names each team’s PO and PM.');
    }
    case 'jql': {
      if (!deps.runJql) return renderHelp('`jql:` queries run against Jira, and this instance has no Jira connection; ask about keys or words instead');
      const projects = [...new Set(deps.teams.flatMap((t) => t.jira.projects))];
      const checked = checkUserJql(command.jql, projects);
      if (!checked.ok) return renderHelp(`that query cannot run: ${checked.reason}`);
      const keys = await lookup(() => deps.runJql?.(checked.jql) ?? Promise.resolve([]));
      if (typeof keys === 'string') return renderHelp(keys);
      const rows = (await load(deps, keys)).filter((r) => mayShow(r.item, r.verdict, deps.teams));
      return renderItemList(`Items matching your query`, rows, 'No item matches that query in the teams’ projects.');
    }
    case 'search': {
      const keys = await lookup(() => deps.search(command.text));
      if (typeof keys === 'string') return renderHelp(keys);
      const rows = (await load(deps, keys.slice(0, 15))).filter((r) => mayShow(r.item, r.verdict, deps.teams));
      return renderItemList(`Best matches for “${command.text}”`, rows, `Nothing matches “${command.text}”. Try a key (PAY-231) or /who-owns help.`);
    }
  }
}

/** Offline free-text search over stored items: every word must appear in the summary or labels. */
export function searchItems(items: readonly WorkItem[], text: string): string[] {
  const words = text.toLowerCase().split(/\s+/).filter((w) => w.length > 1);
  if (words.length === 0) return [];
  return items
    .map((item) => ({ item, hay: `${item.summary} ${item.labels.join(' ')} ${item.components.join(' ')}`.toLowerCase() }))
    .filter(({ hay }) => words.every((w) => hay.includes(w)))
    .map(({ item }) => item.key);
}
