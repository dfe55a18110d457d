/** OPS — the Operations project. No team in samples/who-owns.yaml claims it, so its items are "unmatched". */
import type { ItemSpec } from '../item-spec.js';

const UNMATCHED = 'Unmatched: project OPS is not mapped to any team';

export const OPS_ITEMS: ItemSpec[] = [
  {
    ref: 'ops-pci-aoc',
    type: 'Task',
    summary: 'Renew the PCI DSS Attestation of Compliance for 2027',
    status: 'In Progress',
    assignee: 'olivia',
    due: '2026-12-15',
    priority: 'High',
    desc: 'QSA on-site visit on 3 December. Evidence folder: network diagrams, access reviews, the last four ASV scans.',
    edge: UNMATCHED,
  },
  {
    ref: 'ops-oncall-december',
    type: 'Task',
    summary: 'Rotate the December on-call schedule for support',
    status: 'Open',
    assignee: 'olivia',
    decision: { role: 'none', by: 'olivia', at: '2026-11-16T11:00:00.000Z' },
    edge: `${UNMATCHED}; a recorded decision marks it "not product work"`,
  },
  {
    ref: 'ops-macros-bug',
    type: 'Bug',
    summary: 'Support macros still link to the old help centre',
    status: 'Open',
    components: ['Support tooling'],
    desc: `# Steps to reproduce
Use the macro "Payout timing" in Zendesk.

# Expected
Link to help.acme-pay.example/payouts.

# Actual
Link to support.acme-pay.example/hc/en-us/articles/360001, which is a 404.`,
  },
  {
    ref: 'ops-zendesk-sepa-tag',
    type: 'Task',
    summary: 'Zendesk: tag tickets that mention SEPA Instant',
    status: 'Done',
    assignee: 'olivia',
    components: ['Support tooling'],
  },
  {
    ref: 'ops-access-review',
    type: 'Task',
    summary: 'Quarterly access review for the admin dashboard',
    status: 'Open',
    assignee: 'olivia',
    due: '2026-12-01',
  },
  {
    ref: 'ops-non-sepa-payout',
    type: 'Task',
    summary: 'Merchant asks for payouts to a non-SEPA account (ticket #48213)',
    status: 'Open',
    desc: 'Swiss merchant wants CHF payouts to a PostFinance account. Not supported today; answer with the workaround and log the request on the ideas board.',
  },
  {
    ref: 'ops-status-page',
    type: 'Task',
    summary: 'Add the new checkout API to the status page components',
    status: 'Open',
    desc: 'Mentions Checkout, but lives in OPS without the Checkout component.',
    edge: `${UNMATCHED} (mentions checkout but has no Checkout component)`,
  },
  {
    ref: 'ops-referral-training',
    type: 'Task',
    summary: 'Train support on the referral programme v2',
    status: 'Open',
    assignee: 'olivia',
    due: '2026-11-30',
  },
  {
    ref: 'ops-chargeback-macro',
    type: 'Task',
    summary: 'New macro for "how do I respond to a chargeback?"',
    status: 'In Progress',
    assignee: 'olivia',
    components: ['Support tooling'],
  },
];
