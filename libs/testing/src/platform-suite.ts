import { ApiKeyKind } from '@mp/contracts';
import { createTeamWithKeys, TeamKeys } from './admin-client';
import { AppName, PlatformProcesses } from './platform-processes';
import { createTestInfra, TestInfra } from './test-infra';

type InfraOptions = { s3?: boolean; natsUrl?: string; redisUrl?: string };

export interface PlatformOptions<Team extends string> {
  apps: readonly AppName[];
  /** Settings on top of the infrastructure's environment, for every started process. */
  env?: Record<string, string> | ((infra: TestInfra) => Record<string, string> | Promise<Record<string, string>>);
  /**
   * Embedded S3 unless `s3: false`; the test's own NATS or Redis by URL. A function is read when
   * the platform starts (the URL of a server the file starts in an earlier `beforeAll`).
   */
  infra?: InfraOptions | (() => InfraOptions);
  /** Teams to create through the admin API once the gateway answers: team name → key kinds. */
  teams?: Record<Team, ApiKeyKind[]>;
}

export interface PlatformSuiteOptions<Team extends string> extends PlatformOptions<Team> {
  /** Timeout of the starting `beforeAll`, when the default is too short. */
  startTimeoutMs?: number;
}

export interface StartedPlatform<Team extends string> {
  infra: TestInfra;
  platform: PlatformProcesses;
  teams: Record<Team, TeamKeys>;
  stop(): Promise<void>;
}

/** Fresh infrastructure, the built processes of `apps` on it and the teams; nothing is left running when a step fails. */
export async function startPlatform<Team extends string = never>(
  options: PlatformOptions<Team>,
): Promise<StartedPlatform<Team>> {
  const infra = await createTestInfra({
    s3: true,
    ...(typeof options.infra === 'function' ? options.infra() : options.infra),
  });
  let platform: PlatformProcesses | undefined;
  try {
    const extra = typeof options.env === 'function' ? await options.env(infra) : (options.env ?? {});
    platform = await PlatformProcesses.start({ ...infra.env, ...extra }, options.apps);
    const teams = {} as Record<Team, TeamKeys>;
    for (const [name, kinds] of Object.entries(options.teams ?? {}) as Array<[Team, ApiKeyKind[]]>) {
      teams[name] = await createTeamWithKeys(platform.gatewayUrl, name, kinds);
    }
    const started = platform;
    return {
      infra,
      platform: started,
      teams,
      stop: async () => {
        await started.stopAll();
        await infra.dispose();
      },
    };
  } catch (err) {
    await platform?.stopAll();
    await infra.dispose();
    throw err;
  }
}

export interface PlatformSuite<Team extends string> {
  readonly infra: TestInfra;
  readonly platform: PlatformProcesses;
  readonly gatewayUrl: string;
  team(name: Team): TeamKeys;
  /** Runs `cleanup` in the suite's `afterAll`, before the platform stops; the last registered runs first. */
  beforeStop(cleanup: () => unknown): void;
}

/**
 * Starts the platform in the calling describe block's `beforeAll` and stops it in its `afterAll`.
 * Hooks the test file declares after this call run after the start and after the stop: what must
 * end while the platform still runs (clients of its database, receivers it calls) goes in `beforeStop`.
 */
export function platformSuite<Team extends string = never>(options: PlatformSuiteOptions<Team>): PlatformSuite<Team> {
  let started: StartedPlatform<Team> | undefined;
  const cleanups: Array<() => unknown> = [];
  const running = (): StartedPlatform<Team> => {
    if (!started) throw new Error('the platform is not running: use the suite inside tests and hooks');
    return started;
  };
  beforeAll(async () => {
    started = await startPlatform(options);
  }, options.startTimeoutMs);
  afterAll(async () => {
    try {
      for (const cleanup of [...cleanups].reverse()) await cleanup();
    } finally {
      await started?.stop();
    }
  });
  return {
    get infra() {
      return running().infra;
    },
    get platform() {
      return running().platform;
    },
    get gatewayUrl() {
      return running().platform.gatewayUrl;
    },
    team: (name) => running().teams[name],
    beforeStop: (cleanup) => {
      cleanups.push(cleanup);
    },
  };
}
