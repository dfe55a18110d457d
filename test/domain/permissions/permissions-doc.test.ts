import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withPermissionTable } from '../../../scripts/permissions-table.js';

describe('docs/operations.md "Who may do what"', () => {
  it('is the permission table the app enforces (regenerate with npm run docs:permissions)', () => {
    const page = readFileSync('docs/operations.md', 'utf8');
    expect(page).toBe(withPermissionTable(page));
  });
});
