import { describe, expect, it } from 'vitest';
import { typePrior } from '../../../src/domain/attribution/type-priors.js';

describe('domain/attribution/type-priors', () => {
  it('knows type names real public sites use, whatever their case and spacing', () => {
    expect(typePrior('Bug/Defect')?.role).toBe('PO');
    expect(typePrior('Dev. Sub-task')?.role).toBe('PO');
    expect(typePrior('  Technical   task ')?.role).toBe('PO');
    expect(typePrior('BU Initiative')?.role).toBe('PM');
    expect(typePrior('PM Decision')?.role).toBe('PM');
    expect(typePrior('Idea')?.role).toBe('PM');
  });

  it('leaves service-desk and unknown types to the other signals', () => {
    expect(typePrior('Service Request')).toBeNull();
    expect(typePrior('Weather-Item')).toBeNull();
    // A site may name a type anything, including names every JavaScript object answers to.
    expect(typePrior('constructor')).toBeNull();
    expect(typePrior('toString')).toBeNull();
  });
});
