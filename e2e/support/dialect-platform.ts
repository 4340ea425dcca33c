import {
  ALL_APPS,
  PlatformProcesses,
  StartedPlatform,
  startPlatform,
  TeamKeys,
  TEST_ADMIN_TOKEN,
  TestInfra,
} from '@mp/testing';
import { randomUUID } from 'node:crypto';

/** Every dialect with an OpenAPI document at `/docs/<id>.json`. */
export const DIALECTS = ['storage', 'admin', 's3-proxy', 'image', 'media', 'generation', 'bucket'] as const;
export type DialectId = (typeof DIALECTS)[number];

/** Every app but the notifier, which no dialect calls. */
export const PLATFORM_APPS = ALL_APPS.filter((app) => app !== 'notifier');

type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[] };
type Parameter = { name: string; in: 'path' | 'query'; required: boolean; schema: Schema };
type OpenApiOperation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: unknown[];
};
type OpenApi = { paths: Record<string, Record<string, OpenApiOperation>> };

/** One documented route of a dialect, as its OpenAPI document describes it. */
export interface DocumentedOperation {
  dialect: DialectId;
  method: string;
  path: string;
  pathParams: string[];
  queryParams: Parameter[];
  bodyContentType?: string;
  bodyProperties: string[];
}

/**
 * The core platform started from its built processes, with one team holding a key of every kind
 * the dialects use and a seed 003 account, so that a suite can call every documented route of
 * every dialect as its clients would.
 */
export class DialectPlatform {
  private constructor(
    private readonly started: StartedPlatform<string>,
    readonly team: TeamKeys,
    private readonly mediaToken: string,
  ) {}

  static async start(name: string): Promise<DialectPlatform> {
    const started = await startPlatform({
      apps: PLATFORM_APPS,
      teams: { [name]: ['cdt', 'kikaku_s3', 'image', 'kikaku', 'bucket'] },
      env: { GENERATION_RATE_LIMIT: '100000' },
    });
    try {
      const mediaToken = await mediaLogin(
        started.platform.gatewayUrl,
        started.teams[name].teamId,
        `${name}@example.com`,
      );
      return new DialectPlatform(started, started.teams[name], mediaToken);
    } catch (err) {
      await started.stop();
      throw err;
    }
  }

  get infra(): TestInfra {
    return this.started.infra;
  }

  get platform(): PlatformProcesses {
    return this.started.platform;
  }

  get gatewayUrl(): string {
    return this.platform.gatewayUrl;
  }

  stop(): Promise<void> {
    return this.started.stop();
  }

  credentials(dialect: DialectId): Record<string, string> {
    switch (dialect) {
      case 'storage':
        return { 'x-api-key': this.team.keys.cdt!.key! };
      case 'admin':
        return { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
      case 's3-proxy':
        return { authorization: `Bearer ${this.team.keys.kikaku_s3!.key!}` };
      case 'image':
        return { authorization: this.team.keys.image!.secret_key! };
      case 'media':
        return { authorization: `Bearer ${this.mediaToken}` };
      case 'generation':
        return { authorization: `Bearer ${this.team.keys.kikaku!.key!}` };
      case 'bucket':
        return { 'x-auth-token': this.team.keys.bucket!.key! };
    }
  }

  /** A concrete URL path of a documented path: the caller's app key, a searchable field, fresh ids elsewhere. */
  concrete(path: string, values: Record<string, string> = {}): string {
    return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (name in values) return values[name];
      if (name === 'appKey') return this.team.keys.image!.app_key!;
      if (name === 'field') return 'folder';
      if (name === 'teamId' || name === 'account') return this.team.teamId;
      return randomUUID();
    });
  }

  async operations(dialect: DialectId): Promise<DocumentedOperation[]> {
    const doc = (await (await fetch(`${this.gatewayUrl}/docs/${dialect}.json`)).json()) as OpenApi;
    return Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const [bodyContentType, body] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
        return {
          dialect,
          method: method.toUpperCase(),
          path,
          pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: (op.parameters ?? []).filter((p) => p.in === 'query'),
          bodyContentType,
          bodyProperties: Object.keys(body?.schema.properties ?? {}),
        };
      }),
    );
  }

  /** True when every started service still answers its readiness probe. */
  async allReady(): Promise<Record<string, number>> {
    const states: Record<string, number> = {};
    for (const app of PLATFORM_APPS) {
      const res = await fetch(`${this.platform.url(app)}/health/ready`).catch(() => undefined);
      states[app] = res?.status ?? 0;
    }
    return states;
  }
}

/** Starts a DialectPlatform in the calling describe block's `beforeAll` and stops it in its `afterAll`. */
export function dialectPlatformSuite(name: string): () => DialectPlatform {
  let under: DialectPlatform | undefined;
  beforeAll(async () => {
    under = await DialectPlatform.start(name);
  });
  afterAll(async () => {
    await under?.stop();
  });
  return () => {
    if (!under) throw new Error('the platform is not running: use it inside tests and hooks');
    return under;
  };
}

async function mediaLogin(gatewayUrl: string, teamId: string, username: string): Promise<string> {
  const password = `pw-${randomUUID()}`;
  const account = await fetch(`${gatewayUrl}/admin/v1/teams/${teamId}/accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, is_superuser: true }),
  });
  if (account.status !== 201) throw new Error(`account creation answered ${account.status}`);
  const login = await fetch(`${gatewayUrl}/api/v1/login/access-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  });
  return ((await login.json()) as { access_token: string }).access_token;
}
