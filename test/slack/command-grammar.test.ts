import { describe, expect, it } from 'vitest';
import { parseWhoOwns } from '../../src/slack/command-grammar.js';

const teams = [
  { id: 'payments', name: 'Payments', jira: { projects: ['PAY'] } },
  { id: 'growth', name: 'Growth', jira: { projects: ['GRO', 'IDEA'] } },
];

describe('slack/command-grammar', () => {
  it.each`
    text                                                         | expected
    ${'PAY-231'}                                                 | ${{ kind: 'keys', keys: ['PAY-231'] }}
    ${'PAY-231, GRO-7 PAY-231'}                                  | ${{ kind: 'keys', keys: ['PAY-231', 'GRO-7'] }}
    ${'<https://acme.atlassian.net/browse/PAY-12|PAY-12>'}       | ${{ kind: 'keys', keys: ['PAY-12'] }}
    ${'https://acme.atlassian.net/browse/GRO-3'}                 | ${{ kind: 'keys', keys: ['GRO-3'] }}
    ${'PAY'}                                                     | ${{ kind: 'team', teamId: 'payments' }}
    ${'IDEA'}                                                    | ${{ kind: 'team', teamId: 'growth' }}
    ${'team Payments'}                                           | ${{ kind: 'team', teamId: 'payments' }}
    ${'jql: project = PAY AND status = "In Review"'}             | ${{ kind: 'jql', jql: 'project = PAY AND status = "In Review"' }}
    ${'unclear'}                                                 | ${{ kind: 'unclear' }}
    ${'unclear growth'}                                          | ${{ kind: 'unclear', teamId: 'growth' }}
    ${'mine'}                                                    | ${{ kind: 'mine' }}
    ${'help'}                                                    | ${{ kind: 'help' }}
    ${''}                                                        | ${{ kind: 'help' }}
    ${'pricing page'}                                            | ${{ kind: 'search', text: 'pricing page' }}
    ${'who owns PAY-231?'}                                       | ${{ kind: 'search', text: 'who owns PAY-231?' }}
  `('reads “$text”', ({ text, expected }) => {
    expect(parseWhoOwns(text, teams)).toEqual(expected);
  });

  it('explains what is wrong instead of guessing', () => {
    expect(parseWhoOwns('team Marketing', teams)).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('Payments, Growth') });
    expect(parseWhoOwns('jql:', teams)).toMatchObject({ kind: 'invalid' });
    expect(parseWhoOwns('x'.repeat(4000), teams)).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('4000 characters') });
  });
});
