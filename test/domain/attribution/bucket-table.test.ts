import { describe, expect, it } from 'vitest';
import { bucketTable, lookUp } from '../../../src/domain/attribution/bucket-table.js';
import { BUCKETS } from '../../../src/domain/attribution/text-hashing.js';

describe('bucketTable', () => {
  it('finds every bucket it holds and no other, as a model of a few thousand weighted words needs', () => {
    // Consecutive and strided buckets crowd the same slots, so probe chains run long.
    const held = new Map<number, number>();
    for (let i = 0; i < 3000; i++) held.set((i * 64) % BUCKETS, (i % 65535) + 1);
    for (let i = 0; i < 500; i++) held.set(BUCKETS - 1 - i, 7);
    const table = bucketTable(held);
    for (const [bucket, value] of held) expect(lookUp(table, bucket)).toBe(value);
    let strays = 0;
    for (let bucket = 0; bucket < BUCKETS; bucket++) if (!held.has(bucket) && lookUp(table, bucket) !== 0) strays++;
    expect(strays).toBe(0);
  });

  it('keeps the last value given for a bucket listed twice', () => {
    const table = bucketTable([
      [5, 1],
      [5, 2],
    ]);
    expect(lookUp(table, 5)).toBe(2);
    expect(lookUp(bucketTable([]), 5)).toBe(0);
  });
});
