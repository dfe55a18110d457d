import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../scripts/train/corpus.js';
import { cueMatcher, DEFAULT_CUE_SEARCH, findCues, findRoleCues, PM_CUES, PO_CUES, roleCueSearch } from '../../../src/domain/attribution/text-cues.js';
import { PM, PO } from '../../../src/domain/verdict.js';

const ownSearch = [cueMatcher(PM, PM_CUES), cueMatcher(PO, PO_CUES)];

describe('domain/attribution/text-cues', () => {
  it("finds in one pass each role's cues as that role's own search finds them, on real items and on awkward text", () => {
    const texts = [
      ...loadCorpus().flatMap(({ item }) => [item.summary, item.description.slice(0, 500)]),
      'Go-To-Market plan: market share, pricing, GTM',
      'Steps to reproduce:\n1. open\nExpected result: no crash; actual result: error',
      'error_code and ui_button are identifiers, not cues; UI/UX and CSS are',
      'marketing, prices and bugs are other words; h1 H2 arr MRR okrs are cues',
      'bug fix crash error log ui css timeout roadmap vision pricing market launch churn',
      'market research market share market go to market go-to-market product-market fit',
    ];
    expect(DEFAULT_CUE_SEARCH.roles).toEqual([PM, PO]);
    let found = 0;
    for (const text of texts) {
      for (const limit of [1, 4]) {
        const oneSearch = findRoleCues(DEFAULT_CUE_SEARCH, text, limit);
        expect(oneSearch).toEqual(ownSearch.map((matcher) => findCues(matcher, text, limit)));
        found += oneSearch.flat().length;
      }
    }
    expect(found).toBeGreaterThan(300);
    expect(findRoleCues(DEFAULT_CUE_SEARCH, 'Go-To-Market plan: market share, pricing bug')).toEqual([['go-to-market', 'market share', 'pricing'], ['bug']]);
  });

  it('refuses cue lists whose matches could overlap in some text, where one pass would hide a cue', () => {
    expect(() => roleCueSearch([[PM, ['market share']], [PO, ['share']]])).toThrow(/"market share" \(PM\) and "share" \(PO\) can overlap/);
    expect(() => roleCueSearch([[PM, ['market']], [PO, ['market share']]])).toThrow(/can overlap/);
    expect(() => roleCueSearch([[PM, ['go-to-market']], [PO, ['Market']]])).toThrow(/can overlap/);
    expect(() => roleCueSearch([[PM, ['market share']], [PO, ['share point']]])).toThrow(/can overlap/);
    expect(() => roleCueSearch([[PM, ['café']], [PO, ['bug']]])).toThrow(/"café" of PM is not ASCII words/);
    expect(roleCueSearch([[PM, ['market share', 'sharp']], [PO, ['marketing', 'sharepoint']]]).roles).toEqual([PM, PO]);
  });
});
