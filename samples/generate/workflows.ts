/** Workflows of the sample projects: the path an item took to its status, and the transitions offered from each status. */
import type { TypeName } from './catalogue.js';
import { statusRef } from './catalogue.js';
import type { ProjectKey } from './projects.js';

function deliveryPath(project: ProjectKey, type: TypeName): string[] {
  if (type === 'Epic' || type === 'Initiative') return ['To Do', 'In Progress', 'Done'];
  if (project === 'PAY') {
    return type === 'Story' ? ['To Do', 'In Progress', 'Code Review', 'Ready for acceptance', 'Done'] : ['To Do', 'In Progress', 'Code Review', 'Done'];
  }
  if (project === 'GRO') return type === 'Story' ? ['To Do', 'In Progress', 'In Review', 'Done'] : ['To Do', 'In Progress', 'Done'];
  if (project === 'PLAT') return ['To Do', 'In Progress', 'Code Review', 'Done'];
  if (project === 'IDEA') return ['Parking lot', 'Discovery', 'Ready for delivery', 'Delivery', 'Launched'];
  return ['Open', 'In Progress', 'Done'];
}

/** Statuses an item passed through, from its initial status to `status` inclusive. */
export function statusPath(project: ProjectKey, type: TypeName, status: string, skipAcceptance = false): string[] {
  let path = deliveryPath(project, type);
  if (skipAcceptance) path = path.filter((name) => name !== 'Ready for acceptance' && name !== 'In Review');
  const index = path.indexOf(status);
  if (index >= 0) return path.slice(0, index + 1);
  // Closed without being done (Won't Do / Won't do): some work started first, then it was dropped.
  if (status === "Won't do") return [path[0] ?? 'Parking lot', 'Discovery', status];
  if (status === 'Ready for acceptance' || status === 'In Review' || status === 'Code Review') {
    throw new Error(`${project} ${type} cannot be in ${status}`);
  }
  return [path[0] ?? 'To Do', status];
}

interface TransitionDef {
  id: string;
  name: string;
  to: string;
}

const TRANSITIONS: Record<string, TransitionDef[]> = {
  'To Do': [
    { id: '11', name: 'Start progress', to: 'In Progress' },
    { id: '51', name: "Won't do", to: "Won't Do" },
  ],
  Open: [
    { id: '11', name: 'Start progress', to: 'In Progress' },
    { id: '41', name: 'Done', to: 'Done' },
  ],
  'In Progress': [
    { id: '21', name: 'Request code review', to: 'Code Review' },
    { id: '22', name: 'Ready for product review', to: 'In Review' },
    { id: '12', name: 'Stop progress', to: 'To Do' },
    { id: '41', name: 'Done', to: 'Done' },
  ],
  'Code Review': [
    { id: '31', name: 'Ready for acceptance', to: 'Ready for acceptance' },
    { id: '23', name: 'Back to In Progress', to: 'In Progress' },
    { id: '41', name: 'Done', to: 'Done' },
  ],
  'Ready for acceptance': [
    { id: '61', name: 'Accept', to: 'Done' },
    { id: '71', name: 'Reject', to: 'In Progress' },
  ],
  'In Review': [
    { id: '62', name: 'Accept', to: 'Done' },
    { id: '72', name: 'Send back', to: 'In Progress' },
  ],
  Done: [{ id: '81', name: 'Reopen', to: 'To Do' }],
  "Won't Do": [{ id: '81', name: 'Reopen', to: 'To Do' }],
  'Parking lot': [
    { id: '101', name: 'Start discovery', to: 'Discovery' },
    { id: '151', name: "Won't do", to: "Won't do" },
  ],
  Discovery: [
    { id: '111', name: 'Ready for delivery', to: 'Ready for delivery' },
    { id: '151', name: "Won't do", to: "Won't do" },
    { id: '102', name: 'Back to parking lot', to: 'Parking lot' },
  ],
  'Ready for delivery': [
    { id: '121', name: 'Start delivery', to: 'Delivery' },
    { id: '112', name: 'Back to discovery', to: 'Discovery' },
  ],
  Delivery: [{ id: '131', name: 'Launch', to: 'Launched' }],
  Launched: [{ id: '141', name: 'Reopen', to: 'Discovery' }],
  "Won't do": [{ id: '141', name: 'Reopen', to: 'Parking lot' }],
};

/** Map of status name → GET /rest/api/3/issue/{key}/transitions response for an issue in that status. */
export function transitionsByStatus(): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [status, transitions] of Object.entries(TRANSITIONS)) {
    result[status] = {
      expand: 'transitions',
      transitions: transitions.map((transition) => ({
        id: transition.id,
        name: transition.name,
        to: statusRef(transition.to),
        hasScreen: false,
        isGlobal: transition.name === 'Reopen',
        isInitial: false,
        isAvailable: true,
        isConditional: false,
        isLooped: false,
      })),
    };
  }
  return result;
}
