import { describe, expect, it } from 'vitest';
import type { AcceptanceEntry } from '../../src/domain/acceptance/acceptance-queue.js';
import { workItem } from '../../src/domain/work-item.js';
import { reminderIdOfBlock, renderAcceptanceReminder } from '../../src/views/acceptance-blocks.js';

function entry(key: string, days: number): AcceptanceEntry {
  return {
    item: workItem({ key, summary: `Payout <export> & ${key}`, issueType: 'Story', hierarchyLevel: 0, status: 'Ready for acceptance', url: `https://acme-pay.atlassian.net/browse/${key}` }),
    waitingSince: '2026-11-18T09:00:00Z',
    workingDaysWaiting: days,
  };
}

const REMINDER = 'accept:payments:U0PRIYA01:2026-11-23';

describe('acceptance reminder message', () => {
  it('draws the waiting items with their buttons and one line per item that left, the block ids naming the reminder', () => {
    const message = renderAcceptanceReminder('Payments', [entry('PAY-463', 3), entry('PAY-474', 1)], { reminderId: REMINDER, left: ['PAY-441 — accepted in Jira (now Done)', 'PAY-446 — ↩️ sent back by Priya Nair'] });

    expect(message).toMatchSnapshot();
    expect(message.text).toBe('2 finished items in Payments wait for your acceptance');
    const actionBlocks = (message.blocks as { type: string; block_id?: string }[]).filter((b) => b.type === 'actions');
    expect(actionBlocks.map((b) => reminderIdOfBlock(b.block_id))).toEqual([REMINDER, REMINDER]);
  });

  it('says nothing waits any more once every listed item has left', () => {
    const message = renderAcceptanceReminder('Payments', [], { reminderId: REMINDER, left: ['PAY-474 — ✅ accepted by Priya Nair'] });

    expect(message.text).toBe('Nothing in Payments waits for your acceptance any more');
    expect(JSON.stringify(message.blocks)).not.toContain('who_owns_accept"');
    expect(reminderIdOfBlock('acceptance-actions:PAY-1')).toBeUndefined();
  });
});
