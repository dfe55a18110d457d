import { describe, expect, it } from 'vitest';
import { buildAcceptanceQueue } from '../../../src/domain/acceptance/acceptance-queue.js';
import { buildWeeklyDigest } from '../../../src/domain/digest/build-digest.js';
import { applyResolutionToDigest, shrinkDigest } from '../../../src/domain/digest/digest-edits.js';
import { digestPeriod } from '../../../src/domain/digest/digest-period.js';
import { backlog, NOW, payments } from '../../digest/digest-fixtures.js';

const decision = { role: 'PM', decidedBy: { slackId: 'U0MARCO02', displayName: 'Marco' }, decidedAt: '2026-11-24T10:00:00Z', source: 'slack' as const };

function digestOf(n: number) {
  const entries = backlog(n);
  const acceptance = buildAcceptanceQueue(
    entries.map((e) => e.item),
    payments,
    NOW,
  );
  return buildWeeklyDigest({ team: payments, entries, acceptance, now: NOW, week: '2026-W48', lastWeekByRole: { PO: 40, PM: 30 } });
}

describe('domain/digest', () => {
  it('leaves out items with a security level and lists unclear items oldest first', () => {
    const digest = digestOf(100);

    const keys = digest.attention.map((e) => e.item.key);
    expect(keys).not.toContain('PAY-119');
    expect(keys.length).toBeGreaterThan(0);
    const created = digest.attention.map((e) => e.item.created);
    expect(created).toEqual([...created].sort());
    expect(digest.acceptance.every((a) => a.item.securityLevel === null)).toBe(true);
    expect(digest.balance.total).toBe(100 - Math.floor(100 / 17));
  });

  it('reports the change of each role since last week', () => {
    const digest = digestOf(100);

    expect(digest.change?.PO).toBe((digest.balance.byRole.PO ?? 0) - 40);
    expect(digest.change?.PM).toBe((digest.balance.byRole.PM ?? 0) - 30);
  });

  it('flags roadmap items whose target date passed', () => {
    const digest = digestOf(30);

    expect(digest.roadmap.map((r) => `${r.item.key}:${r.problem}`)).toContain('PAY-13:target-passed');
  });

  it('keeps full counts when cut, and a decision ticks a listed item once', () => {
    const digest = shrinkDigest(digestOf(1000));
    const key = digest.attention[0]?.item.key ?? '';

    const after = applyResolutionToDigest(digest, key, { decision });

    expect(digest.attention).toHaveLength(5);
    expect(digest.totals?.attention).toBeGreaterThan(100);
    expect(after?.totals?.attention).toBe((digest.totals?.attention ?? 0) - 1);
    expect(after?.ticked?.[key]?.role).toBe('PM');
    expect(after && applyResolutionToDigest(after, key, { decision })).toBeNull();
    expect(applyResolutionToDigest(digest, 'PAY-99999', { decision })).toBeNull();
  });

  it('an item made clear without a decision leaves the count of items needing an owner, and no one is thanked for it', () => {
    const digest = shrinkDigest(digestOf(40));
    const key = digest.attention[0]?.item.key ?? '';

    const after = applyResolutionToDigest(digest, key, { attributed: { role: 'PM', why: 'learned from 14 decisions on this site: label `gtm` → PM (+1.1)', at: '2026-11-24T09:00:00Z' } });

    expect(after?.ticked?.[key]).toEqual({ role: 'PM', why: 'learned from 14 decisions on this site: label `gtm` → PM (+1.1)' });
    expect(after?.totals?.attention).toBe((digest.totals?.attention ?? 0) - 1);
    expect(after?.totals?.resolved).toBe(digest.totals?.resolved);
    expect(after?.resolved).toEqual(digest.resolved);
    expect(after && applyResolutionToDigest(after, key, { decision })).toBeNull();
  });

  it('names the period by ISO week in the team zone', () => {
    // Sunday 23:30 UTC is already Monday in Berlin: next week there.
    expect(digestPeriod(new Date('2026-11-29T23:30:00Z'), 'Europe/Berlin')).toBe('2026-W49');
    expect(digestPeriod(new Date('2026-11-29T23:30:00Z'), 'America/New_York')).toBe('2026-W48');
  });
});
