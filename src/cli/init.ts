import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as prompts from '@clack/prompts';
import type { webApi } from '@slack/bolt';
import { type Command, Option } from 'commander';
import { formatProblems, parseEnv, parseTeamFile } from '../../config/load-config.js';
import { jiraClientsFromEnv, slackClientsFromEnv } from '../runtime/adapters.js';
import { type PersonProposal, proposeTeam, type TeamProposal } from '../init/propose-teams.js';
import { type SiteSurvey, surveySite } from '../init/site-survey.js';
import { teamFileText } from '../init/team-file-text.js';
import { slackLookupByEmail } from '../slack/slack-people.js';

interface InitOptions {
  out: string;
  yes?: boolean;
  force?: boolean;
  projects?: string;
  channel: string[];
  po: string[];
  pm: string[];
  timezone: string;
}

/** `PAY=value` pairs from repeated flags. */
function byProject(pairs: readonly string[], flag: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of pairs) {
    const [project, value] = pair.split('=', 2);
    if (!project || !value) throw new Error(`--${flag} takes PROJECT=value (e.g. --${flag} PAY=${flag === 'channel' ? 'C012AB3CD' : 'priya@example.com'}), got "${pair}"`);
    map.set(project.toUpperCase(), value);
  }
  return map;
}

const collect = (value: string, previous: string[]) => [...previous, value];

class Cancelled extends Error {}

function answered<T>(value: T | symbol): Exclude<T, symbol> {
  if (prompts.isCancel(value) || typeof value === 'symbol') throw new Cancelled('init cancelled; nothing was written');
  return value as Exclude<T, symbol>;
}

function personFor(email: string | undefined, known?: PersonProposal): PersonProposal | undefined {
  if (!email) return known;
  return known?.email?.toLowerCase() === email.toLowerCase() ? known : { email };
}

/** Asks, per proposed team, what the site could not tell; the proposal is each default. */
async function askTeams(survey: SiteSurvey, proposals: TeamProposal[]): Promise<TeamProposal[]> {
  const chosen = answered(
    await prompts.multiselect({
      message: 'Which Jira projects should who-owns watch? (one team per project)',
      options: proposals.map((p) => ({ value: p.project, label: `${p.project} — ${p.name}`, hint: p.boards.length ? `boards ${p.boards.join(', ')}` : 'no board' })),
      initialValues: proposals.map((p) => p.project),
      required: true,
    }),
  );
  const teams: TeamProposal[] = [];
  for (const proposal of proposals.filter((p) => chosen.includes(p.project))) {
    prompts.log.step(`${proposal.project} — ${proposal.name}`);
    const channelId = answered(
      await prompts.select({
        message: `Slack channel for ${proposal.name}'s nudges and weekly digest`,
        options: [...survey.channels.map((c) => ({ value: c.id, label: `#${c.name}`, hint: c.isMember ? 'who-owns is a member' : 'invite who-owns after' })), { value: '', label: 'none' }],
        initialValue: proposal.channel?.id ?? '',
      }),
    );
    const po = answered(await prompts.text({ message: 'Product Owner’s email', placeholder: 'po@example.com', defaultValue: proposal.po?.email ?? '', initialValue: proposal.po?.email ?? '' }));
    const pm = answered(await prompts.text({ message: 'Product Manager’s email (empty: not known yet)', placeholder: 'pm@example.com', defaultValue: '' }));
    const channel = survey.channels.find((c) => c.id === channelId);
    const { channel: _channel, po: _po, pm: _pm, ...rest } = proposal;
    const poPerson = personFor(po.trim() || undefined, proposal.po);
    const pmPerson = personFor(pm.trim() || undefined);
    teams.push({ ...rest, ...(channel ? { channel } : {}), ...(poPerson ? { po: poPerson } : {}), ...(pmPerson ? { pm: pmPerson } : {}) });
  }
  return teams;
}

