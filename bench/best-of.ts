/** The fastest of `rounds` runs, in seconds: the least disturbed by the rest of the machine. */
export function bestOf(rounds: number, run: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    run();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return fastest;
}
