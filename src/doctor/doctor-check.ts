/** One thing a first install trips over, checked against the live workspace, site and Redis. */
export interface DoctorCheck {
  /** What was checked: "Slack scopes", "#C0PAYMENTS membership", "PAY acceptance transitions". */
  name: string;
  status: 'pass' | 'fail' | 'skip';
  /** What was found. */
  detail: string;
  /** How to fix a failure (or what would let a skipped check run). */
  fix?: string;
}

export const pass = (name: string, detail: string): DoctorCheck => ({ name, status: 'pass', detail });
export const fail = (name: string, detail: string, fix: string): DoctorCheck => ({ name, status: 'fail', detail, fix });
export const skip = (name: string, detail: string, fix?: string): DoctorCheck => ({ name, status: 'skip', detail, ...(fix ? { fix } : {}) });

const MARK: Record<DoctorCheck['status'], string> = { pass: '✓', fail: '✗', skip: '–' };

export function formatChecks(checks: readonly DoctorCheck[]): string {
  const lines = checks.map((c) => `${MARK[c.status]} ${c.name}: ${c.detail}${c.fix ? `\n    fix: ${c.fix}` : ''}`);
  const failed = checks.filter((c) => c.status === 'fail').length;
  const skipped = checks.filter((c) => c.status === 'skip').length;
  lines.push('');
  if (failed > 0) lines.push(`${failed} of ${checks.length} checks failed. Fix them and run npx who-owns doctor again.`);
  else lines.push(`${checks.length - skipped} of ${checks.length} checks passed${skipped ? `, ${skipped} could not run yet (see above)` : ''}. Next: npx who-owns start`);
  return lines.join('\n');
}

/** A check that threw (network, auth) fails with the error and a generic fix. */
export async function guarded(name: string, fix: string, run: () => Promise<DoctorCheck | DoctorCheck[]>): Promise<DoctorCheck[]> {
  try {
    const result = await run();
    return Array.isArray(result) ? result : [result];
  } catch (error) {
    const e = error as { data?: { error?: string }; message?: string; status?: number };
    return [fail(name, `could not check: ${e.data?.error ?? e.message ?? String(error)}`, fix)];
  }
}
