import type { TeamProfile } from '../domain/team.js';
import { needsAttention, type Verdict } from '../domain/verdict.js';
import type { WorkItem } from '../domain/work-item.js';
import { isAwaitingAcceptance } from '../domain/acceptance/acceptance-queue.js';
import type { ItemStore } from '../ports.js';

/**
 * The ItemStore in process memory, for runs without Redis (the demo, the digest preview).
 * Team membership comes from the verdict's team, as in the Redis store.
 */
export class MemoryItemStore implements ItemStore {
  private readonly items = new Map<string, WorkItem>();
  private readonly verdicts = new Map<string, Verdict>();

  constructor(private readonly teams: readonly Pick<TeamProfile, 'id' | 'acceptance'>[]) {}

  async getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  async getItems(keys: readonly string[]) {
    return keys.map((k) => this.items.get(k) ?? null);
  }
  async getVerdict(key: string) {
    return this.verdicts.get(key) ?? null;
  }
  async getVerdicts(keys: readonly string[]) {
    return keys.map((k) => this.verdicts.get(k) ?? null);
  }
  async teamItemKeys(teamId: string) {
    return [...this.verdicts.values()].filter((v) => v.teamId === teamId).map((v) => v.key);
  }
  async attentionKeys(teamId: string) {
    return [...this.verdicts.values()].filter((v) => v.teamId === teamId && needsAttention(v)).map((v) => v.key);
  }
  async awaitingAcceptanceKeys(teamId: string) {
    const team = this.teams.find((t) => t.id === teamId);
    if (!team) return [];
    return (await this.teamItemKeys(teamId)).filter((k) => {
      const item = this.items.get(k);
      return Boolean(item && isAwaitingAcceptance(item, team));
    });
  }
  async putItems(items: readonly WorkItem[]) {
    for (const item of items) this.items.set(item.key, item);
  }
  async putVerdicts(verdicts: readonly Verdict[]) {
    for (const verdict of verdicts) this.verdicts.set(verdict.key, verdict);
  }
  async deleteItems(keys: readonly string[]) {
    for (const key of keys) {
      this.items.delete(key);
      this.verdicts.delete(key);
    }
  }
  /** Every stored item, for free-text search when no Jira is configured. */
  allItems(): WorkItem[] {
    return [...this.items.values()];
  }
}
