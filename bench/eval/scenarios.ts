import type { Rng } from './generate-eval-set.js';

/**
 * One scenario per labelling rule of docs/attribution.md (PO-n, PM-n, U-n). Phrasing, types and
 * fields vary at random; the label is fixed by the rule the scenario illustrates.
 */
export interface ItemSpec {
  type: string;
  summary: string;
  description: string[];
  status?: string;
  labels?: string[];
  components?: string[];
  sprint?: 'active' | 'future' | 'closed';
  points?: number;
  acceptanceField?: string;
  targetStart?: string;
  targetEnd?: string;
  release?: { name: string; date: string };
  parent?: string;
}

export interface Scenario {
  id: string;
  label: 'PO' | 'PM' | 'unclear';
  rule: string;
  make: (r: Rng) => ItemSpec;
}

const PERSONAS = ['shopper', 'merchant admin', 'support agent', 'finance analyst', 'first-time user', 'account owner', 'warehouse clerk', 'mobile user'];
const WANTS = ['save my card for later', 'export invoices as CSV', 'filter orders by status', 'reset my password from the app', 'see refund progress', 'invite a teammate', 'download a receipt', 'change the payout schedule', 'search past transactions'];
const BENEFITS = ['I can pay faster next time', 'I can reconcile the books', 'I do not need to call support', 'I know when the money arrives', 'my team can help'];
const THINGS = ['checkout page', 'invoice export', 'login form', 'payout scheduler', 'refund webhook', 'search index', 'card vault', 'order history', 'notification service', 'CSV importer'];
const MARKETS = ['Brazil', 'Japan', 'the DACH region', 'the Nordics', 'Canada', 'SMB merchants', 'enterprise retailers', 'marketplaces'];
const COMPETITORS = ['Stripe', 'Adyen', 'Checkout.com', 'Mollie', 'Square', 'PayPal'];
const SPRINTS = ['active', 'active', 'future', 'closed'] as const;
const POINTS = [1, 2, 3, 5, 8, 13];
const TECH = ['Postgres 16', 'Node 24', 'the new queue library', 'OpenTelemetry', 'the v3 payments API', 'Kafka 3.7'];
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];
const DATES = [['2026-01-05', '2026-03-27'], ['2026-04-01', '2026-06-30'], ['2026-07-01', '2026-09-30'], ['2026-10-01', '2026-12-18']] as const;

function given(r: Rng, thing: string): string {
  return `Given a ${r.pick(PERSONAS)} on the ${thing}\nWhen they ${r.pick(['submit the form', 'open the page', 'press Save', 'retry the payment'])}\nThen ${r.pick(['a confirmation is shown', 'the change is stored', 'an error explains what to fix', 'the list updates within 2 seconds'])}`;
}

function bullets(items: string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}

const story = (r: Rng) => `As a ${r.pick(PERSONAS)}, I want to ${r.pick(WANTS)} so that ${r.pick(BENEFITS)}`;

