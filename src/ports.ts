/**
 * Capabilities the use cases depend on. Adapters in src/jira, src/slack and src/store
 * implement them; tests use the real adapters against real Redis and fake HTTP peers.
 * One file on purpose, though long: it is the whole list of what a use case may rely on,
 * read in one place.
 */
import type { StatusChange } from './domain/acceptance/acceptance-queue.js';
import type { WeeklyDigest } from './domain/digest/build-digest.js';
import type { SiteAdjustment, SiteAdjustmentFile } from './domain/learning/site-adjustment.js';
import type { SuggestedRule } from './domain/learning/suggest-rules.js';
import type { NudgeCandidate, NudgeRecord } from './domain/nudges/select-nudges.js';
import type { Attributed, Resolution } from './domain/resolution.js';
import type { DoctorCheck } from './doctor/doctor-check.js';
import type { PersonDirectory, PersonLookup } from './people/person-lookup.js';
import type { DoctorRun } from './store/redis-doctor-results.js';
import type { Verdict } from './domain/verdict.js';
import type { OwnershipDecision, Person, WorkItem } from './domain/work-item.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Normalised items and their verdicts, as synced from Jira (Redis in production). */
export interface ItemStore {
  getItem(key: string): Promise<WorkItem | null>;
  getItems(keys: readonly string[]): Promise<(WorkItem | null)[]>;
  getVerdict(key: string): Promise<Verdict | null>;
  getVerdicts(keys: readonly string[]): Promise<(Verdict | null)[]>;
  /** Keys of the items a team owns (by its projects, boards, components). */
  teamItemKeys(teamId: string): Promise<string[]>;
  /** Keys of a team's items whose verdict needs attention (unclear, unowned, unmatched, conflict). */
  attentionKeys(teamId: string): Promise<string[]>;
  /** Keys of a team's items waiting for PO acceptance. */
  awaitingAcceptanceKeys(teamId: string): Promise<string[]>;
  putItems(items: readonly WorkItem[]): Promise<void>;
  putVerdicts(verdicts: readonly Verdict[]): Promise<void>;
  deleteItems(keys: readonly string[]): Promise<void>;
}

/** The PO's or PM's answer to a suggested rule: whether it became a rule, who said so, when. */
export interface RuleAnswer {
  adopted: boolean;
  decidedBy: Person;
  decidedAt: string;
}

/**
 * What the site's decisions taught attribution (src/domain/learning), for this Jira site and
 * Slack workspace only. The offsets and the suggestions not yet offered are rebuilt by every
 * refit; which suggestions were offered, and the answers, are the team's decisions about rules:
 * kept as decisions are, written once, never rebuilt.
 */
export interface LearnedState {
  /** The offsets in force, or null when nothing has been learned. */
  adjustment(): Promise<SiteAdjustment | null>;
  save(file: SiteAdjustmentFile | null): Promise<void>;
  /** Replaces the suggestions not offered yet. */
  saveSuggestions(rules: readonly SuggestedRule[]): Promise<void>;
  /** A team's suggestions that were never offered. */
  unoffered(teamId: string): Promise<SuggestedRule[]>;
  markOffered(ids: readonly string[]): Promise<void>;
  /** Records the answer to an offered suggestion once; null when none is waiting for an answer. */
  answer(id: string, answer: RuleAnswer): Promise<SuggestedRule | null>;
  adopted(): Promise<SuggestedRule[]>;
  /** Ids offered or answered: never suggested again. */
  settled(): Promise<Set<string>>;
}

/** Who decided what, kept as an append-only audit trail. */
export interface DecisionStore {
  record(key: string, decision: OwnershipDecision): Promise<void>;
  latest(key: string): Promise<OwnershipDecision | null>;
  history(key: string): Promise<OwnershipDecision[]>;
  /** The decisions in force for many items at once (items without one are left out). */
  latestMany(keys: readonly string[]): Promise<Map<string, OwnershipDecision>>;
}

/** One message for a Slack channel or DM, with a deterministic id for exactly-once delivery. */
export interface OutgoingMessage {
  /** Deterministic, e.g. `nudge:payments:PAY-12:unclear:2026-W48`. Same id = same message. */
  id: string;
  channel: string;
  text: string;
  blocks?: unknown[];
  /** Post as a reply in the thread of the message with this outgoing id. */
  threadOf?: string;
  /** Edit the already-posted message with this outgoing id instead of posting. */
  updateOf?: string;
  /** Posts from the same ordering group stay in order (defaults to the channel). */
  metadata?: Record<string, unknown>;
}

