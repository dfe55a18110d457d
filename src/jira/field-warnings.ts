import type { FieldMap } from './field-map.js';

const READ_FIELDS: [keyof FieldMap, string, string][] = [
  ['sprint', 'Sprint', 'sprint membership'],
  ['rank', 'Rank', 'backlog order'],
];

/** Fields attribution reads that this site does not have (the rest of each item still syncs). */
export function missingFieldWarnings(fieldMap: FieldMap): string[] {
  const missing = READ_FIELDS.filter(([key]) => !fieldMap[key]).map(([, name, what]) => `field ${name} not found on this site: ${what} unknown`);
  if (fieldMap.storyPoints.length === 0) missing.push('field Story points not found on this site: estimates unknown');
  return missing;
}
