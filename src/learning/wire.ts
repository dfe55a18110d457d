import { enqueueRefit, startLearningWorker } from '../../workers/learning.worker.js';
import { QUEUES } from '../queue/queues.js';
import { registerRuleSuggestionActions } from '../slack/listeners/actions/rule-suggestion.js';
import type { Runtime } from '../runtime/build-runtime.js';
import { type Feature, reactTo } from '../runtime/feature.js';

/**
 * Learning the site's conventions: a refit after each batch of decisions, after a suggested
 * rule is adopted and when a `work` process starts (so the learned state is rebuilt from the
 * decisions after any loss); the buttons of the rules the digest suggests.
 */
export function wireLearning(rt: Runtime): Feature {
  const queue = rt.queue(QUEUES.learning);
  const teams = rt.config.teams.teams;
  const deps = { store: rt.adapters.items, decisions: rt.adapters.decisions, learned: rt.adapters.learned, teams, events: rt.events };
  const home = rt.identity.workspaceId ? { homeWorkspaceId: rt.identity.workspaceId } : {};
  return {
    reactions: [reactTo('decisionRecorded', () => enqueueRefit(queue, 'decision')), reactTo('ruleAdopted', () => enqueueRefit(queue, 'decision'))],
    listeners: [(app) => registerRuleSuggestionActions(app, { learned: rt.adapters.learned, teams, ...home, events: rt.events, now: () => rt.clock.now() })],
    worker: {
      queue: QUEUES.learning,
      start: () => startLearningWorker(deps, rt.connection('learning-worker'), rt.prefix),
      schedule: () => enqueueRefit(queue, 'start'),
    },
  };
}