/** Where a delivered message landed, for edits and replies. */
export interface DeliveredMessage {
  id: string;
  channel: string;
  ts: string;
}

/** The single way out to Slack: a durable queue with pacing, retries and a dead-letter list. */
export interface Outbox {
  enqueue(message: OutgoingMessage): Promise<void>;
  delivered(id: string): Promise<DeliveredMessage | null>;
}

/** The outbox as its delivery worker sees it: drain jobs lost in a crash can be re-added. */
export interface DeliveryOutbox extends Outbox {
  /** Re-adds missing drain jobs; returns how many channels were repaired. */
  repair(): Promise<number>;
}

/** Writes to Jira that user actions cause. */
export interface JiraWriter {
  listTransitions(key: string): Promise<{ id: string; name: string; to: string }[]>;
  transition(key: string, transitionId: string): Promise<void>;
  addComment(key: string, text: string): Promise<void>;
  setProperty(key: string, property: string, value: unknown): Promise<void>;
}

/** What a team's sync reads: items of these projects, with these components, or on boards with these saved filters. */
export interface ScopeSelection {
  projects: string[];
  components: string[];
  /** Saved filter ids of the team's boards. */
  filters: string[];
}

/** A board's saved filter: the team's board items are the filter's items. */
export interface BoardFilter {
  boardId: number;
  filterId: string;
}

/** Items read from Jira, normalised; records that could not be read are set aside with the reason. */
export interface ReadItems {
  items: WorkItem[];
  rejected: { key?: string; error: string }[];
}

/** One page of a query's items; `next` is where the following page starts (absent on the last). */
export interface ItemPage extends ReadItems {
  next?: string;
}

/**
 * Reads from the configured Jira site, items already normalised (fields mapped, links to the
 * site). A query is the source's own text for a selection: stored with a run's progress, it
 * tells a resumed run whether it asks the same.
 */
export interface JiraReader {
  /** Reads the source lets run at once: a batched full sync keeps this many in flight. */
  readonly parallelism: number;
  /** Whether a full sync is faster listing keys first, then fetching batches in parallel. */
  readonly listsKeysFirst: boolean;
  /** Requests sent and points spent so far; a run reports the difference. */
  usage(): { requests: number; points: number };
  /** Each board's saved filter; a board the bot may not read is reported with the reason. */
  boardFilters(boardIds: readonly number[]): Promise<{ filters: BoardFilter[]; unreadable: { boardId: number; reason: string }[] }>;
  /** The query for a selection, or for its items updated since `updatedSince`. */
  query(selection: ScopeSelection, updatedSince?: Date): string;
  /** The values a refused query named as hidden from the bot; undefined when it was refused for another reason. */
  refused(error: unknown): ScopeSelection | undefined;
  /** Every item of a query, page by page, from `resumeFrom` when given. */
  pages(query: string, options?: { pageSize?: number; resumeFrom?: string }): AsyncIterable<ItemPage>;
  /** Resolves once Jira answers the query (one item read); throws as a search would. */
  check(query: string): Promise<void>;
  /** Every key of a query; `onPage` hears each page of keys as it arrives. */
  listKeys(query: string, onPage?: (keys: string[]) => void): Promise<{ keys: string[]; requests: number }>;
  /** Known items by key; keys Jira no longer returns (deleted, hidden) are `missing`. */
  fetch(keys: readonly string[]): Promise<ReadItems & { missing: string[]; requests: number }>;
  /** Status changes per item key, where the site can give them cheaply (empty otherwise). */
  statusChanges(items: readonly Pick<WorkItem, 'id' | 'key'>[]): Promise<Map<string, StatusChange[]>>;
  /** Fields attribution reads that the site does not have, in words an operator can act on. */
  fieldWarnings(): Promise<string[]>;
}

/** The webhook registered through Jira's REST API for this install, and how keeping it alive went. */
export interface RegisteredWebhookState {
  ids: number[];
  /** What it was registered for: a change of either registers again. */
  url: string;
  jqlFilter: string;
  expiresAt: string;
  refreshedAt: string;
  /** The last registration or refresh failure, cleared by the next success. */
  error?: { message: string; at: string };
}

/** Where the registered webhook's state is kept, for the worker that keeps it alive, `/readyz` and `doctor`. */
export interface RegisteredWebhookStore {
  read(): Promise<RegisteredWebhookState | undefined>;
  save(state: RegisteredWebhookState): Promise<void>;
}

/**
 * Webhooks an app registers through Jira's REST API (Cloud OAuth 2.0 apps); Jira expires them
 * 30 days after registration or the last refresh.
 */
