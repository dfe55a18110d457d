import { type PersonResolution, peopleToResolve, resolvePeople, describeResolution } from '../people/resolve-people.js';
import type { Runtime } from './build-runtime.js';
import { peopleDirectories } from './people-directories.js';

/** Start-up waits this long for lookups; slower ones still land in the teams when they finish. */
const START_WAIT_MS = 10_000;
const REFRESH_EVERY_MS = 3_600_000;

/**
 * Fills in the Slack and Jira ids of people the team file gives by email only, before the
 * features start, and again every hour (the cache decides what is asked again). The ids are
 * written into the loaded teams, which every feature of the process holds.
 */
export async function resolvePeopleAtStart(rt: Runtime): Promise<{ stop(): void }> {
  const targets = peopleToResolve(rt.config.teams.teams);
  if (targets.length === 0) return { stop: () => {} };
  const directories = peopleDirectories(rt.adapters.slack?.web, rt.adapters.jira?.clients);
  const cache = rt.adapters.peopleCache;
  const log = (results: PersonResolution[]) => {
    for (const r of results) {
      if (r.outcome.status === 'resolved') rt.logger.debug({ email: r.email, directory: r.directory }, describeResolution(r));
      else rt.logger.warn({ email: r.email, directory: r.directory, status: r.outcome.status }, describeResolution(r));
    }
  };
  const run = () =>
    resolvePeople(targets, { directories, cache, now: rt.clock.now().getTime() }).then(log, (error: unknown) => rt.logger.warn({ err: error }, 'could not look people up by email'));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([run(), new Promise<void>((resolve) => {
    timer = setTimeout(resolve, START_WAIT_MS);
  })]);
  clearTimeout(timer);
  const refresh = setInterval(() => void run(), REFRESH_EVERY_MS);
  refresh.unref();
  return { stop: () => clearInterval(refresh) };
}