export const SCENARIOS: Scenario[] = [
  // ---- PO ----
  { id: 'user-story', label: 'PO', rule: 'PO-1', make: (r) => ({ type: r.pick(['Story', 'User Story', 'Story']), summary: story(r), description: r.chance(0.5) ? ['# Acceptance criteria', given(r, r.pick(THINGS))] : [r.pick(['Context in the linked design.', 'See the thread with support.'])], sprint: r.chance(0.7) ? r.pick(SPRINTS) : undefined, points: r.chance(0.7) ? r.pick(POINTS) : undefined }) },
  { id: 'story-ac-field', label: 'PO', rule: 'PO-1', make: (r) => ({ type: r.pick(['Story', 'Requirement', 'Improvement']), summary: `${r.pick(['Add', 'Show', 'Allow'])} ${r.pick(['bulk edit', 'sorting', 'a copy button', 'inline validation', 'pagination'])} on the ${r.pick(THINGS)}`, description: [r.pick(['Users asked for this in the last review.', 'Small UX gap found in testing.', ''])].filter(Boolean), acceptanceField: bullets([`${r.pick(['Works', 'Renders'])} on mobile and desktop`, 'Keyboard accessible', 'Covered by an end-to-end test']), sprint: r.chance(0.5) ? 'future' : undefined, points: r.chance(0.5) ? r.pick(POINTS) : undefined }) },
  { id: 'bug-repro', label: 'PO', rule: 'PO-2', make: (r) => { const t = r.pick(THINGS); return { type: r.pick(['Bug', 'Defect', 'Bug', 'Production Issue']), summary: r.pick([`${t} returns 500 when ${r.pick(['the cart is empty', 'the locale is pt-BR', 'a coupon is applied'])}`, `NullPointerException in ${t}`, `${t}: totals off by one cent`, `Cannot ${r.pick(WANTS)} on Safari`]), description: r.chance(0.8) ? ['# Steps to reproduce', bullets(['Log in as a merchant', `Open the ${t}`, 'Submit']), '# Expected result', 'The request succeeds.', '# Actual result', r.pick(['HTTP 500 and a stack trace in the logs.', 'The page hangs.'])] : [], sprint: r.chance(0.5) ? 'active' : undefined, points: r.chance(0.3) ? r.pick(POINTS) : undefined }; } },
  { id: 'bug-revenue', label: 'PO', rule: 'PO-2', make: (r) => ({ type: r.pick(['Bug', 'Defect']), summary: r.pick([`Checkout crash is costing revenue on ${r.pick(['Android', 'iOS', 'web'])}`, `Churned customers report failed payouts`, `Pricing page shows wrong currency for ${r.pick(MARKETS)}`]), description: ['Impact: merchants churn when this happens.', '# Steps to reproduce', bullets(['Open the app', 'Pay with a saved card']), '# Expected', 'Payment succeeds', '# Actual', 'Error "payment_failed" and a crash.'], sprint: r.chance(0.5) ? 'active' : undefined }) },
  { id: 'subtask', label: 'PO', rule: 'PO-3', make: (r) => ({ type: r.pick(['Sub-task', 'Subtask', 'Dev Sub-task', 'Sub-task']), summary: r.pick([`Write unit tests for the ${r.pick(THINGS)}`, `Implement the ${r.pick(THINGS)} endpoint`, `Update the API docs for ${r.pick(THINGS)}`, `Code review fixes`, `Wire the ${r.pick(THINGS)} to the feature flag`]), description: [], sprint: r.chance(0.6) ? 'active' : undefined, parent: `PAY-${r.int(1, 99)}` }) },
  { id: 'tech-task', label: 'PO', rule: 'PO-3', make: (r) => ({ type: r.pick(['Task', 'Technical task', 'Tech Debt', 'Task', 'Refactoring']), summary: r.pick([`Refactor the ${r.pick(THINGS)} module`, `Upgrade to ${r.pick(TECH)}`, `Add structured logging to the ${r.pick(THINGS)}`, `Fix flaky test in the ${r.pick(THINGS)} suite`, `API change: rename the amount field in the ${r.pick(THINGS)}`, `Migrate the ${r.pick(THINGS)} to ${r.pick(TECH)}`]), description: r.chance(0.5) ? [r.pick(['The current implementation times out under load.', 'Dependency is end of life next month.', 'Schema migration needed first.'])] : [], labels: r.chance(0.4) ? [r.pick(['tech-debt', 'backend', 'refactor'])] : [], sprint: r.chance(0.5) ? r.pick(SPRINTS) : undefined, points: r.chance(0.4) ? r.pick(POINTS) : undefined }) },
  { id: 'deliver-pm-decision', label: 'PO', rule: 'PO-4', make: (r) => ({ type: r.pick(['Story', 'Task', 'Story']), summary: r.pick([`Show the new pricing tiers on the plans page`, `Add the ${r.pick(MARKETS)} launch banner to the dashboard`, `Display annual pricing toggle`, `Implement licence key check for the enterprise tier`, `Build the churn survey modal`]), description: [r.pick(['Pricing was decided in the roadmap review; this is the UI work.', 'Copy comes from product marketing.', 'Design in Figma.']), '# Acceptance criteria', given(r, 'plans page')], sprint: r.pick(SPRINTS), points: r.pick(POINTS) }) },
  { id: 'awaiting-acceptance', label: 'PO', rule: 'PO-5', make: (r) => ({ type: r.pick(['Story', 'Task', 'Improvement']), summary: `${r.pick(['Add', 'Update', 'Polish'])} ${r.pick(['empty state', 'tooltip', 'error message', 'filters'])} on the ${r.pick(THINGS)}`, description: [], status: r.pick(['Ready for acceptance', 'Awaiting acceptance', 'In Review']), sprint: r.chance(0.5) ? 'active' : undefined }) },
  { id: 'unknown-type-story', label: 'PO', rule: 'PO-1', make: (r) => ({ type: r.pick(['Ticket', 'Work item', 'Backlog item', 'Card']), summary: story(r), description: ['# Acceptance criteria', given(r, r.pick(THINGS))], sprint: r.chance(0.5) ? 'active' : undefined }) },
  { id: 'delivery-epic', label: 'PO', rule: 'PO-6', make: (r) => ({ type: 'Epic', summary: r.pick([`Migrate the ${r.pick(THINGS)} to ${r.pick(TECH)}`, `Refactor the ${r.pick(THINGS)} for testability`, `${r.pick(THINGS)} performance fixes`, `Replace the legacy ${r.pick(THINGS)} implementation`]), description: [r.pick(['Technical epic: break into stories with acceptance criteria.', 'Reduce timeouts and error rates; implementation plan below.', 'Collects the refactoring and migration stories.']), bullets(['Schema migration', 'Update the API', 'Add unit tests'])], labels: r.chance(0.5) ? ['tech-debt'] : [] }) },
  // ---- PM ----
  { id: 'initiative', label: 'PM', rule: 'PM-1', make: (r) => { const [s, e] = r.pick(DATES); return { type: r.pick(['Initiative', 'Theme', 'Objective', 'Initiative']), summary: r.pick([`Expand into ${r.pick(MARKETS)}`, `${r.pick(QUARTERS)} growth bets`, `Win enterprise retailers`, `Reduce churn in ${r.pick(MARKETS)}`, `Platform for marketplaces`]), description: r.chance(0.6) ? [r.pick(['Strategy and roadmap for the next two quarters.', 'Goal: +15% ARR from new segments.', 'Owner drives the business case and launch timing.'])] : [], targetStart: r.chance(0.6) ? s : undefined, targetEnd: r.chance(0.6) ? e : undefined }; } },
  { id: 'idea', label: 'PM', rule: 'PM-1', make: (r) => ({ type: r.pick(['Idea', 'Opportunity', 'Idea', 'Business case']), summary: r.pick([`Usage-based pricing for ${r.pick(MARKETS)}`, `Partner program with ${r.pick(COMPETITORS)} resellers`, `Offer instant payouts as a paid add-on`, `Self-serve onboarding for ${r.pick(MARKETS)}`, `Bundle fraud tools into the Pro plan`]), description: r.chance(0.5) ? [r.pick(['Customer interviews point to this.', 'Impact: revenue and retention. Confidence: medium.', 'Came from the sales team.'])] : [] }) },
  { id: 'market-epic', label: 'PM', rule: 'PM-2', make: (r) => { const [s, e] = r.pick(DATES); return { type: r.pick(['Epic', 'Feature', 'Epic']), summary: r.pick([`Launch in ${r.pick(MARKETS)}`, `Go-to-market for the Pro plan`, `New pricing and packaging for ${r.pick(QUARTERS)}`, `Licensing model for on-prem customers`, `Deprecation policy for API v1`, `Competitive response to ${r.pick(COMPETITORS)}`]), description: [r.pick(['Market sizing and positioning in the brief.', 'Launch timing depends on the partner agreement.', 'Ties to the OKR on net revenue retention.', 'Competitor analysis attached.'])], targetStart: r.chance(0.7) ? s : undefined, targetEnd: r.chance(0.7) ? e : undefined, release: r.chance(0.5) ? { name: `${r.pick(QUARTERS)} release`, date: e } : undefined, labels: r.chance(0.4) ? [r.pick(['roadmap', 'gtm', 'pricing', 'launch'])] : [] }; } },
  { id: 'research-task', label: 'PM', rule: 'PM-3', make: (r) => ({ type: r.pick(['Task', 'Task', 'Story', 'Research']), summary: r.pick([`Competitor analysis: ${r.pick(COMPETITORS)} vs ${r.pick(COMPETITORS)} fees`, `Market research for ${r.pick(MARKETS)}`, `Decide pricing for the enterprise tier`, `Customer interviews on payout speed`, `Draft the launch plan for ${r.pick(MARKETS)}`, `Size the market for ${r.pick(MARKETS)}`]), description: r.chance(0.6) ? [r.pick(['Output: a one-page recommendation for the roadmap review.', 'Summarise willingness to pay and positioning.', 'Feeds the strategy offsite.'])] : [] }) },
  { id: 'okr-feature', label: 'PM', rule: 'PM-2', make: (r) => { const [s, e] = r.pick(DATES); return { type: r.pick(['Feature', 'Epic']), summary: r.pick([`${r.pick(QUARTERS)} OKR: grow activation for ${r.pick(MARKETS)}`, `Retention programme for churned merchants`, `Revenue expansion through add-ons`]), description: [], targetStart: s, targetEnd: e, labels: r.chance(0.5) ? ['roadmap'] : [] }; } },
  { id: 'labelled-epic', label: 'PM', rule: 'PM-2', make: (r) => { const [s, e] = r.pick(DATES); return { type: 'Epic', summary: r.pick([`${r.pick(MARKETS)} expansion`, `Pro plan`, `Marketplace payouts`, `Enterprise tier`]), description: [], labels: [r.pick(['roadmap', 'gtm', 'pricing', 'go-to-market', 'strategy'])], targetEnd: r.chance(0.5) ? e : undefined, targetStart: r.chance(0.3) ? s : undefined }; } },
  // ---- unclear ----
  { id: 'vague', label: 'unclear', rule: 'U-1', make: (r) => ({ type: r.pick(['Task', 'Epic', 'Item', 'Request']), summary: r.pick(['Follow up from offsite', 'Misc improvements', `Notes from call with ${r.pick(['ACME', 'Globex', 'Initech'])}`, 'Cleanup', 'Look into this', `${r.pick(QUARTERS)} planning items`, 'TBD', 'Discuss with Anna']), description: [] }) },
  { id: 'bare-epic', label: 'unclear', rule: 'U-1', make: (r) => ({ type: r.pick(['Epic', 'Epic', 'Feature']), summary: `${r.pick(['Checkout', 'Payouts', 'Onboarding', 'Reporting', 'Search'])} ${r.pick(['improvements', 'v2', 'work', 'updates'])}`, description: [] }) },
  { id: 'misused-roadmap-type', label: 'unclear', rule: 'U-2', make: (r) => ({ type: r.pick(['Initiative', 'Idea', 'Theme']), summary: r.pick([`Fix validation on the ${r.pick(THINGS)}`, `Add a retry button to the ${r.pick(THINGS)}`, `Refactor the ${r.pick(THINGS)}`]), description: ['# Acceptance criteria', given(r, r.pick(THINGS))], sprint: 'active', points: r.pick(POINTS) }) },
  { id: 'mixed-epic', label: 'unclear', rule: 'U-3', make: (r) => ({ type: 'Epic', summary: r.pick([`Pricing page rebuild and packaging decision`, `${r.pick(MARKETS)} launch readiness`, `Checkout redesign for the Pro plan`]), description: [r.pick(['Open question: which pricing tiers to offer and the go-to-market timing.', 'Depends on the market research and competitor analysis.']), '# Acceptance criteria', given(r, 'pricing page'), bullets(['Refactor the plans endpoint', 'Fix validation errors'])], sprint: r.chance(0.3) ? 'future' : undefined }) },
];
