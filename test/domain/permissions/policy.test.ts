import { describe, expect, it } from 'vitest';
import { permit, refusalText } from '../../../src/domain/permissions/policy.js';
import { aTeam } from '../../support/builders.js';

const payments = aTeam({
  id: 'payments',
  name: 'Payments',
  jira: { projects: ['PAY'], boards: [], components: ['Checkout'] },
  channel: 'C0PAYMENTS',
  po: { slack: 'U0PO', name: 'Priya Nair' },
  pm: { slack: 'U0PM', name: 'Marco Rossi' },
  members: [{ slack: 'U0MEMBER' }],
});
const growth = aTeam({ id: 'growth', name: 'Growth', jira: { projects: ['GRO'], boards: [], components: ['Checkout'] }, channel: 'C0GROWTH', po: { slack: 'U0DANA', name: 'Dana Kim' } });
const context = { teams: [payments, growth], homeWorkspaceId: 'T0ACME' };
const item = { key: 'PAY-1', projectKey: 'PAY', boardIds: [], team: null, components: [] as string[], securityLevel: null as string | null };
const person = (slackId: string, workspaceId = 'T0ACME') => ({ slackId, workspaceId, isBot: false });

describe('permission policy', () => {
  it('lets the item team’s PO, PM and members decide, and tells everyone else who can', () => {
    for (const id of ['U0PO', 'U0PM', 'U0MEMBER']) expect(permit('decide-claim', person(id), { item }, context)).toMatchObject({ allowed: true, team: { id: 'payments' } });
    const refused = permit('decide-claim', person('U0DANA'), { item }, context);

    expect(refused).toMatchObject({ allowed: false, code: 'not-in-seat' });
    expect(refused.allowed || refusalText(refused)).toBe('Only the PO (Priya Nair), the PM (Marco Rossi) or a member of Payments may do this for PAY-1; the team file gives you no such seat. Nothing was changed.');
  });

  it('counts every claiming team: a component claim lets that team decide too, but acceptance stays with the project’s team', () => {
    const shared = { ...item, components: ['Checkout'] };
    expect(permit('decide-pm', person('U0DANA'), { item: shared }, context).allowed).toBe(true);
    expect(permit('accept', person('U0DANA'), { item: shared }, context)).toMatchObject({ allowed: false, code: 'not-in-seat' });
  });

  it('lets the PO accept an item of another project that sits on the team’s board, as the team’s acceptance queue lists it', () => {
    const onBoard = aTeam({ ...payments, jira: { projects: ['PAY'], boards: [12], components: [] } });
    const borrowed = { ...item, key: 'OPS-7', projectKey: 'OPS', boardIds: [12] };
    expect(permit('accept', person('U0PO'), { item: borrowed }, { teams: [onBoard, growth] })).toMatchObject({ allowed: true, team: { id: 'payments' } });
    expect(permit('accept', person('U0DANA'), { item: borrowed }, { teams: [onBoard, growth] })).toMatchObject({ allowed: false, code: 'not-in-seat' });
  });

  it('refuses bots and users of another workspace even when the team file lists them', () => {
    expect(permit('snooze-nudge', { slackId: 'U0PO', isBot: true }, { item }, context)).toMatchObject({ allowed: false, code: 'bot' });
    expect(permit('snooze-nudge', person('U0PO', 'T0OTHER'), { item }, context)).toMatchObject({ allowed: false, code: 'other-workspace' });
  });

  it('refuses everyone for an item no team claims', () => {
    expect(permit('decide-claim', person('U0PO'), { item: { ...item, key: 'SEC-1', projectKey: 'SEC' } }, context)).toMatchObject({ allowed: false, code: 'no-team' });
  });

  it('shares only into the channel of a team that claims the item, and never a restricted item', () => {
    expect(permit('share-in-channel', person('U0PO'), { item, channelId: 'C0PAYMENTS' }, context).allowed).toBe(true);
    const elsewhere = permit('share-in-channel', person('U0PO'), { item, channelId: 'C0GROWTH' }, context);
    const restricted = permit('share-in-channel', person('U0PO'), { item: { ...item, securityLevel: 'Finance' }, channelId: 'C0PAYMENTS' }, context);

    expect(elsewhere).toMatchObject({ allowed: false, code: 'channel', whoCan: '<#C0PAYMENTS>' });
    expect(restricted).toMatchObject({ allowed: false, code: 'channel' });
    expect(restricted.allowed || restricted.reason).toContain('has a Jira security level');
  });
});
