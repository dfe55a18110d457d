import { enqueueRefit, startLearningWorker } from '../../workers/learning.worker.js';
import { QUEUES } from '../queue/queues.js';
import type { Runtime } from '../runtime/build-runtime.js';
import type { Feature } from '../runtime/feature.js';

/**
 * Learning the site's conventions: a refit after each batch of decisions and when a `work`
 * process starts (so the learned state is rebuilt from the decisions after any loss).
 */
export function wireLearning(rt: Runtime): Feature {
  const queue = rt.queue(QUEUES.learning);
  rt.events.on('decisionRecorded', () => enqueueRefit(queue, 'decision'));
  const deps = { store: rt.adapters.items, decisions: rt.adapters.decisions, learned: rt.adapters.learned, teams: rt.config.teams.teams, events: rt.events };
  return {
    worker: {
      queue: QUEUES.learning,
      start: () => startLearningWorker(deps, rt.connection('learning-worker'), rt.prefix),
      schedule: () => enqueueRefit(queue, 'start'),
    },
  };
}
