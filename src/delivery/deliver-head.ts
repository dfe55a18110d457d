import type { webApi } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { OutgoingMessage } from '../ports.js';
import { OUTGOING_EVENT_TYPE, type OutboxKeys } from './outbox-keys.js';
import { classifySlackFailure, type SlackFailure } from './slack-outcome.js';

export type HeadOutcome =
  | { kind: 'delivered'; channel: string; ts: string }
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

async function openDm(slack: webApi.WebClient, user: string): Promise<string> {
  const opened = await slack.conversations.open({ users: user });
  return opened.channel?.id ?? user;
}

/**
 * Delivers one message exactly once. Before a post, an intent is recorded; if an intent is
 * already there, an earlier attempt may have posted before its worker died, so the channel's
 * history is searched for the message's marker first.
 */
export async function deliverHead(redis: Redis, keys: OutboxKeys, slack: webApi.WebClient, message: StoredMessage): Promise<HeadOutcome> {
  let posting = false;
  try {
    if (message.updateOf) {
      const target = await redis.hgetall(keys.delivered(message.updateOf));
      if (!target.ts || !target.channel) return { kind: 'dead', error: `the message to edit (${message.updateOf}) was never delivered` };
      await slack.chat.update({ channel: target.channel, ts: target.ts, text: message.text, ...(message.blocks ? { blocks: message.blocks as never } : {}) });
      return { kind: 'delivered', channel: target.channel, ts: target.ts };
    }
    let threadTs: string | undefined;
    if (message.threadOf) {
      threadTs = await redis.hget(keys.delivered(message.threadOf), 'ts') ?? undefined;
      if (!threadTs) return { kind: 'dead', error: `the thread's first message (${message.threadOf}) was never delivered` };
    }
    // A DM addressed to a user id lands in a D… channel; history is read there.
    const channel = /^[UW]/.test(message.channel) ? await openDm(slack, message.channel) : message.channel;
    const intent = await redis.get(keys.intent(message.id));
    if (intent) {
      const found = await findPosted(slack, channel, message.id, Number(intent), threadTs);
      if (found?.ts) return { kind: 'delivered', channel, ts: found.ts };
    }
    await redis.set(keys.intent(message.id), String(Date.now()), 'EX', 7 * 86_400, 'NX');
    posting = true;
    const posted = await slack.chat.postMessage({
      channel,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks as never } : {}),
      ...(threadTs ? { thread_ts: threadTs } : {}),
      metadata: { event_type: OUTGOING_EVENT_TYPE, event_payload: { outgoing_id: message.id } },
      unfurl_links: false,
      unfurl_media: false,
    });
    return { kind: 'delivered', channel: posted.channel ?? channel, ts: String(posted.ts) };
  } catch (error) {
    const failure = classifySlackFailure(error);
    // A 429 is a refusal: nothing was posted, so the next attempt need not search the history.
    if (failure.kind === 'rate-limited' && posting) await redis.del(keys.intent(message.id));
    if (failure.kind === 'permanent') return { kind: 'dead', error: failure.error };
    return { kind: 'retry', failure };
  }
}
