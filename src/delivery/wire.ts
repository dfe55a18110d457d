import { startNotifyWorker } from '../../workers/notify.worker.js';
import { QUEUES } from '../queue/queues.js';
import { NOTIFY_CONCURRENCY, type Runtime } from '../runtime/build-runtime.js';
import type { Feature } from '../runtime/feature.js';

/** Delivery: every message any feature put in the outbox is posted (or edited) here, paced per channel. */
export function wireDelivery(rt: Runtime): Feature {
  const slack = rt.adapters.slack;
  if (!slack) return {};
  return {
    worker: {
      queue: QUEUES.notify,
      // The group's close() also stops the outbox repair timer.
      start: () =>
        startNotifyWorker({
          connection: rt.connection('notify-worker'),
          prefix: rt.prefix,
          outbox: rt.adapters.outbox,
          redis: rt.redis,
          slack: slack.delivery,
          concurrency: NOTIFY_CONCURRENCY,
          logger: rt.logger.child({ queue: QUEUES.notify }),
        }),
    },
  };
}
