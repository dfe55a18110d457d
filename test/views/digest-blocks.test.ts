import { describe, expect, it } from 'vitest';
import { buildAcceptanceQueue } from '../../src/domain/acceptance/acceptance-queue.js';
import { buildWeeklyDigest } from '../../src/domain/digest/build-digest.js';
import { applyResolutionToDigest, shrinkDigest } from '../../src/domain/digest/digest-edits.js';
import { ACTIONS } from '../../src/views/action-ids.js';
import { renderDigestBlocks } from '../../src/views/digest-blocks.js';
import { messageChars, SLACK_LIMITS } from '../../src/views/slack-limits.js';
import { renderDigestText } from '../../src/views/digest-text.js';
import { renderDigestThread } from '../../src/views/digest-thread.js';
import { backlog, NOW, payments } from '../digest/digest-fixtures.js';

function digestOf(n: number) {
  const entries = backlog(n);
  const acceptance = buildAcceptanceQueue(
    entries.map((e) => e.item),
    payments,
    NOW,
  );
  return buildWeeklyDigest({ team: payments, entries, acceptance, now: NOW, week: '2026-W48', lastWeekByRole: { PO: 10, PM: 5, unclear: 4 } });
}

function expectWithinLimits(message: ReturnType<typeof renderDigestBlocks>) {
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.messageBlocks);
  for (const b of message.blocks) {
    const max = b.type === 'header' ? SLACK_LIMITS.headerText : SLACK_LIMITS.sectionText;
    expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(max);
  }
  expect(JSON.stringify(message.blocks).length).toBeLessThan(12_000);
  expect(messageChars(message.blocks)).toBeLessThan(SLACK_LIMITS.messageChars);
}

describe('views/digest-blocks', () => {
  it('renders a typical week: header, balance, worst first, with decision buttons', () => {
    const message = renderDigestBlocks(digestOf(40));

    expect(message.blocks[0]?.type).toBe('header');
    const actions = message.blocks.filter((b) => b.type === 'actions');
    expect(actions[0]?.elements?.map((e) => e.action_id)).toEqual([ACTIONS.markPo, ACTIONS.markPm, ACTIONS.claim]);
    expect(JSON.stringify(message.blocks)).toContain('&lt;with&gt; &amp; markup');
    expect(message).toMatchSnapshot();
    expectWithinLimits(message);
  });

  it('an all-clear week is one line', () => {
    const digest = buildWeeklyDigest({ team: payments, entries: backlog(6), acceptance: [], now: NOW, week: '2026-W48' });

    const message = renderDigestBlocks(digest);

    expect(message.blocks).toHaveLength(1);
    expect(message.blocks[0]?.text?.text).toContain('all clear');
    expect(message).toMatchSnapshot();
  });

  it('an empty team gets the one-line digest, within limits', () => {
    const message = renderDigestBlocks(buildWeeklyDigest({ team: payments, entries: [], acceptance: [], now: NOW, week: '2026-W48' }));

    expect(message.blocks).toHaveLength(1);
    expectWithinLimits(message);
  });

  it('a 5,000-item team stays within every limit and points to the full lists', () => {
    const digest = digestOf(5000);

    const message = renderDigestBlocks(digest);

    expectWithinLimits(message);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain(`${digest.attention.length - 5} more`);
    expect(text).toContain('/who-owns unclear');
    expect(renderDigestBlocks(shrinkDigest(digest))).toEqual(message);
    expect(text).toContain('the rest are in the thread');
  });

  it("the thread reply carries the rest of long lists, within limits, and is left out when all fits", () => {
    const huge = digestOf(5000);

    const thread = renderDigestThread(huge);

    expect(thread?.blocks.length).toBeGreaterThan(0);
    for (const b of thread?.blocks ?? []) expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(thread?.blocks[0]?.text?.text).toMatch(/more in Jira/);
    expect(renderDigestThread(digestOf(20))).toBeNull();
  });

  it('ticks a decided item and moves the counts', () => {
    const digest = shrinkDigest(digestOf(40));
    const key = digest.attention[0]?.item.key ?? '';
    const after = applyResolutionToDigest(digest, key, { decision: { role: 'PO', decidedBy: { slackId: 'U0PRIYA01' }, decidedAt: '2026-11-24T09:00:00Z', source: 'slack' } });

    const message = renderDigestBlocks(after ?? digest);

    expect(JSON.stringify(message.blocks)).toContain(`:white_check_mark: ~${key}~`);
    expect(message.blocks.some((b) => b.block_id === `digest_${key}`)).toBe(false);
    expect(message.text).toContain(`${(digest.totals?.attention ?? 0) - 1} need an owner`);
    expect(message).toMatchSnapshot();
  });

  it('ticks an item a refit made clear with the reason instead of a person', () => {
    const digest = shrinkDigest(digestOf(40));
    const key = digest.attention[0]?.item.key ?? '';
    const after = applyResolutionToDigest(digest, key, { attributed: { role: 'PM', why: 'learned from 14 decisions on this site: label `gtm` → PM (+1.1)', at: '2026-11-24T09:00:00Z' } });

    const message = renderDigestBlocks(after ?? digest);

    expect(JSON.stringify(message.blocks)).toContain(`:white_check_mark: ~${key}~`);
    expect(JSON.stringify(message.blocks)).toContain('no decision needed: learned from 14 decisions on this site: label `gtm` → PM (+1.1)');
    expect(message.blocks.some((b) => b.block_id === `digest_${key}`)).toBe(false);
    expect(message).toMatchSnapshot();
  });

  it('renders plain text for the terminal', () => {
    const text = renderDigestText(digestOf(40));

    expect(text).toContain('Payments — ownership digest, 2026-W48');
    expect(text).toContain("[It's PO work]");
    expect(text).not.toContain('&lt;');
  });
});
