import { Injectable } from '@nestjs/common';

export interface DependencyCheck {
  name: string;
  check: () => Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  draining: boolean;
  checks: Record<string, { ok: boolean; error?: string; ms: number }>;
}

const CHECK_TIMEOUT_MS = 2000;

/** Dependencies register a check here; readiness is the conjunction of all of them. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, DependencyCheck>();
  private draining = false;

  register(check: DependencyCheck): void {
    this.checks.set(check.name, check);
  }

  /** Called when shutdown starts: readiness fails so load balancers stop sending work. */
  startDraining(): void {
    this.draining = true;
  }

  isDraining(): boolean {
    return this.draining;
  }

  async readiness(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks.values()].map(async (c) => {
        const started = Date.now();
        try {
          await withTimeout(c.check(), CHECK_TIMEOUT_MS, `${c.name} check timed out`);
          return [c.name, { ok: true, ms: Date.now() - started }] as const;
        } catch (err) {
          return [c.name, { ok: false, error: (err as Error).message, ms: Date.now() - started }] as const;
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    const ready = !this.draining && entries.every(([, r]) => r.ok);
    return { ready, draining: this.draining, checks };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
