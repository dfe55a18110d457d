import type { Version2Client, Version3Client } from 'jira.js';
import type { JiraWriter } from '../ports.js';
import type { JiraClients } from './jira-clients.js';
import { isIssueKey } from './jql.js';

/** Plain text as an Atlassian Document: one paragraph per line, so line breaks survive on Cloud. */
export function textToAdf(text: string) {
  const paragraphs = text.split(/\r?\n/).map((line) => (line.trim() ? { type: 'paragraph' as const, content: [{ type: 'text' as const, text: line }] } : { type: 'paragraph' as const, content: [] }));
  return { type: 'doc' as const, version: 1 as const, content: paragraphs };
}

function checkedKey(key: string): string {
  if (!isIssueKey(key)) throw new Error(`"${key}" is not a Jira issue key (e.g. PAY-12)`);
  return key;
}

/**
 * The writes user actions cause (accepting work, recording a decision), through the same
 * gate as sync, so they respect the site's rate limit and retries. Comments go as ADF on
 * Cloud and as plain text on Data Center. Failures arrive as JiraRequestError with Jira's
 * own message, for the person who clicked.
 */
export class JiraClientWriter implements JiraWriter {
  constructor(private readonly clients: JiraClients) {}

  /** v2 and v3 share these methods' shapes; only the URL version differs, and the client sets it. */
  private get api(): Version3Client {
    return this.clients.platform as Version3Client;
  }

  async listTransitions(key: string): Promise<{ id: string; name: string; to: string }[]> {
    const issueIdOrKey = checkedKey(key);
    const answer = await this.clients.gate.run(`list transitions of ${key}`, () => this.api.issues.getTransitions({ issueIdOrKey }));
    return (answer.transitions ?? []).map((t) => ({ id: String(t.id ?? ''), name: String(t.name ?? ''), to: String(t.to?.name ?? '') }));
  }

  async transition(key: string, transitionId: string): Promise<void> {
    const issueIdOrKey = checkedKey(key);
    await this.clients.gate.run(`transition ${key}`, () => this.api.issues.doTransition({ issueIdOrKey, transition: { id: transitionId } }), { write: true });
  }

  async addComment(key: string, text: string): Promise<void> {
    const issueIdOrKey = checkedKey(key);
    const { platform } = this.clients;
    await this.clients.gate.run(`comment on ${key}`, () =>
      this.clients.settings.deployment === 'datacenter'
        ? // jira.js 5.4 v2 sends `comment` as the body although its type names it `body`; pass both.
          (platform as Version2Client).issueComments.addComment({ issueIdOrKey, body: text, comment: text } as Parameters<Version2Client['issueComments']['addComment']>[0])
        : (platform as Version3Client).issueComments.addComment({ issueIdOrKey, comment: textToAdf(text) }),
      { write: true },
    );
  }

  async setProperty(key: string, property: string, value: unknown): Promise<void> {
    const issueIdOrKey = checkedKey(key);
    await this.clients.gate.run(`set ${property} on ${key}`, () => this.api.issueProperties.setIssueProperty({ issueIdOrKey, propertyKey: property, propertyValue: value }), { write: true });
  }
}

export function createJiraWriter(clients: JiraClients): JiraWriter {
  return new JiraClientWriter(clients);
}
