import type { webApi } from '@slack/bolt';
import type { LookupByEmail } from '../people/person-lookup.js';

/** Slack user ids by email (`users.lookupByEmail`, scope `users:read.email`). */
export function slackLookupByEmail(client: webApi.WebClient): LookupByEmail {
  return async (email) => {
    try {
      const answer = await client.users.lookupByEmail({ email });
      return answer.user?.id ? { status: 'resolved', id: answer.user.id } : { status: 'not-found' };
    } catch (error) {
      if ((error as { data?: { error?: string } }).data?.error === 'users_not_found') return { status: 'not-found' };
      throw error;
    }
  };
}