/** Applies the flags to the proposals (non-interactive). */
function flaggedTeams(survey: SiteSurvey, proposals: TeamProposal[], options: InitOptions): TeamProposal[] {
  const wanted = options.projects ? options.projects.split(',').map((p) => p.trim().toUpperCase()).filter(Boolean) : proposals.map((p) => p.project);
  const unknown = wanted.filter((w) => !proposals.some((p) => p.project === w));
  if (unknown.length) throw new Error(`no Jira project ${unknown.join(', ')} on the site (it has ${proposals.map((p) => p.project).join(', ') || 'none'})`);
  const channels = byProject(options.channel, 'channel');
  const pos = byProject(options.po, 'po');
  const pms = byProject(options.pm, 'pm');
  return proposals
    .filter((p) => wanted.includes(p.project))
    .map((proposal) => {
      const { channel: proposed, po: _po, pm: _pm, ...rest } = proposal;
      const flagged = channels.get(proposal.project);
      const channel = flagged ? (survey.channels.find((c) => c.id === flagged || c.name === flagged.replace(/^#/, '')) ?? { id: flagged, name: flagged, isMember: false }) : proposed;
      const po = personFor(pos.get(proposal.project), proposal.po);
      const pm = personFor(pms.get(proposal.project));
      return { ...rest, ...(channel ? { channel } : {}), ...(po ? { po } : {}), ...(pm ? { pm } : {}) };
    });
}

/** Adds the Slack id of each person Slack knows by email, so the team file needs no lookup for them. */
async function withSlackIds(teams: TeamProposal[], slack: webApi.WebClient | undefined): Promise<TeamProposal[]> {
  if (!slack) return teams;
  const lookup = slackLookupByEmail(slack);
  const resolve = async (p: PersonProposal | undefined) => {
    if (!p?.email || p.slack) return p;
    const found = await lookup(p.email).catch(() => undefined);
    return found?.status === 'resolved' ? { ...p, slack: found.id } : p;
  };
  return Promise.all(teams.map(async (t) => ({ ...t, ...(t.po ? { po: await resolve(t.po) } : {}), ...(t.pm ? { pm: await resolve(t.pm) } : {}) }) as TeamProposal));
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Write a team file from the Jira site and Slack workspace: one team per project, with channel, PO, PM and acceptance workflow')
    .option('-o, --out <file>', 'team file to write', 'config/who-owns.yaml')
    .option('-y, --yes', 'do not ask: take the proposals and the flags below (for scripts)')
    .option('--force', 'overwrite an existing team file')
    .option('--projects <keys>', 'comma-separated Jira project keys (default: every project)')
    .option('--channel <PROJECT=C…>', "a project's Slack channel id or name (repeatable)", collect, [])
    .option('--po <PROJECT=email>', "a project's Product Owner (repeatable; default: the project lead)", collect, [])
    .option('--pm <PROJECT=email>', "a project's Product Manager (repeatable)", collect, [])
    .addOption(new Option('--timezone <zone>', 'IANA time zone of the teams').default(Intl.DateTimeFormat().resolvedOptions().timeZone))
    .action(async (options: InitOptions) => {
      const env = parseEnv(process.env);
      if (!env.ok) throw new Error(`the environment has problems:\n${formatProblems(env.problems)}`);
      // One retry for Slack: an outage ends the command instead of stalling it.
      const jira = jiraClientsFromEnv(env.value, { timeoutMs: 15_000 });
      if (!jira) throw new Error('init reads the Jira site: set JIRA_BASE_URL and the Jira credentials first (README, Connecting Slack and Jira)');
      if (existsSync(options.out) && !options.force) throw new Error(`${options.out} exists; pass --force to overwrite it, or --out to write elsewhere`);
      const slack = slackClientsFromEnv(env.value, { slackRetries: 1 })?.web;
      const interactive = !options.yes && Boolean(process.stdin.isTTY);
      if (interactive) prompts.intro('who-owns init');
      const survey = await surveySite(jira, slack);
      if (survey.projects.length === 0) throw new Error('the Jira account who-owns uses sees no project: give it Browse projects on the teams’ projects');
      const proposals = survey.projects.map((p) => proposeTeam(p, survey, options.timezone));
      let teams: TeamProposal[];
      try {
        teams = await withSlackIds(interactive ? await askTeams(survey, proposals) : flaggedTeams(survey, proposals, options), slack);
      } catch (error) {
        if (error instanceof Cancelled) {
          prompts.cancel(error.message);
          process.exitCode = 1;
          return;
        }
        throw error;
      }
      const text = teamFileText({ site: jira.settings.baseUrl, teams, fields: survey.fields, fieldNames: survey.fieldNames, at: new Date() });
      const parsed = parseTeamFile(text);
      if (!parsed.ok) throw new Error(`the team file init built does not validate (please report this):\n${formatProblems(parsed.problems)}`);
      mkdirSync(dirname(options.out), { recursive: true });
      writeFileSync(options.out, text);
      const summary = `Wrote ${options.out}: ${teams.length} team(s) (${teams.map((t) => t.project).join(', ')}).`;
      const next = `Next: npx who-owns config check ${options.out}, then npx who-owns doctor${options.out === 'config/who-owns.yaml' ? '' : ` (with WHO_OWNS_CONFIG=${options.out})`}.`;
      if (interactive) prompts.outro(`${summary}\n${next}`);
      else process.stdout.write(`${summary}\n${next}\n`);
    });
}
