import type { Redis } from 'ioredis';
import type { FieldMap } from './field-map.js';
import type { JiraClients } from './jira-clients.js';
import { fetchFieldMap } from './jira-source.js';

/** Field ids are cached for a day: admins rarely add fields, and GET /field is not free. */
const FIELD_MAP_TTL_SECONDS = 24 * 3600;

/** The site's field map, read once per process and shared between processes through Redis. */
export function cachedFieldMap(clients: JiraClients, redis: Redis, prefix: string): () => Promise<FieldMap> {
  const key = `${prefix}:jira:fieldmap`;
  let inProcess: Promise<FieldMap> | undefined;
  return () =>
    (inProcess ??= (async () => {
      const cached = await redis.get(key);
      if (cached) return JSON.parse(cached) as FieldMap;
      const map = await fetchFieldMap(clients);
      await redis.set(key, JSON.stringify(map), 'EX', FIELD_MAP_TTL_SECONDS);
      return map;
    })().catch((error: unknown) => {
      inProcess = undefined;
      throw error;
    }));
}
