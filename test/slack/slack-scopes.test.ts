import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { manifestBotScopes } from '../../src/slack/manifest-scopes.js';
import { type ConversationKind, scopesFor, slackMethodScopes } from '../support/slack-method-scopes.js';

/**
 * Every Slack Web API method the code calls, found in the source: a call whose callee ends in a
 * method name from Slack's spec (`client.chat.postMessage(…)`, `chat.postMessage(…)` after a
 * destructure), a string literal passed to `apiCall`, and Bolt's `say(…)` (chat.postMessage).
 */
function webApiCalls(roots: string[]): Map<string, string[]> {
  const methods = slackMethodScopes();
  const found = new Map<string, string[]>();
  const note = (method: string, where: string) => found.set(method, [...(found.get(method) ?? []), where]);
  const files = roots.flatMap((root) => readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(root, f)));
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const chain: string[] = [];
        let callee: ts.Expression = node.expression;
        while (ts.isPropertyAccessExpression(callee)) {
          chain.unshift(callee.name.text);
          callee = callee.expression;
        }
        if (ts.isIdentifier(callee)) chain.unshift(callee.text);
        for (let start = 0; start < chain.length - 1; start++) {
          const name = chain.slice(start).join('.');
          if (methods.has(name)) note(name, where);
        }
        const last = chain.at(-1);
        const literal = node.arguments[0];
        if (last === 'apiCall' && literal && ts.isStringLiteralLike(literal)) note(literal.text, where);
        if (chain.length === 1 && last === 'say') note('chat.postMessage', where);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/**
 * The conversations the app acts in: team channels (public or private) and DMs. DMs are opened
 * by user; doctor reads the team channels' details and init lists channels only.
 */
const CONVERSATIONS: Record<string, ConversationKind[]> = { 'conversations.open': ['im'], 'conversations.info': ['public', 'private'], 'conversations.list': ['public', 'private'] };
const DEFAULT_CONVERSATIONS: ConversationKind[] = ['public', 'private', 'im'];

describe('the Slack app manifest grants every scope the code needs', () => {
  const calls = webApiCalls(['src', 'workers']);
  const granted = new Set(manifestBotScopes());

  it('finds the Web API calls in the source', () => {
    // The scanner must see the calls the delivery pipeline and the Slack handlers make.
    for (const method of ['chat.postMessage', 'chat.update', 'conversations.history', 'conversations.replies', 'conversations.open', 'views.publish']) {
      expect(calls.has(method), method).toBe(true);
    }
  });

  it('each called method is a method Slack documents', () => {
    const unknown = [...calls.keys()].filter((m) => !slackMethodScopes().has(m));
    expect(unknown).toEqual([]);
  });

  it('each called method has its scopes in manifest.yaml', () => {
    const missing: string[] = [];
    for (const [method, where] of calls) {
      for (const kind of CONVERSATIONS[method] ?? DEFAULT_CONVERSATIONS) {
        const anyOf = scopesFor(method, kind);
        if (anyOf.length > 0 && !anyOf.some((s) => granted.has(s))) missing.push(`${method} (${kind}) needs ${anyOf.join(' or ')} — called at ${where[0]}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('grants no scope beyond those, and `commands` for /who-owns', () => {
    const used = new Set(['commands']);
    for (const method of calls.keys()) for (const kind of CONVERSATIONS[method] ?? DEFAULT_CONVERSATIONS) for (const scope of scopesFor(method, kind)) used.add(scope);
    expect([...granted].filter((s) => !used.has(s))).toEqual([]);
  });
});
