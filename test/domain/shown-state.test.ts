import { describe, expect, it } from 'vitest';
import { shownState } from '../../src/domain/verdict.js';

describe('the state a table shows', () => {
  it('shows no state for an unclear item of a staffed team, since nobody owns it yet', () => {
    expect(shownState({ role: 'unclear', state: 'owned' })).toBe('—');
  });

  it('keeps what else is wrong with an unclear item, and every state of an attributed one', () => {
    expect(shownState({ role: 'unclear', state: 'unmatched' })).toBe('unmatched');
    expect(shownState({ role: 'unclear', state: 'conflict' })).toBe('conflict');
    expect(shownState({ role: 'PO', state: 'owned' })).toBe('owned');
    expect(shownState({ role: 'PM', state: 'unowned' })).toBe('unowned');
  });
});
