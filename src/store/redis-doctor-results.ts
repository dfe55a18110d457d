import type { Redis } from 'ioredis';
import type { DoctorCheck } from '../doctor/doctor-check.js';
import type { DoctorResults } from '../ports.js';

export interface DoctorRun {
  at: string;
  checks: DoctorCheck[];
}

/** The latest doctor run, so App Home can show the team-file people the same checks and fixes. */
export class RedisDoctorResults implements DoctorResults {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private get key(): string {
    return `${this.prefix}:doctor:latest`;
  }

  async save(checks: readonly DoctorCheck[], at: Date): Promise<void> {
    await this.redis.set(this.key, JSON.stringify({ at: at.toISOString(), checks: [...checks] } satisfies DoctorRun));
  }

  async latest(): Promise<DoctorRun | undefined> {
    const raw = await this.redis.get(this.key);
    return raw ? (JSON.parse(raw) as DoctorRun) : undefined;
  }
}
