import type { webApi } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { OutgoingMessage } from '../ports.js';
import { OUTGOING_EVENT_TYPE, type OutboxKeys } from './outbox-keys.js';
import { classifySlackFailure, type SlackFailure } from './slack-outcome.js';

export type HeadOutcome =
  /** `landedAt`: when Slack took the message, on this machine's clock (paces the channel's next post). */
  | { kind: 'delivered'; channel: string; ts: string; landedAt: number }
  | { kind: 'dead'; error: string }
  | { kind: 'retry'; failure: SlackFailure };

type StoredMessage = OutgoingMessage & { enqueuedAt: number };

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** Looks for a post carrying this outgoing id, made since the intent was recorded. */
async function findPosted(slack: webApi.WebClient, channel: string, id: string, since: number, threadTs?: string): Promise<HistoryMessage | undefined> {
  const oldest = String(Math.floor(since / 1000) - 60);
  const marks = (m: HistoryMessage) => m.metadata?.event_type === OUTGOING_EVENT_TYPE && m.metadata.event_payload?.outgoing_id === id;
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const answer = threadTs
      ? await slack.conversations.replies({ channel, ts: threadTs, oldest, include_all_metadata: true, limit: 200, cursor })
      : await slack.conversations.history({ channel, oldest, include_all_metadata: true, limit: 200, cursor });
    const found = (answer.messages as HistoryMessage[] | undefined)?.find(marks);
    if (found) return found;
    cursor = answer.response_metadata?.next_cursor || undefined;
    if (!answer.has_more || !cursor) return undefined;
  }
  return undefined;
}

/** A Slack message ts ("1700000000.123456") in epoch milliseconds. */
function tsMillis(ts: string | undefined): number {
  const [seconds = '', fraction = ''] = String(ts ?? '').split('.');
  return Number(seconds) * 1000 + Math.floor(Number(`0.${fraction || '0'}`) * 1000);
}

/**
 * When Slack took a post. Its ts is Slack's own clock, the one Slack paces by; clamped to when the
 * call left and when the answer came, so a skewed clock can only move the estimate inside that window.
 */
function landedAt(ts: string | undefined, sentAt: number, answeredAt: number): number {
  const server = tsMillis(ts);
  return Number.isFinite(server) ? Math.min(answeredAt, Math.max(sentAt, server)) : answeredAt;
}

async function openDm(slack: webApi.WebClient, user: string): Promise<string> {
  const opened = await slack.conversations.open({ users: user });
  return opened.channel?.id ?? user;
}

/**
 * Delivers one message exactly once. Before a post, an intent is recorded; if an intent was
 * already there (`intent`, read by the caller), an earlier attempt may have posted before its
 * worker died, so the channel's history is searched for the message's marker first. Everything
 * but the Slack call itself is done before waiting for the slot, so the post leaves on time.
 */
export async function deliverHead(
  redis: Redis,
  keys: OutboxKeys,
  slack: webApi.WebClient,
  message: StoredMessage,
  intent: string | null,
  /** Waits for the channel's slot; called last before the Slack call, after the intent is recorded. */
  untilSlot: () => Promise<void>,
): Promise<HeadOutcome> {
  let posting = false;
  try {
    if (message.updateOf) {
      const target = await redis.hgetall(keys.delivered(message.updateOf));
      if (!target.ts || !target.channel) return { kind: 'dead', error: `the message to edit (${message.updateOf}) was never delivered` };
      await untilSlot();
      await slack.chat.update({ channel: target.channel, ts: target.ts, text: message.text, ...(message.blocks ? { blocks: message.blocks as never } : {}) });
      return { kind: 'delivered', channel: target.channel, ts: target.ts, landedAt: Date.now() };
    }
    let threadTs: string | undefined;
    if (message.threadOf) {
      threadTs = await redis.hget(keys.delivered(message.threadOf), 'ts') ?? undefined;
      if (!threadTs) return { kind: 'dead', error: `the thread's first message (${message.threadOf}) was never delivered` };
    }
    // A DM addressed to a user id lands in a D… channel; history is read there.
    const channel = /^[UW]/.test(message.channel) ? await openDm(slack, message.channel) : message.channel;
    if (intent) {
      const found = await findPosted(slack, channel, message.id, Number(intent), threadTs);
      if (found?.ts) return { kind: 'delivered', channel, ts: found.ts, landedAt: landedAt(found.ts, 0, Date.now()) };
    }
    await redis.set(keys.intent(message.id), String(Date.now()), 'EX', 7 * 86_400, 'NX');
    posting = true;
    await untilSlot();
    const sentAt = Date.now();
    const posted = await slack.chat.postMessage({
      channel,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks as never } : {}),
      ...(threadTs ? { thread_ts: threadTs } : {}),
      metadata: { event_type: OUTGOING_EVENT_TYPE, event_payload: { outgoing_id: message.id } },
      unfurl_links: false,
      unfurl_media: false,
    });
    return { kind: 'delivered', channel: posted.channel ?? channel, ts: String(posted.ts), landedAt: landedAt(posted.ts, sentAt, Date.now()) };
  } catch (error) {
    const failure = classifySlackFailure(error);
    // A 429 is a refusal: nothing was posted, so the next attempt need not search the history.
    if (failure.kind === 'rate-limited' && posting) await redis.del(keys.intent(message.id));
    if (failure.kind === 'permanent') return { kind: 'dead', error: failure.error };
    return { kind: 'retry', failure };
  }
}
