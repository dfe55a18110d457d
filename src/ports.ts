/**
 * Capabilities the use cases depend on. Adapters in src/jira, src/slack and src/store
 * implement them; tests use the real adapters against real Redis and fake HTTP peers.
 */
import type { Verdict } from './domain/verdict.js';
import type { OwnershipDecision, WorkItem } from './domain/work-item.js';

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

/** Who decided what, kept as an append-only audit trail. */
export interface DecisionStore {
  record(key: string, decision: OwnershipDecision): Promise<void>;
  latest(key: string): Promise<OwnershipDecision | null>;
  history(key: string): Promise<OwnershipDecision[]>;
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

/** Writes to Jira that user actions cause. */
export interface JiraWriter {
  listTransitions(key: string): Promise<{ id: string; name: string; to: string }[]>;
  transition(key: string, transitionId: string): Promise<void>;
  addComment(key: string, text: string): Promise<void>;
  setProperty(key: string, property: string, value: unknown): Promise<void>;
}
