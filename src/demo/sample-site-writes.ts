import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Json, notFound, readBody, type SampleSite, send } from './sample-site.js';

/** Transitions, comments and issue properties, kept in memory for the life of the server. */
export async function handleWrite(site: SampleSite, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const match = /^\/rest\/api\/([23])\/issue\/([A-Z][A-Z0-9_]*-\d+)\/(transitions|comment|properties\/([^/]+))$/.exec(path);
  if (!match) return false;
  const [, version, key = '', what = '', property] = match;
  const issue = site.issues.find((i) => i.key === key);
  if (!issue) {
    notFound(res, 'Issue does not exist or you do not have permission to see it.');
    return true;
  }
  const fields = issue.fields as Json;
  if (req.method === 'POST' && what === 'transitions') {
    const request = await readBody(req);
    const id = String((request.transition as Json | undefined)?.id ?? '');
    const status = String((fields.status as Json | undefined)?.name ?? '');
    const available = ((site.transitions[status] as { transitions?: Json[] } | undefined)?.transitions ?? []).find((t) => String(t.id) === id);
    if (!available) {
      send(res, 400, { errorMessages: [`Transition id '${id}' is not valid for this issue.`], errors: {} });
      return true;
    }
    fields.status = available.to;
    fields.updated = new Date().toISOString().replace('Z', '+0000');
    res.writeHead(204).end();
    return true;
  }
  if (req.method === 'POST' && what === 'comment') {
    const request = await readBody(req);
    if (version === '3' && (typeof request.body !== 'object' || (request.body as Json | null)?.type !== 'doc')) {
      send(res, 400, { errorMessages: [], errors: { comment: 'Comment body is not valid!' } });
      return true;
    }
    site.comments ??= {};
    site.comments[key] = [...(site.comments[key] ?? []), request.body];
    send(res, 201, { id: String(Object.values(site.comments).flat().length), body: request.body });
    return true;
  }
  if (property) {
    const name = decodeURIComponent(property);
    site.properties[key] ??= {};
    const stored = site.properties[key];
    if (req.method === 'PUT') {
      const existed = name in stored;
      stored[name] = await readBody(req);
      res.writeHead(existed ? 200 : 201).end();
      return true;
    }
    if (req.method === 'GET') {
      if (!(name in stored)) notFound(res, 'The property was not found.');
      else send(res, 200, { key: name, value: stored[name] });
      return true;
    }
  }
  return false;
}
