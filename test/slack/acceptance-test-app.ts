import { ACCEPTANCE_ACTIONS } from '../../src/views/acceptance-blocks.js';
import { type AcceptanceWorld, acceptanceEnv, PRIYA_DM } from '../support/acceptance-world.js';
import { blockActionBody, messageActionBody, signedHeaders, viewSubmissionBody } from '../support/slack-signing.js';
import { startTestProcess, type TestProcess } from '../support/test-process.js';

export const SECRET = 'who-owns-test-signing-secret';

type Block = { type: string; block_id?: string; elements?: Record<string, unknown>[] };

/** A click's HTTP status and what the app posted to its response_url. */
export interface ClickResult {
  status: number;
  responses: Record<string, unknown>[];
  /** Everything posted to this click's response_url so far (for clicks sent without waiting). */
  later(): Record<string, unknown>[];
}

/**
 * A `who-owns serve` process, wired as in production, over an AcceptanceWorld. Clicks
 * are taken from the reminder as the fake Slack holds it (the buttons the PO sees), sent as
 * signed block_actions; the Reject modal is submitted as a signed view_submission.
 */
export interface AcceptanceTestApp {
  process: TestProcess;
  url: string;
  /** Clicks a button (or picks a Snooze option) on the PO's reminder, as `user`. */
  click(key: string, actionId: string, user: string, options?: { snoozeDays?: 1 | 3; wait?: boolean; actionTs?: string; workspace?: string }): Promise<ClickResult>;
  /** Sends a signed click on any button (a verdict card's, a nudge's) in `channel`, and waits for its answer. */
  press(action: Record<string, unknown>, user: string, options: { channel: string; workspace?: string }): Promise<ClickResult>;
  /** Submits the Reject modal that views.open was last called with (or this one). */
  submitReject(user: string, reason: string, options?: { workspace?: string; modal?: { callback_id: string; private_metadata: string } }): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

let nextId = 0;

export async function startAcceptanceTestApp(world: AcceptanceWorld, now: () => Date): Promise<AcceptanceTestApp> {
  const proc = await startTestProcess(world.redis.url, { env: acceptanceEnv(world.jira.url, world.slack.apiUrl), teams: world.teams, clock: { now } });
  // The start-up credential check (GET /myself) is the process's, not a click's.
  await proc.running.connectivity;
  world.jiraCalls.length = 0;
  const url = proc.slackUrl;
  const post = (body: string) => fetch(url, { method: 'POST', headers: signedHeaders(SECRET, body), body });

  async function waitForResponses(id: string): Promise<Record<string, unknown>[]> {
    const deadline = Date.now() + 5_000;
    while (world.slack.responses(id).length === 0) {
      if (Date.now() > deadline) throw new Error(`no response_url post for ${id}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return world.slack.responses(id);
  }

  return {
    process: proc,
    url,
    async click(key, actionId, user, options = {}) {
      const message = world.dms(PRIYA_DM)[0];
      if (!message) throw new Error('the PO has no reminder to click on');
      const block = (message.blocks as Block[]).find((b) => b.type === 'actions' && b.block_id?.startsWith(`acceptance-actions:${key}`));
      const element = block?.elements?.find((e) => e.action_id === actionId);
      if (!block || !element) throw new Error(`the reminder shows no ${actionId} for ${key}`);
      const action: Record<string, unknown> = { ...element, block_id: block.block_id };
      if (actionId === ACCEPTANCE_ACTIONS.snooze) {
        const chosen = (element.options as { value: string }[]).find((o) => o.value === `${key}|${options.snoozeDays ?? 1}`);
        Object.assign(action, { selected_option: chosen });
        delete action.options;
      }
      const id = `acc-${++nextId}`;
      const body = messageActionBody({
        userId: user,
        channelId: PRIYA_DM,
        responseUrl: `${world.slack.origin}/response/${id}`,
        message,
        action,
        ...(options.actionTs ? { actionTs: options.actionTs } : {}),
        ...(options.workspace ? { userTeamId: options.workspace } : {}),
      });
      const res = await post(body);
      const responses = res.status === 200 && options.wait !== false ? await waitForResponses(id) : world.slack.responses(id);
      return { status: res.status, responses, later: () => world.slack.responses(id) };
    },
    async press(action, user, options) {
      const id = `press-${++nextId}`;
      const body = blockActionBody({ userId: user, channelId: options.channel, responseUrl: `${world.slack.origin}/response/${id}`, action, ...(options.workspace ? { userTeamId: options.workspace } : {}) });
      const res = await post(body);
      const responses = res.status === 200 ? await waitForResponses(id) : [];
      return { status: res.status, responses, later: () => world.slack.responses(id) };
    },
    async submitReject(user, reason, options = {}) {
      const view = options.modal ?? (world.slack.callsTo('views.open').at(-1)?.body.view as { callback_id: string; private_metadata: string } | undefined);
      if (!view) throw new Error('no modal was opened');
      const body = viewSubmissionBody({
        userId: user,
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        state: { reason: { text: { type: 'plain_text_input', value: reason } } },
        ...(options.workspace ? { userTeamId: options.workspace } : {}),
      });
      const res = await post(body);
      return { status: res.status, body: await res.text() };
    },
    async close() {
      await proc.stop();
    },
  };
}

/** Every mrkdwn/plain text in a message, joined, for content checks. */
export function textOf(message: { text?: unknown; blocks?: unknown } | undefined): string {
  const out: string[] = [String(message?.text ?? '')];
  JSON.stringify(message?.blocks ?? [], (key, value) => {
    if (key === 'text' && typeof value === 'string') out.push(value);
    return value;
  });
  return out.join('\n');
}

/** Keys that still have an Accept button in a message. */
export function acceptButtons(message: { blocks?: unknown } | undefined): string[] {
  return ((message?.blocks ?? []) as Block[]).flatMap((b) => (b.elements ?? []).filter((e) => e.action_id === ACCEPTANCE_ACTIONS.accept).map((e) => String(e.value)));
}
