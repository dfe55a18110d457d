import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../scripts/train/corpus.js';
import { attributeItem, SHIPPED_MODEL } from '../../../src/domain/attribution/attribute-item.js';
import { lookUp } from '../../../src/domain/attribution/bucket-table.js';
import { indexTeams } from '../../../src/domain/attribution/compile-teams.js';
import { DESCRIPTION_CHARS, extractFeatures, newWordFeatures, SUMMARY_CHARS } from '../../../src/domain/attribution/features.js';
import { modelLogits, wordPulls } from '../../../src/domain/attribution/model.js';
import { nameWordBuckets, pairBucket, wordHash } from '../../../src/domain/attribution/text-hashing.js';
import { normaliseExport, parseRawInput } from '../../../src/jira/read-export.js';

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

describe('words named in reasons', () => {
  const generated = ['cloud-v3-search.json', 'dc-v2-search.json'].flatMap((file) => normaliseExport(parseRawInput(readFileSync(fileURLToPath(new URL(`../../fixtures/eval/${file}`, import.meta.url)), 'utf8'))).items);
  const items = [...loadCorpus().map((e) => e.item), ...generated];

  /** The words and word pairs of a text as attribution reads them. */
  function terms(text: string, limit: number): Set<string> {
    const found = new Set<string>();
    nameWordBuckets(text, limit, (_, term) => found.add(term));
    return found;
  }

  it("are words of the item's own summary or description, even where one shares a bucket with a vocabulary word", () => {
    let named = 0;
    const missing: string[] = [];
    for (const item of items) {
      for (const reason of attributeItem(item, { teams: [] }).reasons) {
        if (reason.signal !== 'words') continue;
        const have = reason.evidence.field === 'summary' ? terms(item.summary, SUMMARY_CHARS) : terms(item.description, DESCRIPTION_CHARS);
        for (const term of reason.evidence.value.split(', ')) {
          named++;
          if (!have.has(term)) missing.push(`${item.key} ${reason.evidence.field}: ${term}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(named).toBeGreaterThan(2000);
  });

  it('name a word pair as the item writes it when its bucket is a different vocabulary word’s', () => {
    const bucket = pairBucket(wordHash('dc'), wordHash('sprint'));
    const vocabularyWord = SHIPPED_MODEL.rowWords[lookUp(SHIPPED_MODEL.rows, bucket)];
    // The premise: the shipped model's vocabulary names this bucket for another word.
    expect(vocabularyWord).toBeTruthy();
    expect(vocabularyWord).not.toBe('dc sprint');
    const settings = indexTeams([]).fallback;
    const item = { ...items[0]!, summary: 'DC sprint', description: '' };
    const pulls = wordPulls(SHIPPED_MODEL, extractFeatures({ item, settings, words: newWordFeatures() }), settings.weight, 0, 1);
    const named = [...pulls.toward, ...pulls.away].flatMap((p) => p.words);
    expect(named).toContain('dc sprint');
    expect(named).not.toContain(vocabularyWord);
  });
});
