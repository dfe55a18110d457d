/** Redis keys of the outbox, all under one prefix so a `{braced}` prefix keeps them in one Cluster slot. */
export interface OutboxKeys {
  message(id: string): string;
  queue(channel: string): string;
  active(channel: string): string;
  next(channel: string): string;
  delivered(id: string): string;
  intent(id: string): string;
  attempts(id: string): string;
  generation: string;
  channels: string;
  deadLetters: string;
  rate(second: number): string;
}

export function outboxKeys(prefix: string): OutboxKeys {
  const base = `${prefix}:outbox`;
  return {
    message: (id) => `${base}:msg:${id}`,
    queue: (channel) => `${base}:q:${channel}`,
    active: (channel) => `${base}:active:${channel}`,
    next: (channel) => `${base}:next:${channel}`,
    delivered: (id) => `${base}:delivered:${id}`,
    intent: (id) => `${base}:intent:${id}`,
    attempts: (id) => `${base}:attempts:${id}`,
    generation: `${base}:generation`,
    channels: `${base}:channels`,
    deadLetters: `${base}:dead`,
    rate: (second) => `${base}:rate:${second}`,
  };
}

/** Marker put into each post's metadata so a restarted worker can find what it already posted. */
export const OUTGOING_EVENT_TYPE = 'who_owns_outgoing';
