/** GRO — the Growth team's delivery project (board 21, scrum), in rank order. Dana Kim is both PO and PM. */
import type { ItemSpec } from '../item-spec.js';

export const GRO_ITEMS: ItemSpec[] = [
  // ── Active sprint: GRO Sprint 33 ─────────────────────────────────────────
  {
    ref: 'gro-bank-autodone',
    type: 'Story',
    summary: "Tick 'Connect your bank' automatically once the first payout account is verified",
    status: 'In Review',
    statusAt: '2026-11-20T19:40',
    parent: 'gro-epic-checklist',
    assignee: 'ravi',
    sprints: [203],
    points: 3,
    components: ['Onboarding'],
    desc: `Today merchants have to tick the step themselves, and 40% never do, so the checklist looks unfinished forever.

## Acceptance criteria
Given a merchant has the onboarding checklist
When their first payout account passes micro-deposit verification
Then the "Connect your bank" step is shown as done
And the checklist progress updates without a page reload`,
    edge: 'In Review (Growth acceptance status) since Friday evening',
  },
  {
    ref: 'gro-first-payment-moment',
    type: 'Story',
    summary: 'Celebrate the first live payment with a success moment and next-step tips',
    status: 'In Review',
    statusAt: '2026-11-16T15:00',
    parent: 'gro-epic-checklist',
    assignee: 'ben',
    sprints: [202, 203],
    points: 5,
    components: ['Onboarding'],
    ac: `- The first successful live payment triggers a full-width success banner on the dashboard home, once.
- The banner suggests two next steps: set up payouts, invite a teammate.
- Dismissing it is tracked as \`first_payment_banner_dismissed\`.`,
    edge: 'Waiting in review for 5 working days',
  },
  {
    ref: 'gro-referral-credit',
    type: 'Story',
    summary: 'Give the referrer €50 fee credit after the referred business processes €1,000',
    status: 'In Review',
    statusAt: '2026-11-10T18:00',
    parent: 'gro-epic-referral',
    assignee: 'ravi',
    sprints: [202, 203],
    points: 8,
    fix: ['Referral v2'],
    components: ['Referrals'],
    labels: ['referral-v2'],
    ac: `Given business B signed up with business A's referral link
When B's processed volume reaches €1,000 within 90 days
Then A receives €50 fee credit
And A gets an email naming B

Given B is flagged as a self-referral
When the threshold is reached
Then no credit is issued`,
    edge: 'Waiting in review for 9 working days; its fix version "Referral v2" is overdue',
  },
  {
    ref: 'gro-checklist-dismiss',
    type: 'Story',
    summary: 'Merchants can hide the onboarding checklist after completing three steps',
    status: 'In Progress',
    parent: 'gro-epic-checklist',
    assignee: 'ben',
    sprints: [203],
    points: 2,
    components: ['Onboarding'],
    ac: '- A "Hide checklist" link appears after three completed steps; hidden state is stored per user, not per account.',
  },
  {
    ref: 'gro-referral-landing',
    type: 'Story',
    summary: "Referral landing page greets visitors with the referrer's business name",
    status: 'In Progress',
    parent: 'gro-epic-referral',
    assignee: 'ben',
    sprints: [203],
    points: 3,
    fix: ['Referral v2'],
    components: ['Referrals'],
    desc: `Personalised landing pages convert about twice as well in our 2025 test.

# Acceptance criteria
- /r/{code} shows "Café Morgenrot invited you to Acme Pay" with the referrer's logo if they uploaded one.
- Unknown or expired codes fall back to the generic sign-up page without an error.`,
  },
  {
    ref: 'gro-refcode-lost-bug',
    type: 'Bug',
    summary: 'Referral code is lost when the sign-up form is submitted with a validation error',
    status: 'In Progress',
    parent: 'gro-epic-referral',
    assignee: 'ben',
    reporter: 'ravi',
    sprints: [203],
    priority: 'High',
    components: ['Referrals'],
    desc: `# Steps to reproduce
1. Open a referral link.
2. Submit the sign-up form with an invalid VAT id.
3. Fix the VAT id and submit again.

# Expected
The account is linked to the referrer.

# Actual
The \`ref\` query parameter is dropped on the re-rendered form; no referral is recorded.`,
  },
  {
    ref: 'gro-annual-default',
    type: 'Story',
    summary: 'Pricing page A/B test: annual billing selected by default',
    status: 'In Progress',
    parent: 'gro-epic-pricing',
    assignee: 'ravi',
    sprints: [203],
    points: 3,
    fix: ['Q4 growth experiments'],
    components: ['Pricing page'],
    labels: ['experiment', 'pricing'],
    ac: `- 50/50 split via Optimizely, bucketing by anonymous id.
- Variant B preselects the annual toggle; prices shown per month billed annually.
- Primary metric: paid plan starts; guardrail: refund requests within 30 days.`,
    edge: 'Blurry: a pricing experiment (PM topic) run as sprint work with acceptance criteria (PO topic)',
  },
  {
    ref: 'gro-plan-remember',
    type: 'Story',
    summary: 'Remember the selected plan when a visitor signs in halfway through checkout',
    status: 'In Progress',
    parent: 'gro-epic-checkout',
    assignee: 'ravi',
    sprints: [203],
    points: 3,
    components: ['Checkout'],
    ac: '- A visitor who picks the Growth plan, then signs in, lands back on step 2 with Growth still selected.',
    edge: 'Component "Checkout": claimed by both Growth and Platform',
  },
  {
    ref: 'gro-plan-remember-sub',
    type: 'Sub-task',
    summary: 'Persist the plan choice in session storage across the sign-in redirect',
    status: 'In Progress',
    parent: 'gro-plan-remember',
    assignee: 'ravi',
    sprints: [203],
    components: ['Checkout'],
  },
  {
    ref: 'gro-competitor-spike',
    type: 'Spike',
    summary: 'Investigate competitor onboarding flow',
    status: 'In Progress',
    assignee: 'chloe',
    sprints: [203],
    labels: ['research'],
    desc: 'Sign up for Stripe, Mollie and SumUp as a new merchant; record the steps to the first live payment and where they ask for documents.',
    decision: { role: 'PM', owner: 'dana', by: 'dana', at: '2026-11-19T15:20:00.000Z' },
    edge: 'Spike in the sprint that is really market research; a recorded decision says PM',
  },
  {
    ref: 'gro-dropoff-dashboard',
    type: 'Task',
    summary: 'Build the checkout drop-off funnel in Amplitude',
    status: 'To Do',
    parent: 'gro-epic-checkout',
    assignee: 'ravi',
    sprints: [203],
    components: ['Checkout'],
  },
  // ── Next sprint: GRO Sprint 34 ───────────────────────────────────────────
  {
    ref: 'gro-selfref-block',
    type: 'Story',
    summary: 'Block self-referrals that reuse the same IBAN or device',
    status: 'To Do',
    parent: 'gro-epic-referral',
    sprints: [204],
    points: 5,
    components: ['Referrals'],
    desc: `# Acceptance criteria
Given a new business signs up with a referral code
When its payout IBAN or device fingerprint matches the referrer's
Then the referral is marked "suspected self-referral"
And no reward is paid until Risk reviews it`,
  },
  {
    ref: 'gro-fee-calculator',
    type: 'Story',
    summary: 'Add a fee calculator to the pricing page',
    status: 'To Do',
    parent: 'gro-epic-pricing',
    assignee: 'chloe',
    sprints: [204],
    points: 5,
    components: ['Pricing page'],
    desc: 'Visitors enter monthly volume and average ticket; we show the monthly cost on each plan. Designs in Figma "Pricing Q4 / Calculator".',
  },
  {
    ref: 'gro-inline-card-errors',
    type: 'Story',
    summary: 'Checkout: show card errors inline instead of a toast',
    status: 'To Do',
    parent: 'gro-epic-checkout',
    sprints: [204],
    points: 2,
    components: ['Checkout'],
    ac: '- Card number, expiry and CVC errors appear under the field; the toast is removed.',
  },
  {
    ref: 'gro-vat-spaces-bug',
    type: 'Bug',
    summary: 'Sign-up accepts VAT ids with spaces, then tax calculation rejects them',
    status: 'To Do',
    reporter: 'ravi',
    sprints: [204],
    components: ['Onboarding'],
    desc: `# Steps to reproduce
Enter "DE 123 456 789" as VAT id during sign-up.

# Expected
Spaces are stripped, or the form explains the format.

# Actual
Sign-up succeeds, but the first invoice fails tax calculation and support has to fix it by hand.`,
  },
  // ── Backlog ──────────────────────────────────────────────────────────────
  {
    ref: 'gro-scale-price-points',
    type: 'Task',
    summary: 'Decide price points for the new Scale plan',
    status: 'To Do',
    parent: 'gro-epic-pricing',
    assignee: 'dana',
    labels: ['pricing'],
    due: '2026-12-11',
    desc: 'Inputs: willingness-to-pay survey (n=212), competitor table, margin model from Finance. Output: monthly price, included volume, per-transaction fee.',
  },
  {
    ref: 'gro-poland-vat-copy',
    type: 'Task',
    summary: 'Update pricing page copy for the VAT change in Poland',
    status: 'To Do',
    components: ['Pricing page'],
    edge: 'Unclear: copy task about pricing, no description, no owner',
  },
  {
    ref: 'gro-paypal-checkout',
    type: 'Story',
    summary: 'Offer PayPal in the plan checkout',
    status: 'To Do',
    parent: 'gro-epic-checkout',
    components: ['Checkout'],
    desc: '11% of abandoned checkouts asked for PayPal in the exit survey.',
    edge: 'Component "Checkout" in the backlog with no sprint: Growth and Platform both claim it',
  },
  {
    ref: 'gro-dormant-nudge',
    type: 'Story',
    summary: 'Send a nudge email 48 hours after sign-up if no bank account is connected',
    status: 'To Do',
    parent: 'gro-epic-emails',
    points: 3,
  },
  {
    ref: 'gro-dormant-copy',
    type: 'Task',
    summary: 'Write copy for the dormant-merchant email sequence',
    status: 'To Do',
    parent: 'gro-epic-emails',
    assignee: 'chloe',
  },
  {
    ref: 'gro-localise-checklist',
    type: 'Story',
    summary: 'Localise the onboarding checklist into German and Dutch',
    status: 'To Do',
    parent: 'gro-epic-checklist',
    points: 2,
    components: ['Onboarding'],
  },
  {
    ref: 'gro-welcome-call',
    type: 'Story',
    summary: 'Offer a welcome call to sign-ups expecting more than €50k monthly volume',
    status: 'To Do',
    assignee: 'dana',
    desc: 'Sales thinks a 20-minute call doubles activation for larger merchants. Could be a Calendly link in the welcome email, or a proper sales hand-off.',
    edge: 'Unclear: part sales process, part product change',
  },
  {
    ref: 'gro-referral-terms',
    type: 'Task',
    summary: 'Referral programme terms and conditions reviewed by Legal',
    status: 'In Progress',
    parent: 'gro-epic-referral',
    assignee: 'dana',
    due: '2026-11-27',
    labels: ['referral-v2'],
  },
  {
    ref: 'gro-trust-badges',
    type: 'Story',
    summary: 'Show trust badges (PCI DSS, SOC 2) next to the pay button in the plan checkout',
    status: 'To Do',
    parent: 'gro-epic-checkout',
    sprints: [204],
    points: 1,
    components: ['Checkout'],
  },
  {
    ref: 'gro-referral-dashboard',
    type: 'Story',
    summary: 'Referral dashboard: see invited businesses and the status of each reward',
    status: 'To Do',
    parent: 'gro-epic-referral',
    sprints: [204],
    points: 3,
    components: ['Referrals'],
    ac: `- Lists invited businesses with status: invited, signed up, reward pending, reward paid.
- Shows the total fee credit earned.`,
  },
  {
    ref: 'gro-usability-recruit',
    type: 'Task',
    summary: 'Recruit eight merchants for onboarding usability sessions',
    status: 'In Progress',
    assignee: 'chloe',
    labels: ['research'],
    desc: 'Mix of sole traders and small shops, half of them dormant sign-ups. €50 voucher each.',
    edge: 'Unclear: user research that could feed either the backlog or the roadmap',
  },
  {
    ref: 'gro-handelsregister',
    type: 'Story',
    summary: 'Sign-up: prefill company details from the German commercial register',
    status: 'To Do',
    points: 5,
    components: ['Onboarding'],
    desc: 'Type the company name, pick the match, and we fill legal form, register number and address. Cuts sign-up time for GmbHs by about two minutes.',
  },
  {
    ref: 'gro-referral-landing-sub-logo',
    type: 'Sub-task',
    summary: 'Fetch the referrer logo from the branding service',
    status: 'In Progress',
    parent: 'gro-referral-landing',
    assignee: 'ben',
    sprints: [203],
  },
  {
    ref: 'gro-churn-october',
    type: 'Task',
    summary: 'Look into churn numbers for October',
    status: 'To Do',
    assignee: 'ravi',
    edge: 'Unclear: analysis task with no description and no parent',
  },
  {
    ref: 'gro-improve-onboarding',
    type: 'Story',
    summary: 'Improve onboarding',
    status: 'To Do',
    edge: 'Unclear: vague story, no description, no owner',
  },
  // ── Epics and initiatives ───────────────────────────────────────────────
  {
    ref: 'gro-epic-checklist',
    type: 'Epic',
    summary: 'Onboarding checklist revamp',
    status: 'In Progress',
    parent: 'gro-init-activation',
    assignee: 'dana',
    fix: ['Q4 growth experiments'],
    target: ['2026-10-12', '2026-12-11'],
    components: ['Onboarding'],
    desc: 'New merchants who finish the checklist activate at 3× the rate of those who do not. Make the checklist smarter (auto-complete steps) and more visible.',
  },
  {
    ref: 'gro-epic-referral',
    type: 'Epic',
    summary: 'Referral programme v2: two-sided rewards',
    status: 'In Progress',
    parent: 'gro-init-activation',
    assignee: 'dana',
    fix: ['Referral v2'],
    target: ['2026-10-19', '2026-11-20'],
    components: ['Referrals'],
    desc: `Referral v1 gave €25 to the referrer only; 0.4% of sign-ups came from referrals. v2 rewards both sides in fee credit.

# Success measure
Referrals reach 3% of new sign-ups within two months of launch.`,
  },
  {
    ref: 'gro-epic-pricing',
    type: 'Epic',
    summary: 'Pricing page experiments',
    status: 'In Progress',
    parent: 'gro-init-activation',
    assignee: 'dana',
    fix: ['Q4 growth experiments'],
    target: ['2026-11-02', '2026-12-18'],
    components: ['Pricing page'],
    desc: 'Run three experiments on the pricing page this quarter: annual default, fee calculator, plan comparison order.',
  },
  {
    ref: 'gro-epic-checkout',
    type: 'Epic',
    summary: 'Checkout conversion: reduce drop-off in the plan checkout',
    status: 'In Progress',
    assignee: 'dana',
    target: ['2026-11-02', '2027-01-29'],
    components: ['Checkout'],
    desc: '46% of visitors who start the plan checkout do not finish. Instrument every step, then fix the three biggest leaks.',
    edge: 'Epic with component "Checkout": two teams claim it',
  },
  {
    ref: 'gro-epic-emails',
    type: 'Epic',
    summary: 'Lifecycle emails for dormant sign-ups',
    status: 'To Do',
    desc: 'A third of sign-ups never connect a bank account.',
  },
  {
    ref: 'gro-init-activation',
    type: 'Initiative',
    summary: 'Double self-serve activation: first live payment within 7 days of sign-up',
    status: 'In Progress',
    assignee: 'dana',
    target: ['2026-10-01', '2027-03-31'],
    labels: ['roadmap', 'okr-q4'],
    desc: `# Where we are
18% of self-serve sign-ups take a live payment within 7 days (September cohort).

# Goal
36% by the end of March 2027.

# Bets
- Onboarding checklist that completes itself
- Two-sided referrals (referred merchants activate 2× faster)
- Clearer pricing, fewer surprises at checkout`,
  },
  // ── Finished work ────────────────────────────────────────────────────────
  {
    ref: 'gro-checklist-v1',
    type: 'Story',
    summary: 'Show a four-step checklist on the dashboard home for new merchants',
    status: 'Done',
    parent: 'gro-epic-checklist',
    assignee: 'ben',
    sprints: [201],
    points: 5,
    components: ['Onboarding'],
    ac: `- Steps: verify identity, connect bank, customise checkout, take a first payment.
- Completed steps are ticked; the checklist disappears once all four are done.`,
  },
  {
    ref: 'gro-checklist-events',
    type: 'Task',
    summary: 'Track checklist step completion events in Amplitude',
    status: 'Done',
    parent: 'gro-epic-checklist',
    assignee: 'ravi',
    sprints: [201],
  },
  {
    ref: 'gro-optimizely-setup',
    type: 'Task',
    summary: 'Set up the Optimizely project for Q4 experiments',
    status: 'Done',
    assignee: 'ben',
    sprints: [201],
  },
  {
    ref: 'gro-compare-mobile',
    type: 'Story',
    summary: 'Pricing page: plan comparison table works on mobile',
    status: 'Done',
    parent: 'gro-epic-pricing',
    assignee: 'chloe',
    sprints: [201],
    points: 3,
    components: ['Pricing page'],
    desc: `# Acceptance criteria
- Below 768 px the table turns into one card per plan with a sticky plan switcher.
- No horizontal scrolling on a 360 px screen.`,
  },
  {
    ref: 'gro-invite-teammates',
    type: 'Story',
    summary: 'Invite teammates and other businesses from Settings → Referrals',
    status: 'Done',
    skipAcceptance: true,
    parent: 'gro-epic-referral',
    assignee: 'ravi',
    sprints: [202],
    points: 5,
    fix: ['Referral v2'],
    components: ['Referrals'],
    ac: '- Settings → Referrals shows the personal referral link, a copy button and an email invite form (up to 10 addresses).',
    edge: 'Finished but never accepted: moved straight to Done, skipping "In Review"',
  },
  {
    ref: 'gro-invite-sub-api',
    type: 'Sub-task',
    summary: 'Backend: referral codes table and API',
    status: 'Done',
    parent: 'gro-invite-teammates',
    assignee: 'ravi',
    sprints: [202],
  },
  {
    ref: 'gro-invite-sub-modal',
    type: 'Sub-task',
    summary: 'Frontend: invite modal',
    status: 'Done',
    parent: 'gro-invite-teammates',
    assignee: 'ben',
    sprints: [202],
  },
  {
    ref: 'gro-dropoff-events',
    type: 'Story',
    summary: 'Instrument each checkout step with drop-off events',
    status: 'Done',
    parent: 'gro-epic-checkout',
    assignee: 'ravi',
    sprints: [202],
    points: 3,
    components: ['Checkout'],
    ac: '- Events `checkout_step_viewed` and `checkout_step_completed` carry plan, step and device type.',
  },
  {
    ref: 'gro-adblock-bug',
    type: 'Bug',
    summary: 'Checkout step 2 stays blank for visitors with ad blockers',
    status: 'Done',
    parent: 'gro-epic-checkout',
    assignee: 'ben',
    reporter: 'chloe',
    sprints: [202],
    priority: 'High',
    components: ['Checkout'],
    desc: `# Steps to reproduce
Open the plan checkout with uBlock Origin enabled and continue to step 2.

# Expected
The payment form renders.

# Actual
Blank page: rendering waits for the analytics script, which is blocked.`,
  },
  {
    ref: 'gro-checklist-writeup',
    type: 'Task',
    summary: 'Write up the onboarding checklist v1 A/B test results',
    status: 'Done',
    parent: 'gro-epic-checklist',
    assignee: 'ravi',
    sprints: [202],
    desc: 'Result: +4.1 pp activation within 7 days (p = 0.02). Rolled out to 100%.',
  },
];
