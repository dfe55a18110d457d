import { describe, expect, it } from 'vitest';
import { isIssueKey, jqlDateTime, jqlList, jqlString } from '../../src/jira/jql.js';

describe('jira/jql', () => {
  it('quotes user text so it stays one string literal', () => {
    expect(jqlString('pricing page')).toBe('"pricing page"');
    expect(jqlString('a" OR project = SECRET ORDER BY key')).toBe('"a\\" OR project = SECRET ORDER BY key"');
    expect(jqlString('back\\slash\nnew')).toBe('"back\\\\slash new"');
  });

  it('builds lists and date-times', () => {
    expect(jqlList(['PAY', 'GRO'])).toBe('("PAY", "GRO")');
    expect(jqlDateTime(new Date('2026-11-23T09:05:59Z'))).toBe('"2026-11-23 09:05"');
  });

  it('recognises issue keys', () => {
    expect(isIssueKey('PAY-231')).toBe(true);
    expect(isIssueKey('pay-231')).toBe(false);
    expect(isIssueKey('PAY-0')).toBe(false);
  });
});
