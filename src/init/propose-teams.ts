import type { SiteSurvey, SurveyedProject } from './site-survey.js';

export interface PersonProposal {
  email?: string;
  slack?: string;
  jira?: string;
  name?: string;
}

/** One team per Jira project, with what the site suggests; `init` asks or takes flags for the rest. */
export interface TeamProposal {
  id: string;
  name: string;
  project: string;
  boards: number[];
  channel?: { id: string; name: string; isMember: boolean };
  po?: PersonProposal;
  pm?: PersonProposal;
  timezone: string;
  /** Undefined: no item waits for acceptance yet, so the team file's defaults stay. */
  acceptance?: { statuses: string[]; acceptTransition?: string; rejectTransition?: string; readFrom: string };
}

const ACCEPT = /^(accept|approve|accepted|sign off|done)/i;
const REJECT = /^(reject|send back|decline|return|back to|reopen)/i;

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function teamId(project: SurveyedProject): string {
  const id = slug(project.key).replace(/^[^a-z]+/, '');
  return (id || `team-${slug(project.key)}`).slice(0, 40);
}

/** A channel named after the project (key or name, optionally team-/prod- prefixed); members first. */
export function matchChannel(project: SurveyedProject, channels: SiteSurvey['channels']): SiteSurvey['channels'][number] | undefined {
  const names = [slug(project.key), slug(project.name)].filter(Boolean);
  const exact = channels.filter((c) => names.includes(c.name) || names.some((n) => c.name === `team-${n}` || c.name === `${n}-team`));
  const loose = channels.filter((c) => names.some((n) => n.length >= 3 && c.name.includes(n)));
  const byMembership = (list: SiteSurvey['channels']) => [...list].sort((a, b) => Number(b.isMember) - Number(a.isMember));
  return byMembership(exact)[0] ?? byMembership(loose)[0];
}

export function proposeTeam(project: SurveyedProject, survey: SiteSurvey, timezone: string): TeamProposal {
  const channel = matchChannel(project, survey.channels);
  const lead = project.lead;
  const po: PersonProposal | undefined = lead?.email || lead?.accountId || lead?.name
    ? { ...(lead.email ? { email: lead.email } : {}), ...((lead.accountId ?? lead.name) ? { jira: (lead.accountId ?? lead.name) as string } : {}), ...(lead.displayName ? { name: lead.displayName } : {}) }
    : undefined;
  const waiting = project.acceptance;
  const accept = waiting?.offered.find((t) => ACCEPT.test(t));
  const reject = waiting?.offered.find((t) => REJECT.test(t));
  return {
    id: teamId(project),
    name: project.name,
    project: project.key,
    boards: project.boards,
    timezone,
    ...(channel ? { channel } : {}),
    ...(po ? { po } : {}),
    ...(waiting ? { acceptance: { statuses: [waiting.status], readFrom: waiting.key, ...(accept ? { acceptTransition: accept } : {}), ...(reject ? { rejectTransition: reject } : {}) } } : {}),
  };
}
