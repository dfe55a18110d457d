import type { webApi } from '@slack/bolt';
import { metrics, outcomeOfError } from '../metrics.js';

/**
 * Counts every Web API call a WebClient makes, by method and outcome (429s included).
 * Every generated method (`chat.postMessage`, …) goes through `apiCall`, so wrapping it
 * once covers them all without touching feature code.
 */
export function instrumentSlackClient<T extends webApi.WebClient>(client: T): T {
  const original = client.apiCall.bind(client);
  client.apiCall = async (method: string, options?: Record<string, unknown>) => {
    try {
      const result = await original(method, options);
      metrics.slackCalls.inc({ method, outcome: 'ok' });
      return result;
    } catch (error) {
      metrics.slackCalls.inc({ method, outcome: outcomeOfError(error) });
      throw error;
    }
  };
  return client;
}
