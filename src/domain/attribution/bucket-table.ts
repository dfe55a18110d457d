/**
 * A value (1–65535) for each of a few thousand hashed buckets, in an open-addressing table sized
 * to them. Every word of every item is looked up: the model's 3,000 weighted buckets take 96 KB
 * and stay in cache, where a flat array over all 2^18 buckets takes 512 KB and misses it on most words.
 */
export interface BucketTable {
  /** Bucket held by each slot; -1 for an empty slot. */
  keys: Int32Array;
  values: Uint16Array;
  mask: number;
  shift: number;
}

/** Load at most 1/4: a bucket that is not there (most words) meets an empty slot within a probe or two. */
const SLOTS_PER_ENTRY = 4;

export function bucketTable(entries: Iterable<readonly [bucket: number, value: number]>): BucketTable {
  const list = [...entries];
  let bits = 4;
  while (1 << bits < list.length * SLOTS_PER_ENTRY) bits++;
  const table: BucketTable = { keys: new Int32Array(1 << bits).fill(-1), values: new Uint16Array(1 << bits), mask: (1 << bits) - 1, shift: 32 - bits };
  for (const [bucket, value] of list) {
    let slot = slotOf(table, bucket);
    while (table.keys[slot] !== -1 && table.keys[slot] !== bucket) slot = (slot + 1) & table.mask;
    table.keys[slot] = bucket;
    table.values[slot] = value;
  }
  return table;
}

function slotOf(table: BucketTable, bucket: number): number {
  return Math.imul(bucket, 0x9e3779b1) >>> table.shift;
}

/** The bucket's value, 0 when the table does not hold it. */
export function lookUp(table: BucketTable, bucket: number): number {
  const keys = table.keys;
  for (let slot = slotOf(table, bucket); ; slot = (slot + 1) & table.mask) {
    const key = keys[slot] as number;
    if (key === bucket) return table.values[slot] as number;
    if (key === -1) return 0;
  }
}
