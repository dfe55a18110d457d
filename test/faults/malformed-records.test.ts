import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load-config.js';
import { attributeItem } from '../../src/domain/attribution/attribute-item.js';
import { indexTeams } from '../../src/domain/attribution/compile-teams.js';
import { DEFAULT_CLOUD_FIELD_MAP } from '../../src/jira/field-map.js';
import { safeNormaliseIssue } from '../../src/jira/normalise-issue.js';
import { recordFaultFigures } from './support/fault-figures.js';
import { malformedIssues } from './support/malformed-issues.js';

describe('faults/malformed-records', () => {
  it('1,200 malformed Jira records never crash normalisation or attribution: each is either attributed or refused with a reason', ({ task }) => {
    const teams = indexTeams(loadConfig({ WHO_OWNS_CONFIG: 'samples/who-owns.yaml' }).teams.teams);
    const variants = malformedIssues(1200);
    const crashes: string[] = [];
    let attributed = 0;
    let refused = 0;

    for (const variant of variants) {
      try {
        const result = safeNormaliseIssue(variant.raw, DEFAULT_CLOUD_FIELD_MAP);
        if (!result.ok) {
          expect(result.error.length).toBeGreaterThan(0);
          refused++;
          continue;
        }
        const verdict = attributeItem(result.item, { teams });
        expect(verdict.key).toBe(result.item.key);
        JSON.parse(JSON.stringify(verdict)); // the verdict must be storable
        attributed++;
      } catch (error) {
        crashes.push(`${variant.label}: ${(error as Error).message.slice(0, 120)}`);
      }
    }

    recordFaultFigures(task, { trials: variants.length, faultsInjected: variants.length, checked: variants.length, lost: crashes.length, detail: `records derived from real Cloud and Data Center issues with fields removed, nulled or of the wrong type, unknown issue types, 20,000-deep and 20,000-paragraph ADF, control characters: ${attributed} attributed, ${refused} refused with a reason, ${crashes.length} crashed.` });
    expect(crashes).toEqual([]);
    expect(attributed + refused).toBe(variants.length);
    // Some variants are only mildly broken: they must still be attributed, not thrown away.
    expect(attributed).toBeGreaterThan(variants.length / 4);
  });
});
