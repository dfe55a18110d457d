/** PAY — the Payments team's delivery project (board 12, scrum), in rank order. */
import type { ItemSpec } from '../item-spec.js';

export const PAY_ITEMS: ItemSpec[] = [
  // ── Active sprint: PAY Sprint 23 ─────────────────────────────────────────
  {
    ref: 'pay-sepa-method',
    type: 'Story',
    summary: 'As a merchant, I can choose SEPA Instant as my payout method in the dashboard',
    status: 'Ready for acceptance',
    statusAt: '2026-11-20T14:12',
    parent: 'pay-epic-sepa',
    assignee: 'tomas',
    sprints: [104],
    points: 5,
    fix: ['Payments 2026.12'],
    labels: ['sepa-instant', 'dashboard'],
    components: ['SEPA', 'Payouts'],
    desc: `Pilot merchants (Bäckerei Lindner, Vélo Rapide) want payouts to land within seconds instead of the next banking day.

# Notes
- Only shown to merchants with the \`sepa_instant_pilot\` flag.
- Instant payouts cost us €0.20 more per transfer; pricing for merchants is decided separately (see the initiative).`,
    ac: `- Payout settings show "SEPA Instant (beta)" next to "Standard SEPA" for flagged merchants.
- Choosing it and saving updates the payout method for the next scheduled payout.
- Merchants without the flag do not see the option.
- The change is written to the merchant audit log with the user who made it.`,
    edge: 'Waiting for acceptance since Friday (1 working day): no reminder yet',
  },
  {
    ref: 'pay-sepa-fallback',
    type: 'Story',
    summary: 'Fall back to standard SEPA when the beneficiary bank is not reachable via SCT Inst',
    status: 'Ready for acceptance',
    statusAt: '2026-11-13T10:05',
    parent: 'pay-epic-sepa',
    assignee: 'jonas',
    sprints: [103, 104],
    points: 8,
    fix: ['Payments 2026.12'],
    labels: ['sepa-instant'],
    components: ['SEPA'],
    priority: 'High',
    desc: `About 8% of German IBANs belong to banks that are not yet reachable via SCT Inst. A payout to them must not fail: it should go out as a regular SEPA credit transfer and tell the merchant why.

# Acceptance criteria
Given a merchant has chosen SEPA Instant
When the beneficiary bank is not in the RT1 or TIPS reachability directory
Then the payout is sent as standard SEPA the same day
And the payout detail page shows "Sent as standard SEPA: bank not reachable instantly"

Given the reachability check itself times out
When the payout is due
Then we send standard SEPA and log a warning with the payout id`,
    edge: 'Waiting for acceptance for 6 working days, carried over from the previous sprint',
  },
  {
    ref: 'pay-3ds-lvp',
    type: 'Story',
    summary: 'Request the low-value exemption for card payments under €30',
    status: 'Ready for acceptance',
    statusAt: '2026-11-19T11:30',
    parent: 'pay-epic-3ds',
    assignee: 'tomas',
    sprints: [104],
    points: 5,
    fix: ['Payments 2026.12'],
    labels: ['3ds', 'psd2'],
    components: ['Card payments'],
    ac: `Given a card payment of €29.99 from an EEA card
When the merchant has exemptions enabled
Then the authorisation request carries the low-value exemption flag
And no challenge is shown to the cardholder

Given the issuer answers with soft decline 1A
When we retry
Then we retry once with full 3DS authentication`,
  },
  {
    ref: 'pay-recon-csv',
    type: 'Story',
    summary: 'Export the reconciliation report as CSV with the merchant reference',
    status: 'Ready for acceptance',
    statusAt: '2026-11-12T16:20',
    parent: 'pay-epic-recon',
    assignee: 'tomas',
    sprints: [103, 104],
    points: 3,
    fix: ['Payments 2026.11'],
    labels: ['reconciliation', 'finance-ops'],
    components: ['Payouts'],
    desc: `Finance teams import our report into DATEV and Xero. They match on **their** reference, not our payout id.

## Acceptance criteria
- CSV has one row per payout line with columns: payout id, merchant reference, amount, currency, value date, bank statement reference, match status.
- Amounts use a dot as decimal separator regardless of dashboard locale.
- An export of 50,000 rows finishes in under 20 seconds.`,
    edge: 'Waiting for acceptance for 7 working days; its fix version is already overdue',
  },
  {
    ref: 'pay-sepa-status',
    type: 'Story',
    summary: 'Show instant payout status (pending, settled, returned) on the payout detail page',
    status: 'In Progress',
    parent: 'pay-epic-sepa',
    assignee: 'tomas',
    sprints: [104],
    points: 3,
    fix: ['Payments 2026.12'],
    labels: ['sepa-instant', 'dashboard'],
    components: ['SEPA'],
    desc: `Merchants keep asking support "did the money arrive?". SCT Inst gives us a final status within 10 seconds, so we can show it.

## Acceptance criteria
- Status badge shows Pending, Settled or Returned.
- Returned payouts show the return reason code in words (e.g. AC04 "Account closed").
- Status updates without reloading the page.`,
  },
  {
    ref: 'pay-sepa-reachability',
    type: 'Story',
    summary: 'Validate IBAN reachability against the RT1/TIPS directory before scheduling an instant payout',
    status: 'Code Review',
    parent: 'pay-epic-sepa',
    assignee: 'jonas',
    sprints: [104],
    points: 5,
    labels: ['sepa-instant'],
    components: ['SEPA'],
    desc: 'We refresh the EBA reachability directory nightly. The check runs when a payout is scheduled, not when the merchant saves settings, because banks join RT1 every month.',
    ac: `- Reachability is looked up by BIC derived from the IBAN.
- The nightly import keeps the previous directory if the new file fails validation.
- Lookup adds less than 5 ms at p95 to payout scheduling.`,
  },
  {
    ref: 'pay-fraud-thresholds',
    type: 'Story',
    summary: 'Tighten fraud rule thresholds for high-risk MCCs (7995, 6051)',
    status: 'In Progress',
    assignee: 'lena',
    reporter: 'lena',
    sprints: [104],
    points: 3,
    labels: ['risk'],
    components: ['Card payments'],
    security: 'Finance & Risk only',
    desc: `Risk asked to lower the velocity thresholds for gambling and crypto-exchange merchants after the October losses.

!warning Thresholds and the affected merchant list are confidential. Do not paste them into Slack.

- Velocity limit per card per hour: see the Risk decision log (restricted).
- Rules ship behind the \`risk_rules_v7\` flag.`,
    edge: 'Restricted by a security level: never posted in channels',
  },
  {
    ref: 'pay-chargeback-pan-logs',
    type: 'Bug',
    summary: 'Chargeback evidence export writes the full PAN to application logs',
    status: 'In Progress',
    assignee: 'jonas',
    reporter: 'aiko',
    sprints: [104],
    priority: 'Highest',
    labels: ['pci', 'incident'],
    components: ['Disputes'],
    security: 'Finance & Risk only',
    desc: `# Steps to reproduce
1. Open a dispute in the staging dashboard.
2. Click "Export evidence".
3. Look at the \`dispute-service\` logs in Grafana Loki.

# Expected
Card numbers are masked (first 6, last 4).

# Actual
The full PAN appears in the debug line \`building evidence pack for card=...\`.

!warning PCI DSS requirement 3.5.1 breach in staging; production affected since release 2026.10. Logs are being purged.`,
    edge: 'Restricted bug (PCI): never posted in channels',
  },
  {
    ref: 'pay-recon-perf',
    type: 'Story',
    summary: 'Reconciliation dashboard loads in under 2 seconds for merchants with 50k payouts a month',
    status: 'In Progress',
    parent: 'pay-epic-recon',
    assignee: 'jonas',
    sprints: [104],
    points: 5,
    fix: ['Payments 2026.11'],
    components: ['Payouts'],
    desc: `Marketplace merchants (e.g. Kleinanzeigen Pro sellers) hit a 14 s load time. The query scans all statement lines for the month.

# Acceptance criteria
- p95 load time under 2 s for a merchant with 50,000 payouts in the selected month.
- Filters (matched, unmatched, returned) do not add more than 300 ms.`,
  },
  {
    ref: 'pay-recon-timezone-bug',
    type: 'Bug',
    summary: 'Reconciliation totals off by one day for payouts created after 23:00 CET',
    status: 'In Progress',
    parent: 'pay-epic-recon',
    assignee: 'tomas',
    reporter: 'aiko',
    sprints: [104],
    priority: 'High',
    components: ['Payouts'],
    desc: `# Steps to reproduce
1. Create a payout at 23:30 CET on 31 October.
2. Open reconciliation for October.

# Expected
The payout counts towards 31 October.

# Actual
It is counted on 1 November because the grouping uses UTC dates.`,
  },
  {
    ref: 'pay-lvp-iframe-bug',
    type: 'Bug',
    summary: '3DS challenge iframe is cut off on small iPhones in the hosted checkout',
    status: 'To Do',
    parent: 'pay-epic-3ds',
    reporter: 'aiko',
    sprints: [105],
    priority: 'Medium',
    components: ['Card payments'],
    desc: `# Steps to reproduce
1. Open a hosted checkout link on an iPhone SE (375 px wide).
2. Pay with test card 4000 0027 6000 3184.

# Expected
The issuer challenge fits the screen.

# Actual
The right third of the challenge is cut off; the "Submit" button is not reachable.`,
  },
  {
    ref: 'pay-tra',
    type: 'Story',
    summary: 'Apply the TRA exemption when our acquirer fraud rate allows it',
    status: 'In Progress',
    parent: 'pay-epic-3ds',
    assignee: 'lena',
    sprints: [104],
    points: 8,
    labels: ['3ds', 'psd2'],
    components: ['Card payments'],
    desc: `Transaction risk analysis exemptions are allowed up to €100 while our fraud rate stays under 13 bps, and up to €250 under 6 bps. The acquirer reports our rate monthly.

## Acceptance criteria
- The exemption ceiling is read from configuration, updated when the monthly report arrives.
- Transactions above the ceiling go through full 3DS.
- The dashboard shows how many payments used TRA this month.`,
  },
  {
    ref: 'pay-launch-comms',
    type: 'Task',
    summary: 'Prepare launch comms for the SEPA Instant pilot merchants',
    status: 'To Do',
    parent: 'pay-epic-sepa',
    assignee: 'priya',
    sprints: [104],
    labels: ['go-to-market', 'sepa-instant'],
    desc: 'Email to the two pilot merchants, a help-centre article and a short Loom for their finance teams. Marketing wants to reuse it for the GA announcement.',
    decision: { role: 'PM', owner: 'marco', by: 'marco', at: '2026-11-20T09:41:00.000Z' },
    edge: 'Go-to-market work in the sprint; a recorded decision (Jira property) gives it to the PM',
  },
  {
    ref: 'pay-sparkasse-declines',
    type: 'Task',
    summary: "Investigate the spike in 'do not honour' declines from Sparkasse cards",
    status: 'In Progress',
    assignee: 'lena',
    sprints: [104],
    flagged: true,
    labels: ['authorisation-rate'],
    components: ['Card payments'],
    desc: 'Decline code 05 went from 2.1% to 6.8% for Sparkasse-issued Girocard co-badged cards since 12 November. Waiting for the acquirer to share issuer-side reasons.',
  },
  {
    ref: 'pay-weekly-payouts',
    type: 'Story',
    summary: 'Merchants can schedule payouts weekly instead of daily',
    status: 'Code Review',
    parent: 'pay-epic-recon',
    assignee: 'tomas',
    sprints: [104],
    points: 3,
    components: ['Payouts'],
    ac: `- Payout schedule offers Daily, Weekly (pick a weekday) and Monthly (1st business day).
- Switching schedule takes effect from the next cycle; pending balance is not split.
- The payout calendar shows the next three payout dates.`,
  },
  {
    ref: 'pay-webhook-retries-bug',
    type: 'Bug',
    summary: 'Payout webhooks stop retrying after the first HTTP 500 from the merchant endpoint',
    status: 'To Do',
    reporter: 'aiko',
    sprints: [104],
    priority: 'High',
    components: ['Payouts'],
    desc: `# Steps to reproduce
1. Point a test merchant's webhook URL at an endpoint that returns 500.
2. Trigger a payout.

# Expected
We retry with backoff for 3 days (documented behaviour).

# Actual
One attempt, then the event is marked as failed.`,
  },
  {
    ref: 'pay-sepa-sub-selector',
    type: 'Sub-task',
    summary: 'Dashboard: payout method selector component',
    status: 'Done',
    parent: 'pay-sepa-method',
    assignee: 'tomas',
    sprints: [104],
  },
  {
    ref: 'pay-sepa-sub-api',
    type: 'Sub-task',
    summary: 'API: PATCH /payout-settings accepts method "sepa_instant"',
    status: 'Done',
    parent: 'pay-sepa-method',
    assignee: 'jonas',
    sprints: [104],
  },
  {
    ref: 'pay-sepa-sub-e2e',
    type: 'Sub-task',
    summary: 'End-to-end test for switching payout method',
    status: 'In Progress',
    parent: 'pay-sepa-method',
    assignee: 'aiko',
    sprints: [104],
  },
  {
    ref: 'pay-recon-sub-column',
    type: 'Sub-task',
    summary: 'Add merchant reference column to the export query',
    status: 'Done',
    parent: 'pay-recon-csv',
    assignee: 'tomas',
    sprints: [103],
  },
  {
    ref: 'pay-recon-sub-locale',
    type: 'Sub-task',
    summary: 'Force dot decimal separator in CSV regardless of locale',
    status: 'Done',
    parent: 'pay-recon-csv',
    assignee: 'tomas',
    sprints: [103],
  },
  // ── Next sprint: PAY Sprint 24 ───────────────────────────────────────────
  {
    ref: 'pay-sepa-returned-email',
    type: 'Story',
    summary: 'Email the merchant when an instant payout is returned by the receiving bank',
    status: 'To Do',
    parent: 'pay-epic-sepa',
    sprints: [105],
    points: 3,
    labels: ['sepa-instant', 'notifications'],
    components: ['SEPA'],
    desc: 'Returned instant payouts are rare but scary for merchants: the money comes back to their balance within a day. Tell them before they notice.',
  },
  {
    ref: 'pay-sepa-limit',
    type: 'Story',
    summary: 'Daily SEPA Instant limit per merchant, configurable by Risk',
    status: 'To Do',
    parent: 'pay-epic-sepa',
    sprints: [105],
    points: 5,
    labels: ['sepa-instant', 'risk'],
    components: ['SEPA'],
    ac: `Given a merchant with a daily instant limit of €50,000
When today's instant payouts would exceed the limit
Then the remainder is paid out as standard SEPA
And the merchant sees which part went instant and which did not

Given a Risk analyst changes the limit in the back office
When the next payout is scheduled
Then the new limit applies`,
  },
  {
    ref: 'pay-3ds-fallback',
    type: 'Story',
    summary: 'Fall back to the challenge flow when the issuer rejects an exemption (soft decline 1A)',
    status: 'To Do',
    parent: 'pay-epic-3ds',
    sprints: [105],
    points: 5,
    components: ['Card payments'],
    ac: `- On soft decline 1A we restart authentication with a challenge, once.
- The cardholder does not re-enter card details.
- Conversion of these retries is visible in the authorisation-rate dashboard.`,
  },
  {
    ref: 'pay-cb-shopify',
    type: 'Story',
    summary: 'Collect delivery proof from Shopify orders automatically for chargeback evidence',
    status: 'To Do',
    parent: 'pay-epic-chargeback',
    sprints: [105],
    points: 8,
    components: ['Disputes'],
    desc: `Most "item not received" disputes are lost because merchants never upload tracking. Shopify merchants already have it in their orders.

# Acceptance criteria
- For Shopify-connected merchants, a new dispute pulls carrier, tracking number and delivery date from the order.
- The evidence pack includes the proof automatically; the merchant can remove it before submitting.
- Works for DHL, DPD, Hermes and PostNL tracking formats.`,
  },
  {
    ref: 'pay-payout-holds',
    type: 'Story',
    summary: 'Risk can put payouts on hold for a merchant under review',
    status: 'To Do',
    sprints: [105],
    points: 5,
    labels: ['risk'],
    components: ['Payouts'],
    desc: `# Acceptance criteria
Given a merchant is under Risk review
When an analyst places a payout hold with a reason
Then no payouts are sent until the hold is lifted
And the merchant dashboard shows "Payouts paused, our team will contact you"`,
  },
  {
    ref: 'pay-cert-rotation',
    type: 'Task',
    summary: 'Rotate the sponsor bank API client certificates before they expire on 15 December',
    status: 'To Do',
    assignee: 'tomas',
    sprints: [105],
    due: '2026-12-10',
    priority: 'High',
    desc: 'New CSRs go to the bank via their portal; they need 5 working days to sign. Staging first, then production in the Tuesday change window.',
  },
  // ── Backlog ──────────────────────────────────────────────────────────────
  {
    ref: 'pay-pricing-faq',
    type: 'Task',
    summary: 'Update pricing FAQ copy',
    status: 'To Do',
    reporter: 'marco',
    desc: 'The FAQ still says payouts cost nothing. Needs new wording for instant payouts and the dispute fee.',
    edge: 'Genuinely unclear: copy work about pricing, no owner, no sprint',
  },
  {
    ref: 'pay-bank-holiday',
    type: 'Story',
    summary: 'Decide what happens to payouts in flight during a TARGET2 holiday',
    status: 'To Do',
    reporter: 'lena',
    edge: 'Unclear: a "decide" story with no description, no assignee and no sprint',
  },
  {
    ref: 'pay-dispute-fee',
    type: 'Story',
    summary: 'Dispute fee for marketplaces: flat €15 or pass-through of the scheme fee?',
    status: 'To Do',
    parent: 'pay-epic-chargeback',
    assignee: 'priya',
    reporter: 'priya',
    labels: ['pricing'],
    desc: `Marketplace merchants pay €15 per dispute today. Visa raised its dispute fee in October; our margin on disputes is now negative for small tickets.

- Option A: keep €15 flat, absorb the difference.
- Option B: pass through the scheme fee plus €5 handling.
- Option C: waive the fee for disputes the merchant wins.

Need a decision before we build the fee line on the dispute invoice.`,
    decision: { role: 'PM', owner: 'marco', by: 'priya', at: '2026-11-18T10:02:11.000Z' },
    edge: 'Pricing question filed as a story and assigned to the PO; a recorded decision says PM',
  },
  {
    ref: 'pay-uk-fps',
    type: 'Story',
    summary: 'Explore instant payouts for UK merchants via Faster Payments',
    status: 'To Do',
    assignee: 'marco',
    reporter: 'marco',
    labels: ['market-research', 'uk'],
    desc: `We have 140 UK merchants on standard Bacs payouts. Two competitors advertise same-day payouts in the UK.

# Questions
- How many UK merchants would switch, and would they pay for it?
- Which sponsor banks offer FPS agency access, and at what cost?
- Is this ahead of or behind SEPA Instant GA on the roadmap?`,
    edge: 'Roadmap exploration filed as a Story in the delivery backlog, assigned to the PM',
  },
  {
    ref: 'pay-sentry-iban',
    type: 'Bug',
    summary: "[Sentry] TypeError in payout-scheduler: Cannot read properties of undefined (reading 'iban')",
    status: 'To Do',
    reporter: 'automation',
    priority: 'Medium',
    desc: `Created by automation from Sentry issue PAYOUT-SCHEDULER-4F2 (38 events, 3 users).

\`\`\`text
TypeError: Cannot read properties of undefined (reading 'iban')
    at buildTransfer (src/payouts/build-transfer.ts:41:32)
    at schedulePayouts (src/payouts/scheduler.ts:88:17)
    at processTicksAndRejections (node:internal/process/task_queues:95:5)
\`\`\``,
    edge: 'Untriaged bug created by Jira Automation: no assignee, no sprint',
  },
  {
    ref: 'pay-rt1-addendum',
    type: 'Task',
    summary: 'Sign the RT1 participation addendum with our sponsor bank',
    status: 'In Progress',
    parent: 'pay-epic-sepa',
    assignee: 'marco',
    reporter: 'marco',
    due: '2026-12-04',
    labels: ['partnerships'],
    desc: 'Legal reviewed the draft on 9 November. Open point: liability cap for fraudulent instant transfers. Needed before the pilot goes beyond two merchants.',
  },
  {
    ref: 'pay-competitor-benchmark',
    type: 'Task',
    summary: 'Competitor benchmark: payout speed and fees (Stripe, Adyen, Mollie)',
    status: 'In Progress',
    assignee: 'marco',
    reporter: 'marco',
    labels: ['market-research'],
    desc: 'Table of payout schedules, instant payout fees and minimums per market. Input for the SEPA Instant pricing decision.',
  },
  {
    ref: 'pay-cb-inbox',
    type: 'Story',
    summary: 'Chargeback inbox: list open disputes sorted by response deadline',
    status: 'To Do',
    parent: 'pay-epic-chargeback',
    points: 5,
    components: ['Disputes'],
    desc: 'Merchants miss response deadlines because disputes are only visible in the email we send. A list in the dashboard with the deadline and the amount at stake.',
  },
  {
    ref: 'pay-applepay-domains',
    type: 'Story',
    summary: 'Register merchant domains with Apple Pay automatically',
    status: 'To Do',
    parent: 'pay-epic-applepay',
    points: 5,
    components: ['Card payments'],
    ac: `- When a merchant adds a checkout domain, we host the domain association file and register the domain with Apple.
- Registration errors are shown in the dashboard with the reason Apple gives.`,
  },
  {
    ref: 'pay-applepay-button',
    type: 'Story',
    summary: 'Show the Apple Pay button on the hosted checkout for Safari users',
    status: 'To Do',
    parent: 'pay-epic-applepay',
    points: 3,
    components: ['Card payments'],
    desc: 'Only when the merchant domain is registered and the device supports it (ApplePaySession.canMakePayments).',
  },
  {
    ref: 'pay-settlement-fx-bug',
    type: 'Bug',
    summary: 'Settlement report shows GBP payments converted at the previous day’s rate',
    status: 'To Do',
    reporter: 'aiko',
    priority: 'Low',
    components: ['Payouts'],
    desc: `# Steps to reproduce
1. Take a GBP card payment on a EUR-settling account.
2. Compare the settlement report rate with the rate on the payment detail.

# Expected
Same rate.

# Actual
The report uses the ECB rate of the day before.`,
  },
  {
    ref: 'pay-invoice-vat',
    type: 'Story',
    summary: 'Show the reverse-charge VAT note on fee invoices for EU merchants outside Germany',
    status: 'To Do',
    points: 2,
    ac: '- Invoices for merchants with a valid non-German EU VAT id carry the note "Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC)".',
  },
  {
    ref: 'pay-partial-refunds',
    type: 'Story',
    summary: 'Allow partial refunds from the dashboard',
    status: "Won't Do",
    desc: 'Duplicate of the API-first refunds work; merchants who need partial refunds use the API or the Shopify app.',
    resolution: 'Duplicate',
  },
  {
    ref: 'pay-tra-sub-report',
    type: 'Sub-task',
    summary: 'Load the acquirer fraud-rate report into exemption config',
    status: 'In Progress',
    parent: 'pay-tra',
    assignee: 'lena',
    sprints: [104],
  },
  {
    ref: 'pay-tra-sub-tile',
    type: 'Sub-task',
    summary: 'Dashboard tile: payments that used TRA this month',
    status: 'To Do',
    parent: 'pay-tra',
    assignee: 'tomas',
    sprints: [104],
  },
  {
    ref: 'pay-payout-delayed-bug',
    type: 'Bug',
    summary: "Dashboard says 'Payout failed' for payouts the bank only delayed",
    status: 'To Do',
    reporter: 'olivia',
    sprints: [105],
    priority: 'High',
    components: ['Payouts'],
    desc: `# Steps to reproduce
1. Find a payout with bank status ACSP older than 24 hours (e.g. support ticket #47911).
2. Open it in the merchant dashboard.

# Expected
"Delayed by the receiving bank".

# Actual
"Payout failed", and the merchant contacts support in a panic.`,
  },
  {
    ref: 'pay-camt054',
    type: 'Story',
    summary: 'Reconciliation: match camt.054 debit notifications as well as camt.053 statements',
    status: 'To Do',
    parent: 'pay-epic-recon',
    points: 5,
    components: ['Payouts'],
    ac: `Given a merchant's bank only delivers camt.054 notifications
When a payout is debited
Then it is matched the same day, without waiting for the end-of-day statement`,
  },
  {
    ref: 'pay-sepa-rulebook',
    type: 'Task',
    summary: 'SEPA Instant rulebook compliance checklist for the external audit',
    status: 'To Do',
    parent: 'pay-epic-sepa',
    assignee: 'lena',
    due: '2026-12-18',
    labels: ['compliance'],
  },
  {
    ref: 'pay-network-tokens',
    type: 'Story',
    summary: 'Provision network tokens for stored cards',
    status: 'To Do',
    points: 13,
    components: ['Card payments'],
    desc: 'Visa Token Service first, Mastercard MDES later. Needs a token requestor id from the acquirer.',
  },
  {
    ref: 'pay-min-payout',
    type: 'Story',
    summary: 'Merchants can set a minimum payout amount',
    status: 'To Do',
    points: 2,
    components: ['Payouts'],
    desc: 'Small merchants pay a fixed bank fee per payout on some business accounts; a minimum (e.g. €50) would batch payouts until the balance is high enough.',
  },
  {
    ref: 'pay-hold-reason',
    type: 'Story',
    summary: 'As a Risk analyst, I can see why a payout was held',
    status: 'Done',
    assignee: 'jonas',
    sprints: [103],
    points: 3,
    labels: ['risk'],
    components: ['Payouts'],
    ac: '- The payout detail in the back office shows the rule or analyst that placed the hold, the reason and the time.',
  },
  {
    ref: 'pay-interchange-review',
    type: 'Task',
    summary: 'Quarterly interchange++ fee review with Finance',
    status: 'To Do',
    assignee: 'marco',
    reporter: 'marco',
    due: '2026-12-14',
    labels: ['pricing'],
    desc: 'Scheme fees changed in October; check which Blended-plan merchants are now below margin and propose repricing.',
  },
  {
    ref: 'pay-lindner-followup',
    type: 'Task',
    summary: 'Follow up with Bäckerei Lindner about the pilot',
    status: 'To Do',
    assignee: 'lena',
    reporter: 'priya',
    edge: 'Unclear: customer follow-up that could be acceptance feedback or roadmap discovery',
  },
  {
    ref: 'pay-payouts-v2',
    type: 'Story',
    summary: 'Payouts v2',
    status: 'To Do',
    reporter: 'marco',
    edge: 'Unclear: a two-word placeholder story with nothing else',
  },
  {
    ref: 'pay-q1-planning',
    type: 'Task',
    summary: 'Q1 planning: SEPA Instant',
    status: 'To Do',
    assignee: 'priya',
    due: '2026-12-16',
    desc: 'Agree what goes into Q1 and in which order.',
    edge: 'Blurry: "planning" could mean roadmap sequencing (PM) or backlog ordering (PO)',
  },
  {
    ref: 'pay-slow-payouts',
    type: 'Bug',
    summary: "Merchant says payouts are 'slow'",
    status: 'To Do',
    reporter: 'olivia',
    desc: 'From ticket #48077: "your payouts are slower than our old provider". No payout ids given.',
    edge: 'Unclear: a vague complaint filed as a bug, defect or product expectation',
  },
  // ── Epics and initiatives ───────────────────────────────────────────────
  {
    ref: 'pay-epic-sepa',
    type: 'Epic',
    summary: 'SEPA Instant credit transfers for payouts',
    status: 'In Progress',
    parent: 'pay-init-sepa',
    assignee: 'priya',
    fix: ['SEPA Instant GA'],
    target: ['2026-10-19', '2027-01-22'],
    labels: ['sepa-instant'],
    components: ['SEPA'],
    desc: `Send payouts as SCT Inst so merchants receive funds within 10 seconds, 24/7.

# Scope
- Payout method choice per merchant
- Reachability check and fallback to standard SEPA
- Status tracking and returns
- Limits configured by Risk

# Out of scope
- Pricing for merchants (initiative level)
- UK Faster Payments`,
  },
  {
    ref: 'pay-epic-recon',
    type: 'Epic',
    summary: 'Payout reconciliation dashboard',
    status: 'In Progress',
    assignee: 'priya',
    fix: ['Payments 2026.11'],
    target: ['2026-10-05', '2026-11-27'],
    labels: ['reconciliation', 'finance-ops'],
    components: ['Payouts'],
    desc: 'Finance teams at larger merchants spend two days a month matching our payouts to their bank statements. Give them a dashboard and an export that does the matching for them.',
  },
  {
    ref: 'pay-epic-retries',
    type: 'Epic',
    summary: 'Smart retries for soft-declined card payments',
    status: 'Done',
    parent: 'pay-init-failrate',
    assignee: 'priya',
    fix: ['Payments 2026.10'],
    target: ['2026-09-01', '2026-10-16'],
    statusAt: '2026-10-19T10:30',
    components: ['Card payments'],
    desc: 'Recover soft-declined recurring payments by retrying at better times. Target: recover 25% of soft declines.',
  },
  {
    ref: 'pay-epic-3ds',
    type: 'Epic',
    summary: '3DS2 exemptions and frictionless flow',
    status: 'In Progress',
    parent: 'pay-init-failrate',
    assignee: 'priya',
    fix: ['Payments 2026.12'],
    target: ['2026-10-19', '2026-12-11'],
    components: ['Card payments'],
    desc: `Every challenge costs us about 8% of conversions. Use the PSD2 exemptions we are entitled to (low value, TRA) and send data-only requests where schemes support them.`,
  },
  {
    ref: 'pay-epic-chargeback',
    type: 'Epic',
    summary: 'Chargeback evidence automation',
    status: 'To Do',
    parent: 'pay-init-disputes',
    assignee: 'priya',
    fix: ['Payments 2026.12'],
    target: ['2026-11-30', '2027-02-26'],
    components: ['Disputes'],
    desc: 'Merchants win 22% of disputes today; the industry benchmark is 35–40%. Most losses are missing evidence, not weak cases.',
  },
  {
    ref: 'pay-epic-applepay',
    type: 'Epic',
    summary: 'Apple Pay on the hosted checkout',
    status: 'To Do',
    components: ['Card payments'],
    desc: 'Apple Pay is 31% of mobile card volume in our competitor reports. Hosted checkout only; the API already supports tokens.',
  },
  {
    ref: 'pay-epic-wallet',
    type: 'Epic',
    summary: 'Wallet top-ups',
    status: 'To Do',
    reporter: 'lena',
    edge: 'Epic nobody claims: no description, no assignee, no initiative',
  },
  {
    ref: 'pay-init-sepa',
    type: 'Initiative',
    summary: 'Launch SEPA Instant payouts in DACH and the Netherlands',
    status: 'In Progress',
    assignee: 'marco',
    reporter: 'marco',
    target: ['2026-10-01', '2027-01-31'],
    labels: ['roadmap', 'h2-2026'],
    desc: `# Why
Same-day payouts are the top request from mid-market merchants (38 of 112 churn interviews in H1). Instant payments become mandatory for EU banks to receive from January 2025 and to send from October 2025, so reachability is no longer the blocker.

# Outcome
30% of eligible payout volume in DE, AT and NL goes out instantly by the end of Q1 2027.

# Open questions
- Price: free for Scale plan, €0.50 per payout otherwise? (market research in progress)
- Launch order: NL first (highest reachability) or DE (largest volume)?`,
  },
  {
    ref: 'pay-init-failrate',
    type: 'Initiative',
    summary: 'Bring the card payment failure rate below 1.5%',
    status: 'In Progress',
    assignee: 'marco',
    reporter: 'marco',
    target: ['2026-09-01', '2026-12-31'],
    labels: ['roadmap', 'okr-q4'],
    desc: 'Failure rate was 2.3% in Q2. Each 0.1 pp is worth roughly €1.1M of merchant volume per month. Levers: smart retries, 3DS exemptions, network tokens.',
  },
  {
    ref: 'pay-init-disputes',
    type: 'Initiative',
    summary: 'Disputes without spreadsheets',
    status: 'To Do',
    assignee: 'priya',
    reporter: 'marco',
    target: ['2026-11-30', '2027-03-31'],
    labels: ['roadmap'],
    desc: 'Make disputes something a merchant handles in ten minutes in our dashboard, and raise the win rate to 35%.',
    edge: 'Roadmap initiative assigned to the Product Owner instead of the PM',
  },
  // ── Finished work ────────────────────────────────────────────────────────
  {
    ref: 'pay-recon-match',
    type: 'Story',
    summary: 'As a finance ops user, I can see payouts matched to bank statement lines',
    status: 'Done',
    parent: 'pay-epic-recon',
    assignee: 'tomas',
    sprints: [102],
    points: 8,
    fix: ['Payments 2026.11'],
    components: ['Payouts'],
    ac: `- Each payout shows the matching statement line (date, amount, reference) or "Unmatched".
- Matching tolerates bank fees up to €1.00 and flags them.
- Works for camt.053 statements from the five largest German banks.`,
  },
  {
    ref: 'pay-recon-unmatched',
    type: 'Story',
    summary: 'Flag payouts that are still unmatched after two banking days',
    status: 'Done',
    skipAcceptance: true,
    parent: 'pay-epic-recon',
    assignee: 'jonas',
    sprints: [103],
    points: 5,
    fix: ['Payments 2026.11'],
    components: ['Payouts'],
    ac: `- An "Unmatched for 2+ days" filter exists on the reconciliation page.
- Finance users get a daily email summary when there is at least one such payout.`,
    edge: 'Finished but never accepted: the developer moved it to Done, skipping "Ready for acceptance"',
  },
  {
    ref: 'pay-sepa-spike',
    type: 'Spike',
    summary: 'Spike: can the sponsor bank push SCT Inst confirmations to us by webhook?',
    status: 'Done',
    parent: 'pay-epic-sepa',
    assignee: 'jonas',
    sprints: [103],
    desc: 'Result: yes, via their ISO 20022 pacs.002 webhook; polling is only needed as a fallback. Notes in Confluence "SCT Inst integration".',
  },
  {
    ref: 'pay-fixtures-upgrade',
    type: 'Task',
    summary: 'Upgrade stripe-mock and card network test fixtures',
    status: 'Done',
    assignee: 'aiko',
    sprints: [103],
  },
  {
    ref: 'pay-3ds-dataonly',
    type: 'Story',
    summary: 'Send 3DS2 data-only requests for Mastercard Identity Check',
    status: 'Done',
    parent: 'pay-epic-3ds',
    assignee: 'lena',
    sprints: [102],
    points: 5,
    fix: ['Payments 2026.10'],
    components: ['Card payments'],
    ac: '- Mastercard transactions under the merchant\'s configured ceiling are sent data-only; the authorisation rate is tracked separately in the dashboard.',
  },
  {
    ref: 'pay-retry-backoff',
    type: 'Story',
    summary: 'Retry soft declines (05, 51, 91) with exponential backoff, up to three times',
    status: 'Done',
    parent: 'pay-epic-retries',
    assignee: 'jonas',
    sprints: [101],
    points: 8,
    fix: ['Payments 2026.10'],
    components: ['Card payments'],
    ac: `Given a recurring payment is soft-declined with code 51
When the retry schedule runs
Then we retry after 1 day, 3 days and 5 days
And stop as soon as one attempt succeeds`,
  },
  {
    ref: 'pay-retry-optout',
    type: 'Story',
    summary: 'Merchant setting to opt out of automatic retries',
    status: 'Done',
    parent: 'pay-epic-retries',
    assignee: 'tomas',
    sprints: [101],
    points: 3,
    fix: ['Payments 2026.10'],
    ac: '- A toggle in Settings → Payments turns automatic retries off for the account; the default is on.',
  },
  {
    ref: 'pay-retry-analytics',
    type: 'Story',
    summary: 'Retry analytics: recovered volume per decline code',
    status: 'Done',
    parent: 'pay-epic-retries',
    assignee: 'tomas',
    sprints: [101, 102],
    points: 5,
    fix: ['Payments 2026.10'],
    desc: 'Chart on the payments overview: recovered amount and count per decline code, last 30 days.',
  },
  {
    ref: 'pay-retry-double-charge',
    type: 'Bug',
    summary: 'Retried payments charged twice when the issuer times out after approving',
    status: 'Done',
    parent: 'pay-epic-retries',
    assignee: 'jonas',
    reporter: 'aiko',
    sprints: [102],
    priority: 'Highest',
    fix: ['Payments 2026.10'],
    components: ['Card payments'],
    desc: `# Steps to reproduce
1. Simulate issuer timeout (test card 4000 0000 0000 0119) on a recurring payment.
2. Wait for the retry job.

# Expected
The retry first checks the status of the timed-out authorisation.

# Actual
A second authorisation is created; the cardholder is charged twice.`,
  },
  {
    ref: 'pay-fee-invoices-pdf',
    type: 'Story',
    summary: 'As a merchant, I can download my monthly fee invoices as PDF',
    status: 'Done',
    assignee: 'tomas',
    sprints: [102],
    points: 3,
    fix: ['Payments 2026.11'],
    ac: '- Settings → Billing lists invoices by month with a PDF download; invoices from before March 2026 are included.',
  },
  {
    ref: 'pay-settlement-currency',
    type: 'Story',
    summary: 'Show the settlement currency on the payouts list',
    status: 'Done',
    assignee: 'jonas',
    sprints: [101],
    points: 1,
    fix: ['Payments 2026.10'],
    components: ['Payouts'],
  },
];