export interface JiraWebhooks {
  /** The filter a webhook for these projects is registered with. */
  filterFor(projects: readonly string[]): string;
  /** Registers one webhook delivering to `url` (with the install's delivery token); returns its id. */
  register(url: string, filter: string): Promise<number>;
  /** Extends the webhooks' life; returns when they now expire. */
  refresh(ids: number[]): Promise<Date>;
  delete(ids: number[]): Promise<void>;
}

/** What a Jira webhook delivery asks for: re-read these issues. */
export interface WebhookRefresh {
  keys: string[];
  /** Stable per delivery (event + issue + Jira's timestamp), so a redelivery is the same job. */
  deliveryId: string;
  event: string;
}

/** Where a scope's sync stands: the last completed sync's start, and an interrupted run's page. */
export interface ScopeProgress {
  /** The query of the interrupted run (JiraReader.query); a resume only applies to the same query. */
  jql: string;
  /** Where the next page starts. */
  next: string;
  startedAt: string;
  mode: 'full' | 'incremental';
}

/** A scope held for one sync run; renewed while held. */
export interface ScopeClaim {
  release(): Promise<void>;
}

/** Per scope: the incremental sync's cursor, an interrupted run's progress and the keys it saw. */
export interface SyncCursors {
  /**
   * Holds the scope for one run, or null while another run (any process) holds it: two runs of
   * one scope would share its progress and seen set, and one would skip what the other saw.
   * A claim its holder stops renewing lapses after `ms`, so a killed run is resumed.
   */
  claim(scope: string, ms: number): Promise<ScopeClaim | null>;
  cursor(scope: string): Promise<string | null>;
  progress(scope: string): Promise<ScopeProgress | null>;
  saveProgress(scope: string, progress: ScopeProgress): Promise<void>;
  markSeen(scope: string, keys: readonly string[]): Promise<void>;
  seen(scope: string): Promise<Set<string>>;
  /** What the scope's last sync could not read (empty when everything was). */
  saveWarnings(scope: string, warnings: readonly string[]): Promise<void>;
  warnings(scope: string): Promise<string[]>;
  /** The last syncs' warnings of these scopes, only those that have any. */
  allWarnings(scopes: readonly string[]): Promise<Record<string, string[]>>;
  /** The run that started at `startedAt` finished: it becomes the cursor, its progress is dropped. */
  complete(scope: string, startedAt: string): Promise<void>;
}

/** What a posted nudge message listed, so a decision can re-render it in place. */
export interface NudgeMessageRecord {
  outgoingId: string;
  /** The first thread reply (records written before replies could be several). */
  threadId?: string;
  /** Every thread reply, in order. */
  threadIds?: string[];
  /** Items in the message and in each reply, in order (absent: topN, then the rest in one reply). */
  parts?: number[];
  channel: string;
  teamName: string;
  topN: number;
  items: NudgeCandidate[];
  decided: Record<string, OwnershipDecision>;
  /** Items that became clear without a decision (a refit or a sync), shown as resolved. */
  attributed?: Record<string, Attributed>;
  edits: number;
}

/** Per team: what was nudged when, which message lists each item, and what was escalated. */
export interface NudgeLedger {
  load(teamId: string): Promise<Map<string, NudgeRecord>>;
  save(teamId: string, ledger: ReadonlyMap<string, NudgeRecord>): Promise<void>;
  snooze(teamId: string, key: string, until: Date, signature: string): Promise<void>;
  sentOn(teamId: string, day: string): Promise<number>;
  addSent(teamId: string, day: string, count: number): Promise<void>;
  saveMessage(record: NudgeMessageRecord): Promise<void>;
  messageFor(key: string): Promise<NudgeMessageRecord | null>;
  markEscalated(teamId: string, keys: readonly string[], at: Date): Promise<void>;
  escalated(teamId: string): Promise<{ key: string; escalatedAt: string }[]>;
  resolved(teamId: string, key: string): Promise<void>;
}

/** A reminder DM as sent: which items it listed, and the line shown for each that has left since. */
export interface ReminderRecord {
  /** The DM's outgoing id (edits name it in `updateOf`). */
  id: string;
  teamId: string;
  /** Where the DM was addressed (the PO's Slack user id). */
  channel: string;
  keys: string[];
  left: Record<string, string>;
}

/** Whether a redraw is new (version bumped) and still has to go out through the outbox. */
export interface RedrawClaim {
  version: number;
  pending: boolean;
}

