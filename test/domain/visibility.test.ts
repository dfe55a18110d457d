import { describe, expect, it } from 'vitest';
import { workItem } from '../../src/domain/work-item.js';
import { audienceOf, visibleInChannel, visibleInTeamChannel, visibleTo, visibleToRequester } from '../../src/domain/visibility.js';
import { aTeam } from '../support/builders.js';

const payments = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [], components: [] }, channel: 'C0PAYMENTS' });
const platform = aTeam({ id: 'platform', name: 'Platform', jira: { projects: ['PLAT'], boards: [], components: ['Checkout'] }, channel: 'C0PLATFORM', showRestrictedToRequester: true });
const teams = [payments, platform];

const story = workItem({ key: 'PAY-1', summary: 's', issueType: 'Story' });
const secured = workItem({ key: 'PAY-2', summary: 's', issueType: 'Story', securityLevel: 'Finance' });
const checkout = workItem({ key: 'WEB-3', summary: 's', issueType: 'Story', components: ['checkout'] });
const securedPlat = workItem({ key: 'PLAT-4', summary: 's', issueType: 'Story', securityLevel: 'Internal' });
const unmapped = workItem({ key: 'SEC-5', summary: 's', issueType: 'Story' });

describe('domain/visibility', () => {
  it('shows an item only in the channel of a team that claims it, by project or component', () => {
    expect(visibleInChannel(story, 'C0PAYMENTS', teams)).toBe(true);
    expect(visibleInChannel(story, 'C0PLATFORM', teams)).toBe(false);
    expect(visibleInChannel(checkout, 'C0PLATFORM', teams)).toBe(true);
    expect(visibleInChannel(unmapped, 'C0PAYMENTS', teams)).toBe(false);
  });

  it('shows an item where attribution places it: on a team’s board or in its Team field, whatever its project', () => {
    const boarded = aTeam({ ...payments, jira: { projects: ['PAY'], boards: [12], components: [], teamField: 'Payments squad' } });
    const onBoard = workItem({ key: 'OPS-6', summary: 's', issueType: 'Story', boardIds: [12] });
    const byTeamField = workItem({ key: 'OPS-7', summary: 's', issueType: 'Story', team: 'payments squad' });
    expect(visibleInChannel(onBoard, 'C0PAYMENTS', [boarded, platform])).toBe(true);
    expect(visibleInTeamChannel(byTeamField, boarded)).toBe(true);
    expect(visibleInTeamChannel(onBoard, payments)).toBe(false);
  });

  it('never posts an item with a security level to any channel, even its own', () => {
    expect(visibleInChannel(secured, 'C0PAYMENTS', teams)).toBe(false);
    expect(visibleInChannel(securedPlat, 'C0PLATFORM', teams)).toBe(false);
    expect(visibleInTeamChannel(secured, payments)).toBe(false);
  });

  it('shows restricted items privately only where the team allows it, and never unclaimed ones', () => {
    expect(visibleToRequester(story, teams)).toBe(true);
    expect(visibleToRequester(secured, teams)).toBe(false);
    expect(visibleToRequester(securedPlat, teams)).toBe(true);
    expect(visibleToRequester(unmapped, teams)).toBe(false);
  });

  it('treats a DM like a private answer and a channel post like a channel', () => {
    expect(audienceOf('D0123', false)).toEqual({ kind: 'requester' });
    expect(audienceOf('C0PAYMENTS', true)).toEqual({ kind: 'requester' });
    expect(visibleTo(securedPlat, audienceOf('D0123', false), teams)).toBe(true);
    expect(visibleTo(securedPlat, audienceOf('C0PLATFORM', false), teams)).toBe(false);
  });
});
