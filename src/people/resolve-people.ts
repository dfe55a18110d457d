import type { CachedLookup, PeopleCache } from '../ports.js';
import type { LookupByEmail, PersonDirectory, PersonLookup } from './person-lookup.js';

interface PersonRef {
  slack?: string;
  jira?: string;
  email?: string;
  name?: string;
}

interface TeamPeople {
  id: string;
  po?: PersonRef | null;
  pm?: PersonRef | null;
  members: PersonRef[];
  roles: { id: string; people: PersonRef[] }[];
  acceptance: { delegates: PersonRef[] };
}

/** One email to look up in one directory, and the team file entries that carry it. */
export interface PersonTarget {
  directory: PersonDirectory;
  email: string;
  refs: PersonRef[];
  /** "payments PO", "growth member": where the team file names this person. */
  where: string[];
}

export type Resolution = PersonLookup | { status: 'unreachable'; error: string };

export interface PersonResolution {
  directory: PersonDirectory;
  email: string;
  where: string[];
  outcome: Resolution;
}

const DIRECTORY_NAMES: Record<PersonDirectory, string> = { slack: 'Slack', jira: 'Jira' };

/** Resolved entries are asked again after a day, misses after an hour (someone may have joined). */
export const REFRESH_RESOLVED_MS = 86_400_000;
export const REFRESH_MISSED_MS = 3_600_000;

/**
 * The people the team file gives by email without a Slack or Jira id. Computed once from the
 * file as written, so a refresh asks again for ids that an earlier resolution filled in.
 */
export function peopleToResolve(teams: readonly TeamPeople[]): PersonTarget[] {
  const targets = new Map<string, PersonTarget>();
  const add = (ref: PersonRef | null | undefined, where: string) => {
    if (!ref?.email) return;
    const email = ref.email.toLowerCase();
    for (const directory of ['slack', 'jira'] as const) {
      if (ref[directory]) continue;
      const key = `${directory} ${email}`;
      const target = targets.get(key) ?? { directory, email, refs: [], where: [] };
      target.refs.push(ref);
      if (!target.where.includes(where)) target.where.push(where);
      targets.set(key, target);
    }
  };
  for (const team of teams) {
    add(team.po, `${team.id} PO`);
    add(team.pm, `${team.id} PM`);
    for (const member of team.members) add(member, `${team.id} member`);
    for (const role of team.roles) for (const person of role.people) add(person, `${team.id} ${role.id}`);
    for (const delegate of team.acceptance.delegates) add(delegate, `${team.id} acceptance delegate`);
  }
  return [...targets.values()];
}

function withoutTime({ at: _at, ...lookup }: CachedLookup): PersonLookup {
  return lookup as PersonLookup;
}

function fresh(entry: CachedLookup | undefined, now: number): entry is CachedLookup {
  if (!entry) return false;
  return now - entry.at < (entry.status === 'resolved' ? REFRESH_RESOLVED_MS : REFRESH_MISSED_MS);
}

export interface ResolveOptions {
  directories: Partial<Record<PersonDirectory, LookupByEmail>>;
  cache?: PeopleCache;
  now: number;
}

/**
 * Looks each target up (cache first, then the directory) and writes each id found into the team
 * file entries that carry the email, so every feature holding those teams sees it. When a
 * directory cannot answer, an older cached answer still applies.
 */
export async function resolvePeople(targets: readonly PersonTarget[], options: ResolveOptions): Promise<PersonResolution[]> {
  const results: PersonResolution[] = [];
  for (const directory of ['slack', 'jira'] as const) {
    const lookup = options.directories[directory];
    const mine = targets.filter((t) => t.directory === directory);
    if (mine.length === 0) continue;
    if (!lookup) {
      for (const target of mine) results.push({ directory, email: target.email, where: target.where, outcome: { status: 'unreachable', error: `${DIRECTORY_NAMES[directory]} is not configured` } });
      continue;
    }
    const cached = (await options.cache?.get(directory, mine.map((t) => t.email))) ?? new Map<string, CachedLookup>();
    for (const target of mine) {
      const entry = cached.get(target.email);
      let outcome: Resolution;
      if (fresh(entry, options.now)) outcome = withoutTime(entry);
      else {
        try {
          outcome = await lookup(target.email);
          await options.cache?.put(directory, target.email, { ...outcome, at: options.now });
        } catch (error) {
          outcome = entry ? withoutTime(entry) : { status: 'unreachable', error: error instanceof Error ? error.message : String(error) };
        }
      }
      if (outcome.status === 'resolved') for (const ref of target.refs) ref[directory] = outcome.id;
      results.push({ directory, email: target.email, where: target.where, outcome });
    }
  }
  return results;
}

/** One line per lookup, for `config check` and the start-up log. */
export function describeResolution(r: PersonResolution): string {
  const head = `${r.email} (${r.where.join(', ')}) in ${DIRECTORY_NAMES[r.directory]}:`;
  switch (r.outcome.status) {
    case 'resolved':
      return `${head} resolved to ${r.outcome.id}`;
    case 'not-found':
      return `${head} not found — check the email, or give the ${r.directory} id in the team file`;
    case 'ambiguous':
      return `${head} ambiguous (${r.outcome.candidates.join(', ')}) — give the ${r.directory} id in the team file`;
    case 'unreachable':
      return `${head} could not be looked up (${r.outcome.error}) — check the ${DIRECTORY_NAMES[r.directory]} credentials and try again`;
  }
}
