import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../scripts/train/corpus.js';
import { SHIPPED_MODEL } from '../../../src/domain/attribution/attribute-item.js';
import { indexTeams } from '../../../src/domain/attribution/compile-teams.js';
import { extractFeatures, newWordFeatures } from '../../../src/domain/attribution/features.js';
import { modelLogits, wordPulls } from '../../../src/domain/attribution/model.js';

describe('domain/attribution/model wordPulls', () => {
  const settings = indexTeams([]).fallback;
  const items = loadCorpus().map((e) => e.item);
  const PO = SHIPPED_MODEL.classes.indexOf('PO');
  const PM = SHIPPED_MODEL.classes.indexOf('PM');
  const fresh = (i: number) => wordPulls(SHIPPED_MODEL, extractFeatures({ item: items[i]!, settings, words: newWordFeatures() }), settings.weight, PO, PM);

  it("names the item's own words whether or not the item was scored first, and never the previous item's", () => {
    const logits = new Float64Array(SHIPPED_MODEL.classes.length);
    let named = 0;
    for (let i = 1; i < items.length; i += 7) {
      // Scores the previous item into the shared buffers, then reads this one: nothing of the first may leak into the second.
      modelLogits(SHIPPED_MODEL, extractFeatures({ item: items[i - 1]!, settings }), settings.weight, logits);
      const unscored = wordPulls(SHIPPED_MODEL, extractFeatures({ item: items[i]!, settings }), settings.weight, PO, PM);
      const features = extractFeatures({ item: items[i]!, settings });
      modelLogits(SHIPPED_MODEL, features, settings.weight, logits);
      const scored = wordPulls(SHIPPED_MODEL, features, settings.weight, PO, PM);
      expect(unscored).toEqual(fresh(i));
      expect(scored).toEqual(fresh(i));
      named += scored.toward.length + scored.away.length;
    }
    expect(named).toBeGreaterThan(50);
  });
});
