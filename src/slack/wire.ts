import { firstKeys } from '../jira/first-keys.js';
import type { Feature } from '../runtime/feature.js';
import type { Runtime } from '../runtime/build-runtime.js';
import { registerAppHome } from './listeners/events/app-home-opened.js';
import { registerDecisionActions } from './listeners/actions/ownership-decisions.js';
import { createLiveLookup } from './live-lookup.js';
import { lookupsFor } from './who-owns-search.js';
import { registerWhoOwnsCommand } from './listeners/commands/who-owns.js';

/**
 * `/who-owns`, the decision buttons on verdict cards, nudges and digests, and App Home. With
 * a Jira site, searches run live and a key the store misses is read from Jira.
 */
export function wireWhoOwns(rt: Runtime): Feature {
  const { items: store, decisions, jira: site } = rt.adapters;
  const teams = rt.config.teams.teams;
  const now = () => rt.clock.now();
  const home = rt.identity.workspaceId ? { homeWorkspaceId: rt.identity.workspaceId } : {};
  const searchJira = site ? (jql: string) => firstKeys(site.clients, jql) : undefined;
  const fetchLive = site ? createLiveLookup({ jira: site.reader, items: store, decisions, learned: rt.adapters.learned, teams }) : undefined;
  return {
    listeners: [
      (app) => registerWhoOwnsCommand(app, { store, teams, ...lookupsFor({ store, teams, ...(searchJira ? { searchJira } : {}) }), ...(fetchLive ? { fetchLive } : {}) }, rt.logger.child({ component: 'slack' })),
      (app) => registerDecisionActions(app, { store, decisions, teams, ...home, now, events: rt.events, ...(site ? { jira: site.writer } : {}) }),
      (app) => registerAppHome(app, { store, teams, now, doctorResults: rt.adapters.doctorResults }),
    ],
  };
}
