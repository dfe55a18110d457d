import type { App } from '@slack/bolt';
import type { TeamProfile } from '../../../domain/team.js';
import { PM, UNCLEAR } from '../../../domain/verdict.js';
import { visibleToRequester } from '../../../domain/visibility.js';
import { doctorBlocks } from '../../../doctor/doctor-blocks.js';
import type { DoctorResults, ItemStore } from '../../../ports.js';
import type { ListedItem } from '../../../views/command-answers.js';
import { type HomeTeamSection, renderAppHome } from '../../../views/app-home.js';

export interface AppHomeDeps {
  store: ItemStore;
  teams: readonly TeamProfile[];
  now: () => Date;
  /** The latest set-up checks, shown to the people of the team file. */
  doctorResults?: DoctorResults;
}

/** Anyone the team file names: PO, PM, member, neighbouring role or acceptance delegate. */
function inTeamFile(teams: readonly TeamProfile[], userId: string): boolean {
  return teams.some((t) => [t.po, t.pm, ...t.members, ...t.roles.flatMap((r) => r.people), ...t.acceptance.delegates].some((p) => p?.slack === userId));
}

async function rows(store: ItemStore, keys: readonly string[], teams: readonly TeamProfile[]): Promise<ListedItem[]> {
  const [items, verdicts] = await Promise.all([store.getItems(keys), store.getVerdicts(keys)]);
  const out: ListedItem[] = [];
  items.forEach((item, i) => {
    const verdict = verdicts[i];
    if (item && verdict && visibleToRequester(item, teams)) out.push({ item, verdict });
  });
  return out;
}

/** What a PO or PM sees on the App Home tab; pure reads of the store. */
export async function homeSections(deps: AppHomeDeps, userId: string): Promise<HomeTeamSection[]> {
  const sections: HomeTeamSection[] = [];
  const today = deps.now().toISOString().slice(0, 10);
  for (const team of deps.teams) {
    if (team.po?.slack === userId) {
      const [awaiting, unclear] = await Promise.all([deps.store.awaitingAcceptanceKeys(team.id), deps.store.attentionKeys(team.id)]);
      sections.push({ teamName: team.name, role: 'PO', first: await rows(deps.store, awaiting, deps.teams), second: await rows(deps.store, unclear, deps.teams) });
    }
    if (team.pm?.slack === userId) {
      const all = await rows(deps.store, await deps.store.teamItemKeys(team.id), deps.teams);
      const roadmap = all.filter((r) => r.verdict.role === PM || (r.verdict.role === UNCLEAR && (r.item.hierarchyLevel ?? 0) >= 1));
      const withoutPm = roadmap.filter((r) => r.verdict.owners.length === 0 || r.verdict.role === UNCLEAR);
      const slipping = roadmap.filter((r) => {
        const target = r.item.targetEnd ?? r.item.dueDate;
        return target !== null && target.slice(0, 10) < today && r.item.statusCategory !== 'done';
      });
      sections.push({ teamName: team.name, role: 'PM', first: withoutPm, second: slipping });
    }
  }
  return sections;
}

export function registerAppHome(app: App, deps: AppHomeDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const setup = deps.doctorResults && inTeamFile(deps.teams, event.user) ? doctorBlocks(await deps.doctorResults.latest()) : [];
    const view = renderAppHome(await homeSections(deps, event.user), setup);
    await client.views.publish({ user_id: event.user, view: view as never });
  });
}