/**
 * What the acceptance reminders remember per item (snoozes, reminder counts, escalations, a
 * short lock against double clicks, the outcome of a click) and per reminder DM.
 */
export interface AcceptanceState {
  snooze(item: string, until: Date, now: Date): Promise<void>;
  snoozedUntil(items: readonly string[], now: Date): Promise<Map<string, Date>>;
  snoozed(items: readonly string[], now: Date): Promise<Set<string>>;
  countReminder(items: readonly string[]): Promise<void>;
  reminders(item: string): Promise<number>;
  markReminded(id: string): Promise<boolean>;
  markEscalated(item: string): Promise<boolean>;
  lock(item: string, ms?: number): Promise<boolean>;
  unlock(item: string): Promise<void>;
  markHandled(item: string, outcome: string): Promise<void>;
  handled(item: string): Promise<string | null>;
  rememberReminder(record: Omit<ReminderRecord, 'left'> & { signature: string }): Promise<void>;
  latestReminder(teamId: string): Promise<string | null>;
  reminder(id: string): Promise<ReminderRecord | null>;
  noteLeft(id: string, item: string, line: string, replace?: boolean): Promise<void>;
  clearLeft(id: string, item: string): Promise<void>;
  claimRedraw(id: string, signature: string, via: 'outbox' | 'response'): Promise<RedrawClaim | null>;
  redrawn(id: string, version: number): Promise<void>;
}

/** Role counts of the last digest of a team, for "change since last week". */
export interface DigestRun {
  period: string;
  byRole: Record<string, number>;
  sentAt: string;
  previous?: { period: string; byRole: Record<string, number>; sentAt: string };
}

export interface ThreadMessage {
  text: string;
  blocks: unknown[];
}

/** What the digest remembers between runs: what it posted (to edit it) and last week's counts. */
export interface DigestLedger {
  /** Stores the posted digest unless one is stored for this id already; returns the one in force and whether it is ours. */
  claimPosted(messageId: string, digest: WeeklyDigest): Promise<{ digest: WeeklyDigest; won: boolean }>;
  posted(messageId: string): Promise<WeeklyDigest | null>;
  /** The thread reply with the rest of long lists, stored before the digest is claimed. */
  claimThread(messageId: string, message: ThreadMessage): Promise<void>;
  thread(messageId: string): Promise<ThreadMessage | null>;
  /** Records how a listed item was resolved (a decision, or a clear verdict) once; false if it was recorded before. */
  addTick(messageId: string, key: string, resolution: Resolution): Promise<boolean>;
  ticks(messageId: string): Promise<{ key: string; resolution: Resolution }[]>;
  lastRun(teamId: string): Promise<DigestRun | null>;
  saveRun(teamId: string, run: DigestRun): Promise<void>;
}

/** Replay protection: records a request signature; true the first time it is seen. */
export type SeenSignatures = (signature: string, ttlSeconds: number) => Promise<boolean>;

/** What happens in one process that other features react to. */
export interface ProcessEvents {
  /** A sync, webhook refresh or refit found items whose verdict newly needs attention (unclear, unowned…). */
  itemsNeedAttention: { teamId: string; keys: string[] };
  /**
   * A sync, webhook refresh or refit gave items that needed attention a clear verdict or a
   * decision read from Jira (a decision clicked in Slack is `decisionRecorded`).
   */
  verdictsResolved: { teamId: string; verdicts: Verdict[] };
  /** A sync of a team's scope (or, without a team, a webhook refresh) stored what it read. */
  itemsSynced: { teamId?: string };
  /** Someone decided in Slack who owns an item. */
  decisionRecorded: { key: string; decision: OwnershipDecision };
  /** The team adopted a rule its decisions suggested. */
  ruleAdopted: { id: string };
}

/** Tells the process's features that something happened; resolves once every reaction settled. */
export interface EventSink {
  emit<K extends keyof ProcessEvents>(name: K, payload: ProcessEvents[K]): Promise<void>;
}

/** A directory's answer for an email, with when it was asked (ms). */
export type CachedLookup = PersonLookup & { at: number };

/** The latest `who-owns doctor` run, which App Home shows the people of the team file. */
export interface DoctorResults {
  save(checks: readonly DoctorCheck[], at: Date): Promise<void>;
  latest(): Promise<DoctorRun | undefined>;
}

/** Email → Slack / Jira id lookups, kept so a restart need not ask the directories again. */
export interface PeopleCache {
  get(directory: PersonDirectory, emails: readonly string[]): Promise<Map<string, CachedLookup>>;
  put(directory: PersonDirectory, email: string, lookup: CachedLookup): Promise<void>;
}
