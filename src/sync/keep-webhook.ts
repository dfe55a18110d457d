import type { TeamProfile } from '../domain/team.js';
import type { JiraWebhooks, RegisteredWebhookState, RegisteredWebhookStore } from '../ports.js';

const DAY_MS = 24 * 3600_000;
/** Refreshed once fewer days than this are left of Jira's 30: the daily run then has weeks to get through. */
const REFRESH_WHEN_LEFT_MS = 20 * DAY_MS;

export interface KeepWebhookDeps {
  webhooks: JiraWebhooks;
  registered: RegisteredWebhookStore;
  /** JIRA_WEBHOOK_URL: this install's public /webhooks/jira. */
  url: string;
  teams: readonly TeamProfile[];
  now: () => Date;
}

/**
 * The registered webhook filters on the teams' projects. Items a team claims only through a
 * board or a component elsewhere come with the next scheduled sync.
 */
function webhookFilter(webhooks: JiraWebhooks, teams: readonly TeamProfile[]): string | undefined {
  const projects = [...new Set(teams.flatMap((t) => t.jira.projects))].sort();
  return projects.length ? webhooks.filterFor(projects) : undefined;
}

/**
 * Keeps one webhook registered for the teams' projects: registers it (again) when there is
 * none, it expired, or the URL or projects changed; refreshes it well before Jira's 30 days
 * run out. A failure is saved for `/readyz` and `doctor`, then thrown so the job retries.
 */
export async function keepWebhookRegistered(deps: KeepWebhookDeps): Promise<RegisteredWebhookState> {
  const now = deps.now();
  const jqlFilter = webhookFilter(deps.webhooks, deps.teams);
  const current = await deps.registered.read();
  try {
    if (!jqlFilter) throw new Error('no team names a Jira project, and a registered webhook filters on projects');
    let next: RegisteredWebhookState;
    if (!current?.ids.length || current.url !== deps.url || current.jqlFilter !== jqlFilter || Date.parse(current.expiresAt) <= now.getTime()) {
      // Jira allows one URL per app: the old registration goes first.
      if (current?.ids.length) await deps.webhooks.delete(current.ids);
      const id = await deps.webhooks.register(deps.url, jqlFilter);
      // Jira tells a webhook's expiry only when it is refreshed.
      const expiresAt = await deps.webhooks.refresh([id]);
      next = { ids: [id], url: deps.url, jqlFilter, expiresAt: expiresAt.toISOString(), refreshedAt: now.toISOString() };
    } else if (Date.parse(current.expiresAt) - now.getTime() < REFRESH_WHEN_LEFT_MS) {
      const expiresAt = await deps.webhooks.refresh(current.ids);
      next = { ids: current.ids, url: current.url, jqlFilter, expiresAt: expiresAt.toISOString(), refreshedAt: now.toISOString() };
    } else {
      next = { ids: current.ids, url: current.url, jqlFilter, expiresAt: current.expiresAt, refreshedAt: current.refreshedAt };
    }
    await deps.registered.save(next);
    return next;
  } catch (error) {
    const failed = current ?? { ids: [], url: deps.url, jqlFilter: jqlFilter ?? '', expiresAt: '', refreshedAt: '' };
    await deps.registered.save({ ...failed, error: { message: (error as Error).message, at: now.toISOString() } });
    throw error;
  }
}
