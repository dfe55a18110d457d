import { PM, PO } from '../domain/verdict.js';
import { ACTIONS } from './action-ids.js';

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger') {
  return { type: 'button', text: { type: 'plain_text', text, emoji: true }, action_id: actionId, value, ...(style ? { style } : {}) };
}

/**
 * The ownership decision row shared by the verdict card and nudges: I own this, the role(s)
 * the verdict does not already name (both when it is unclear), Assign to…, Not applicable,
 * then the message's own last button (Share, Snooze).
 */
export function decisionButtons(key: string, role: string, last: { text: string; actionId: string }): unknown[] {
  return [
    button('I own this', ACTIONS.claim, key, 'primary'),
    ...(role === PO ? [] : [button("It's PO work", ACTIONS.markPo, key)]),
    ...(role === PM ? [] : [button("It's PM work", ACTIONS.markPm, key)]),
    { type: 'users_select', action_id: ACTIONS.assign, placeholder: { type: 'plain_text', text: 'Assign to…' } },
    button('Not applicable', ACTIONS.notApplicable, key),
    button(last.text, last.actionId, key),
  ];
}
