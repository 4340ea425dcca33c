/**
 * Deployment manifests vs. the code: docker-compose.yml, the Helm chart and the Dockerfile must
 * deploy every app under apps/ with every env var its config schema needs.
 *
 * Nothing is hard-coded about what an app needs: the apps are the directories under apps/, and
 * the variables come from each app's zod schema (`apps/<app>/src/app.config.ts`), so adding an
 * app or a required variable without deploying it fails here. Reads repo files only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const CHART = join(ROOT, 'deploy', 'helm', 'media-platform');

/** Apps that scale horizontally on CPU in Kubernetes (their work is shared through queue groups, durable consumers and BullMQ). */
const WORKER_APPS = ['files', 'search-indexer', 'image-ops', 'generation-broker', 'notifier'];
/** Defaults that only suit the embedded development server: a container must always set them. */
const NEVER_DEFAULTED = ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];
/** Variables holding credentials: they belong in the chart's Secret, never in its ConfigMap. */
const SECRET_LIKE = /TOKEN|SECRET|PASSWORD|^DATABASE_URL$/;

// ---------------------------------------------------------------------------------------------
// Reading the apps and their config schemas

interface ParseResult {
  success: boolean;
  data?: unknown;
  error?: { issues: { message: string }[] };
}
interface FieldSchema {
  safeParse(value: unknown): ParseResult;
}
interface ConfigSchema {
  shape: Record<string, FieldSchema>;
}
interface AppInfo {
  name: string;
  schema: ConfigSchema;
  /** The variable holding the port of /health and /metrics (gateway: PORT, others: HTTP_PORT). */
  portKey: string;
  defaultPort: number;
  /** Has src/migrate.ts (run by the migrate service / the migration Job). */
  migrates: boolean;
  /** Uses object storage (schema includes the storage settings). */
  usesStorage: boolean;
}

const readText = (...path: string[]) => readFileSync(join(...path), 'utf8');
const readYaml = (...path: string[]): any => parse(readText(...path), { merge: true });

/** The apps that run as processes (they have a `src/main.ts`); the portal is static files the gateway serves. */
const APP_NAMES = readdirSync(join(ROOT, 'apps'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
  .filter((entry) => existsSync(join(ROOT, 'apps', entry.name, 'src', 'main.ts')))
  .map((entry) => entry.name)
  .sort();

function isSchema(value: unknown): value is ConfigSchema {
  const candidate = value as (Partial<ConfigSchema> & { safeParse?: unknown }) | null;
  return (
    !!candidate &&
    typeof candidate.safeParse === 'function' &&
    typeof candidate.shape === 'object' &&
    candidate.shape !== null
  );
}

/** The app's config schema, imported from its own source (`apps/<app>/src/app.config.ts`). */
function loadSchema(app: string): ConfigSchema {
  const file = join(ROOT, 'apps', app, 'src', 'app.config.ts');
  if (!existsSync(file)) throw new Error(`apps/${app} has no src/app.config.ts`);
  // Read-only use of the app's config contract, resolved relative to this file.
  const exported = require(`../../apps/${app}/src/app.config`) as Record<string, unknown>;
  const schemas = Object.entries(exported).filter(([, value]) => isSchema(value));
  const preferred = schemas.filter(([name]) => /ConfigSchema$/.test(name));
  const chosen = preferred.length === 1 ? preferred : schemas;
  if (chosen.length !== 1) {
    throw new Error(
      `apps/${app}/src/app.config.ts should export exactly one config schema, found: ${schemas.map(([n]) => n).join(', ') || 'none'}`,
    );
  }
  return chosen[0][1] as ConfigSchema;
}

const defaultOf = (field: FieldSchema): unknown => {
  const result = field.safeParse(undefined);
  return result.success ? result.data : undefined;
};
/** Zod 4: a key without default that is not optional rejects `undefined`. */
const isRequired = (field: FieldSchema) => !field.safeParse(undefined).success;
const pointsAtThisMachine = (value: unknown) =>
  typeof value === 'string' && /127\.0\.0\.1|localhost|\[::1\]/.test(value);

const APPS: AppInfo[] = APP_NAMES.map((name) => {
  const schema = loadSchema(name);
  const portKey = 'PORT' in schema.shape ? 'PORT' : 'HTTP_PORT';
  return {
    name,
    schema,
    portKey,
    defaultPort: Number(schema.shape[portKey] ? defaultOf(schema.shape[portKey]) : NaN),
    migrates: existsSync(join(ROOT, 'apps', name, 'src', 'migrate.ts')),
    usesStorage: 'S3_BUCKET' in schema.shape,
  };
});
const app = (name: string) => APPS.find((a) => a.name === name);

/**
 * Variables a deployment must set for an app: every required key (no default, not optional),
 * every key whose default points at localhost (fine for `pnpm start`, wrong in a container),
 * and the embedded server's S3 credentials.
 */
function mustProvide(info: AppInfo): string[] {
  return Object.entries(info.schema.shape)
    .filter(
      ([key, field]) => isRequired(field) || pointsAtThisMachine(defaultOf(field)) || NEVER_DEFAULTED.includes(key),
    )
    .map(([key]) => key)
    .sort();
}

/** Variables documented in docs/configuration.md (some are documented before their schema lands). */
function documentedKeys(): Set<string> {
  const file = join(ROOT, 'docs', 'configuration.md');
  if (!existsSync(file)) return new Set();
  return new Set([...readText(file).matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`/gm)].map((m) => m[1]));
}
const KNOWN_KEYS = new Set<string>(['APP', ...APPS.flatMap((a) => Object.keys(a.schema.shape)), ...documentedKeys()]);

/** Values an app would reject (only keys its schema declares; unknown keys are stripped by zod). */
function invalidValues(info: AppInfo, env: Record<string, string>): string[] {
  return Object.entries(env)
    .filter(([key]) => key in info.schema.shape)
    .map(([key, value]) => [key, value, info.schema.shape[key].safeParse(value)] as const)
    .filter(([, , result]) => !result.success)
    .map(
      ([key, value, result]) =>
        `${key}=${JSON.stringify(value)}: ${result.error?.issues.map((i) => i.message).join('; ')}`,
    );
}

it('finds the apps and their config schemas', () => {
  expect(APP_NAMES.length).toBeGreaterThan(0);
  for (const info of APPS) {
    expect({ app: info.name, portKey: info.portKey, port: info.defaultPort }).toEqual({
      app: info.name,
      portKey: info.portKey,
      port: expect.any(Number),
    });
    expect(Number.isInteger(info.defaultPort)).toBe(true);
  }
});

// ---------------------------------------------------------------------------------------------
// docker-compose.yml

/** `${VAR}` interpolation as Compose does it with VAR unset: defaults apply, `?`/bare references need input. */
function interpolate(raw: unknown): { value: string; needsInput: boolean; variables: string[] } {
  let needsInput = false;
  const variables: string[] = [];
  const value = String(raw).replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, braced: string | undefined, op: string | undefined, arg: string | undefined, bare: string | undefined) => {
      if (match === '$$') return '$';
      variables.push((braced ?? bare) as string);
      if (op === '-' || op === ':-') return arg ?? '';
      needsInput = true;
      return '';
    },
  );
  return { value, needsInput, variables };
}

function envOf(service: any): Record<string, string> {
  const env = service?.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry: string) => {
        const at = String(entry).indexOf('=');
        return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

/** The resolvable values of an environment (what the container gets when only the required inputs are supplied). */
function resolvedEnv(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .map(([key, raw]) => [key, interpolate(raw)] as const)
      .filter(([, r]) => !r.needsInput)
      .map(([key, r]) => [key, r.value]),
  );
}

function dependsOn(service: any): Record<string, string> {
  const deps = service?.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d: string) => [d, 'service_started']));
  return Object.fromEntries(
    Object.entries(deps).map(([name, spec]) => [
      name,
      (spec as { condition?: string })?.condition ?? 'service_started',
    ]),
  );
}

const commandText = (value: unknown) => (Array.isArray(value) ? value.join(' ') : String(value ?? ''));
const seconds = (duration: unknown) => {
  const m = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(String(duration ?? ''));
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN;
};

describe('docker-compose.yml', () => {
  const compose = readYaml(ROOT, 'docker-compose.yml');
  const services: Record<string, any> = compose.services ?? {};

  it('shares the app environment through an x-app-env anchor', () => {
    expect(compose['x-app-env']).toEqual(expect.any(Object));
    expect(readText(ROOT, 'docker-compose.yml')).toMatch(/<<: \*app-env/);
  });

  describe.each(APP_NAMES)('app %s', (name) => {
    const info = app(name) as AppInfo;
    const service = services[name];
    const env = envOf(service);
    const resolved = resolvedEnv(env);

    it('is a service built from the one Dockerfile with APP set', () => {
      expect(service).toBeDefined();
      const build = service.build;
      expect(typeof build === 'string' ? build : build?.context).toBe('.');
      expect(typeof build === 'object' && build?.dockerfile ? build.dockerfile : 'Dockerfile').toBe('Dockerfile');
      expect(env.APP).toBe(name);
    });

    it('gets every variable its config schema needs, with values the schema accepts', () => {
      const missing = mustProvide(info).filter((key) => !(key in env) || env[key] === '');
      expect({ app: name, missing }).toEqual({ app: name, missing: [] });
      expect({ app: name, invalid: invalidValues(info, resolved) }).toEqual({ app: name, invalid: [] });
      if ('DB_MIGRATE_ON_BOOT' in info.schema.shape) expect(resolved.DB_MIGRATE_ON_BOOT).toBe('false');
    });

    it('sets no variable that no app or doc knows (typos)', () => {
      expect(Object.keys(env).filter((key) => !KNOWN_KEYS.has(key))).toEqual([]);
    });

    it('has a healthcheck on /health/ready of its own port', () => {
      const port = resolved[info.portKey] ?? String(info.defaultPort);
      const test = commandText(service?.healthcheck?.test);
      expect(test).toContain(`:${port}/health/ready`);
      expect(service.healthcheck.disable).not.toBe(true);
    });

    it('starts after its infrastructure is healthy and the migrations have run', () => {
      const deps = dependsOn(service);
      expect(deps).toMatchObject({
        postgres: 'service_healthy',
        redis: 'service_healthy',
        nats: 'service_healthy',
        migrate: 'service_completed_successfully',
      });
      if (info.usesStorage)
        expect(deps).toMatchObject({ minio: 'service_healthy', 'minio-init': 'service_completed_successfully' });
    });

    it('gets time to shut down gracefully', () => {
      const shutdownMs = Number(resolved.SHUTDOWN_TIMEOUT_MS ?? defaultOf(info.schema.shape.SHUTDOWN_TIMEOUT_MS));
      expect(seconds(service.stop_grace_period)).toBeGreaterThan(shutdownMs / 1000);
    });
  });

  it('publishes the gateway on port 8080', () => {
    const ports = (services.gateway?.ports ?? []).map((p: unknown) =>
      typeof p === 'object' && p ? `${(p as any).published}:${(p as any).target}` : String(p),
    );
    expect(ports.some((p: string) => /(^|:)8080:8080$/.test(p))).toBe(true);
  });

  it('runs every app migration once, before the apps, in a one-shot migrate service', () => {
    const migrate = services.migrate;
    expect(migrate).toBeDefined();
    expect(String(migrate.restart ?? 'no')).toBe('no');
    const cmd = commandText(migrate.command);
    for (const info of APPS.filter((a) => a.migrates)) {
      expect(cmd.includes('apps/*/dist/migrate.js') || cmd.includes(`apps/${info.name}/dist/migrate.js`)).toBe(true);
      // migrate.js validates the app's whole config before migrating.
      const env = envOf(migrate);
      expect({ app: info.name, missing: mustProvide(info).filter((k) => !(k in env)) }).toEqual({
        app: info.name,
        missing: [],
      });
      expect({ app: info.name, invalid: invalidValues(info, resolvedEnv(env)) }).toEqual({
        app: info.name,
        invalid: [],
      });
    }
    expect(dependsOn(migrate)).toMatchObject({ postgres: 'service_healthy' });
  });

  it('runs postgres 15 with the media database', () => {
    expect(String(services.postgres?.image)).toMatch(/^postgres:15/);
    expect(envOf(services.postgres).POSTGRES_DB).toBe('media');
    expect(interpolate(envOf(services.files).DATABASE_URL).value).toMatch(/@postgres:5432\/media$/);
  });

  it('runs redis 7 with noeviction (BullMQ) and append-only persistence', () => {
    expect(String(services.redis?.image)).toMatch(/^redis:7/);
    const cmd = commandText(services.redis?.command);
    expect(cmd).toMatch(/--maxmemory-policy[ =]noeviction/);
    expect(cmd).toMatch(/--appendonly[ =]yes/);
  });

  it('runs nats 2.10 with JetStream stored on a volume', () => {
    expect(String(services.nats?.image)).toMatch(/^nats:2\.10/);
    const args: string[] = (
      Array.isArray(services.nats?.command) ? services.nats.command : commandText(services.nats?.command).split(/\s+/)
    ).map(String);
    expect(args).toContain('-js');
    const storeDir = args[args.indexOf('-sd') + 1] ?? args[args.indexOf('--store_dir') + 1];
    expect(storeDir).toBeTruthy();
    expect((services.nats.volumes ?? []).map(String).some((v: string) => v.split(':')[1] === storeDir)).toBe(true);
  });

  it('runs elasticsearch 8 single-node without security for the search-indexer', () => {
    const es = services.elasticsearch;
    expect(String(es?.image)).toMatch(/elasticsearch:8\./);
    expect(envOf(es)).toMatchObject({ 'discovery.type': 'single-node', 'xpack.security.enabled': 'false' });
    if (app('search-indexer'))
      expect(envOf(services['search-indexer']).ELASTICSEARCH_URL).toBe('http://elasticsearch:9200');
  });

  it('sends MinIO bucket notifications of the media bucket to the files service', () => {
    const minio = envOf(services.minio);
    const files = app('files') as AppInfo;
    const filesEnv = envOf(services.files);
    const bucket = interpolate(filesEnv.S3_BUCKET).value;
    expect(bucket).toBe('media');
    expect(minio.MINIO_NOTIFY_WEBHOOK_ENABLE_FILES).toBe('on');
    const endpoint = new URL(interpolate(minio.MINIO_NOTIFY_WEBHOOK_ENDPOINT_FILES).value);
    const filesPort = resolvedEnv(filesEnv)[files.portKey] ?? String(files.defaultPort);
    expect({ host: endpoint.hostname, port: endpoint.port, path: endpoint.pathname }).toEqual({
      host: 'files',
      port: filesPort,
      path: '/internal/storage-events',
    });
    // MinIO sends `Authorization: Bearer <token>`; files checks it against the same variable.
    const token = interpolate(minio.MINIO_NOTIFY_WEBHOOK_AUTH_TOKEN_FILES);
    expect(token.variables).toEqual(['STORAGE_EVENTS_TOKEN']);
    expect(interpolate(filesEnv.STORAGE_EVENTS_TOKEN).variables).toEqual(['STORAGE_EVENTS_TOKEN']);

    const init = services['minio-init'];
    expect(String(init?.image)).toMatch(/minio\/mc/);
    expect(dependsOn(init)).toMatchObject({ minio: 'service_healthy' });
    const script = commandText(init.command) + commandText(init.entrypoint);
    expect(script).toMatch(new RegExp(`mc mb [^\\n]*local/${bucket}\\b`));
    expect(script).toMatch(new RegExp(`mc event add local/${bucket} arn:minio:sqs::FILES:webhook --event put,delete`));
  });
});

// ---------------------------------------------------------------------------------------------
// Helm chart (Go templates: values.yaml is parsed, templates are read as text)

/** Keys the chart's templates set themselves (see templates/_helpers.tpl). */
const CHART_SET = (info: AppInfo, values: any): Record<string, string> => ({
  APP: info.name,
  [values.apps[info.name].portEnv ?? 'HTTP_PORT']: String(values.apps[info.name].port),
  DB_MIGRATE_ON_BOOT: 'false',
  SHUTDOWN_TIMEOUT_MS: String(values.shutdown.timeoutMs),
  ...(values.apps[info.name].metricsPort ? { METRICS_PORT: String(values.apps[info.name].metricsPort) } : {}),
});
const present = (value: unknown) => value !== null && value !== undefined && String(value) !== '';
const nonEmpty = (map: Record<string, unknown> | undefined) =>
  Object.fromEntries(
    Object.entries(map ?? {})
      .filter(([, v]) => present(v))
      .map(([k, v]) => [k, String(v)]),
  );

describe('Helm chart deploy/helm/media-platform', () => {
  const chart = readYaml(CHART, 'Chart.yaml');
  const values = readYaml(CHART, 'values.yaml');
  const template = (file: string) => readText(CHART, 'templates', file);
  const requiredSecrets: string[] = values.requiredSecrets ?? [];

  it('is a v2 application chart', () => {
    expect(chart).toMatchObject({ apiVersion: 'v2', name: 'media-platform', type: 'application' });
    expect(chart.version).toEqual(expect.any(String));
  });

  it('lists exactly the apps under apps/', () => {
    expect(Object.keys(values.apps ?? {}).sort()).toEqual(APP_NAMES);
  });

  describe.each(APP_NAMES)('app %s', (name) => {
    const info = app(name) as AppInfo;
    const entry = values.apps?.[name] ?? {};

    it('serves health on the port variable its schema reads', () => {
      expect(entry.enabled).toBe(true);
      expect(entry.portEnv ?? 'HTTP_PORT').toBe(info.portKey);
      expect(Number.isInteger(entry.port)).toBe(true);
      expect(entry.resources?.requests?.cpu).toBeTruthy();
      expect(entry.resources?.requests?.memory).toBeTruthy();
    });

    it('runs its migrations in the Job exactly when it has migrate.ts', () => {
      expect(entry.migrate === true).toBe(info.migrates);
    });

    it('gets every variable its config schema needs from config, secrets or its own env', () => {
      const provided = new Set([
        ...Object.keys(CHART_SET(info, values)),
        ...Object.keys(nonEmpty(values.config)),
        ...Object.keys(nonEmpty(values.secrets)),
        ...requiredSecrets,
        ...Object.keys(nonEmpty(entry.env)),
      ]);
      expect({ app: name, missing: mustProvide(info).filter((key) => !provided.has(key)) }).toEqual({
        app: name,
        missing: [],
      });
      const concrete = {
        ...nonEmpty(values.config),
        ...nonEmpty(values.secrets),
        ...nonEmpty(entry.env),
        ...CHART_SET(info, values),
      };
      expect({ app: name, invalid: invalidValues(info, concrete) }).toEqual({ app: name, invalid: [] });
    });

    it('keeps credentials out of the ConfigMap and out of plain env', () => {
      const secretKeys = Object.keys(info.schema.shape).filter((key) => SECRET_LIKE.test(key));
      for (const key of secretKeys) {
        expect({ key, inSecrets: key in (values.secrets ?? {}) }).toEqual({ key, inSecrets: true });
        expect({ key, inConfig: key in (values.config ?? {}) || key in (entry.env ?? {}) }).toEqual({
          key,
          inConfig: false,
        });
      }
    });

    it('sets no variable that no app or doc knows (typos)', () => {
      expect(Object.keys(entry.env ?? {}).filter((key) => !KNOWN_KEYS.has(key))).toEqual([]);
    });

    if (WORKER_APPS.includes(name)) {
      it('scales horizontally on CPU', () => {
        expect(entry.hpa?.enabled).toBe(true);
        expect(entry.hpa.minReplicas).toBeGreaterThanOrEqual(1);
        expect(entry.hpa.maxReplicas).toBeGreaterThanOrEqual(entry.hpa.minReplicas);
        expect(entry.hpa.targetCPUUtilizationPercentage).toBeGreaterThan(0);
        expect(entry.hpa.targetCPUUtilizationPercentage).toBeLessThanOrEqual(100);
      });
    }
  });

  it('keeps shared config and secrets free of unknown keys', () => {
    const keys = [...Object.keys(values.config ?? {}), ...Object.keys(values.secrets ?? {}), ...requiredSecrets];
    expect(keys.filter((key) => !KNOWN_KEYS.has(key))).toEqual([]);
    expect(requiredSecrets.filter((key) => !(key in (values.secrets ?? {})))).toEqual([]);
    expect(values.config?.SHUTDOWN_TIMEOUT_MS).toBeUndefined();
  });

  it('requires the secrets every app needs: ADMIN_TOKEN, S3 keys, DATABASE_URL; STORAGE_EVENTS_TOKEN is offered', () => {
    const schemaKeys = new Set(APPS.flatMap((a) => Object.keys(a.schema.shape)));
    for (const key of ['ADMIN_TOKEN', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'DATABASE_URL'].filter((k) =>
      schemaKeys.has(k),
    )) {
      expect(requiredSecrets).toContain(key);
    }
    if (schemaKeys.has('STORAGE_EVENTS_TOKEN')) expect(Object.keys(values.secrets)).toContain('STORAGE_EVENTS_TOKEN');
  });

  it('gives pods longer than preStop sleep + SHUTDOWN_TIMEOUT_MS to stop', () => {
    const { timeoutMs, preStopSleepSeconds, terminationGracePeriodSeconds } = values.shutdown ?? {};
    for (const info of APPS) {
      expect(info.schema.shape.SHUTDOWN_TIMEOUT_MS.safeParse(String(timeoutMs)).success).toBe(true);
    }
    expect(preStopSleepSeconds).toBeGreaterThan(0);
    expect(terminationGracePeriodSeconds).toBeGreaterThan(preStopSleepSeconds + timeoutMs / 1000);
  });

  it('exposes the gateway through an Ingress and protects it with a PodDisruptionBudget', () => {
    expect(values.ingress).toMatchObject({ enabled: true, host: expect.any(String) });
    expect(values.apps.gateway.pdb?.enabled).toBe(true);
    expect(values.apps.gateway.replicas).toBeGreaterThan(values.apps.gateway.pdb.minAvailable ?? 1);
  });

  it('runs migrations in a pre-install/pre-upgrade hook Job', () => {
    expect(values.migrations?.enabled).toBe(true);
    const documents = template('migration-job.yaml').split(/^---$/m);
    const job = documents.find((doc) => /^kind: Job$/m.test(doc)) ?? '';
    expect(job).toMatch(/^kind: Job$/m);
    expect(job).toMatch(/^ {4}"helm\.sh\/hook": pre-install,pre-upgrade$/m);
    expect(job).toMatch(/range \$name, \$app := \.Values\.apps[\s\S]*apps\/%s\/dist\/migrate\.js/);
    // The Job reads its env before the release's own ConfigMap/Secret exist: hook copies come first.
    for (const kind of ['ConfigMap', 'Secret']) {
      const doc = documents.find((d) => new RegExp(`^kind: ${kind}$`, 'm').test(d)) ?? '';
      expect(doc).toMatch(/"helm\.sh\/hook": pre-install,pre-upgrade/);
      expect(doc).toMatch(/"helm\.sh\/hook-weight": "-\d+"/);
    }
  });

  it('generates a Deployment per app with probes, shared env, graceful shutdown and no boot-time migrations', () => {
    const deployment = template('deployment.yaml');
    const helpers = template('_helpers.tpl');
    expect(deployment).toMatch(/range \$name, \$app := \.Values\.apps/);
    expect(deployment).toMatch(/^kind: Deployment$/m);
    expect(deployment).toMatch(/livenessProbe:\s+httpGet:\s+path: \/health\/live/);
    expect(deployment).toMatch(/readinessProbe:\s+httpGet:\s+path: \/health\/ready/);
    expect(deployment).toMatch(/preStop:\s+exec:\s+command: \["sleep"/);
    expect(deployment).toContain('terminationGracePeriodSeconds:');
    expect(deployment).toMatch(/configMapRef:[\s\S]*secretRef:/);
    expect(deployment).toContain('media-platform.appEnv');
    expect(helpers).toMatch(/- name: APP\n/);
    expect(helpers).toMatch(/- name: DB_MIGRATE_ON_BOOT\n\s+value: "false"/);
    expect(helpers).toContain('SHUTDOWN_TIMEOUT_MS: {{');
  });

  it('has a Service per app, the Ingress, the HPA, the PDB, the ConfigMap and the Secret', () => {
    expect(template('service.yaml')).toMatch(/range \$name, \$app := \.Values\.apps[\s\S]*^kind: Service$/m);
    expect(template('ingress.yaml')).toMatch(/^kind: Ingress$/m);
    expect(template('ingress.yaml')).toContain('"app" "gateway"');
    expect(template('hpa.yaml')).toMatch(/^kind: HorizontalPodAutoscaler$/m);
    expect(template('hpa.yaml')).toMatch(/name: cpu/);
    expect(template('pdb.yaml')).toMatch(/^kind: PodDisruptionBudget$/m);
    expect(template('configmap.yaml')).toMatch(/^kind: ConfigMap$/m);
    expect(template('secret.yaml')).toMatch(/^kind: Secret$/m);
  });

  it('gives every app the health endpoints its probes call', () => {
    const health = readText(ROOT, 'libs', 'platform', 'src', 'health', 'health.controller.ts');
    expect(health).toMatch(/@Controller\('health'\)/);
    expect(health).toMatch(/@Get\('live'\)/);
    expect(health).toMatch(/@Get\('ready'\)/);
    // serviceModule() imports PlatformModule.forRoot(), which serves /health/live and /health/ready.
    expect(readText(ROOT, 'libs', 'platform', 'src', 'service-module.ts')).toMatch(/PlatformModule\.forRoot\(/);
    for (const name of APP_NAMES) {
      const module = readText(ROOT, 'apps', name, 'src', 'app.module.ts');
      const platform = /PlatformModule\.forRoot\(|serviceModule\(/.test(module);
      expect({ app: name, platform }).toEqual({ app: name, platform: true });
    }
    const deployment = template('deployment.yaml');
    expect(deployment).toMatch(/startupProbe:\s+httpGet:\s+path: \/health\/live\s+port: http/);
    expect(deployment).toMatch(/livenessProbe:\s+httpGet:\s+path: \/health\/live\s+port: http/);
    expect(deployment).toMatch(/readinessProbe:\s+httpGet:\s+path: \/health\/ready\s+port: http/);
  });

  it('serves the gateway metrics on an internal port, scraped there and never routed by the Ingress', () => {
    const gateway = values.apps.gateway;
    expect(Number.isInteger(gateway.metricsPort)).toBe(true);
    expect(gateway.metricsPort).not.toBe(gateway.port);
    expect(app('gateway')?.schema.shape.METRICS_PORT.safeParse(String(gateway.metricsPort)).success).toBe(true);
    expect(template('_helpers.tpl')).toMatch(/with \$app\.metricsPort \}\}\n- name: METRICS_PORT\n/);
    const deployment = template('deployment.yaml');
    expect(deployment).toContain('prometheus.io/port: {{ include "media-platform.metricsPort" $app | quote }}');
    expect(deployment).toMatch(/with \$app\.metricsPort \}\}\s+- name: metrics\s+containerPort: \{\{ int \. \}\}/);
    expect(template('service.yaml')).toMatch(
      /with \$app\.metricsPort \}\}\s+- name: metrics\s+port: \{\{ int \. \}\}\s+targetPort: metrics/,
    );
    expect(template('ingress.yaml')).toMatch(/port:\s+name: http\s*$/m);
    expect(template('ingress.yaml')).not.toContain('metrics');
    const monitor = template('servicemonitor.yaml');
    expect(values.serviceMonitor).toMatchObject({ enabled: expect.any(Boolean), interval: expect.any(String) });
    expect(monitor).toMatch(/^kind: ServiceMonitor$/m);
    expect(monitor).toMatch(/range \$name, \$app := \.Values\.apps/);
    expect(monitor).toContain('- port: {{ if $app.metricsPort }}metrics{{ else }}http{{ end }}');
  });

  it('has balanced Go template actions in every template', () => {
    const files = readdirSync(join(CHART, 'templates')).filter((f) => /\.(ya?ml|tpl|txt)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = template(file);
      const opens = (text.match(/\{\{/g) ?? []).length;
      const closes = (text.match(/\}\}/g) ?? []).length;
      expect({ file, opens }).toEqual({ file, opens: closes });
      let depth = 0;
      for (const [, action] of text.matchAll(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g)) {
        if (action.startsWith('/*')) continue;
        const keyword = action.split(/\s+/)[0];
        if (['if', 'range', 'with', 'define', 'block'].includes(keyword)) depth += 1;
        if (keyword === 'end') depth -= 1;
        expect({ file, depth: Math.min(depth, 0) }).toEqual({ file, depth: 0 });
      }
      expect({ file, unclosed: depth }).toEqual({ file, unclosed: 0 });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Dockerfile

describe('Dockerfile', () => {
  const dockerfile = readText(ROOT, 'Dockerfile');

  it('builds every app into one non-root image on node 20', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(dockerfile).toMatch(/npm install -g [^\n]*pnpm@\$\{PNPM_VERSION\}/);
    expect(dockerfile).toMatch(/^ARG PNPM_VERSION=10$/m);
    expect(dockerfile).toContain('pnpm install --frozen-lockfile');
    expect(dockerfile).toMatch(/pnpm install --frozen-lockfile --prod/);
    expect(dockerfile).toMatch(/^RUN pnpm build$/m);
    expect(dockerfile).toMatch(/^USER (?!root|0\b)\S+/m);
    expect(dockerfile).toMatch(/APP=gateway/);
    expect(dockerfile).toContain('CMD ["sh","-c","exec node apps/$APP/dist/main.js"]');
  });

  it('keeps dependencies, build output and secrets out of the build context', () => {
    const ignored = readText(ROOT, '.dockerignore')
      .split('\n')
      .map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.git', '.env']));
  });
});

// ---------------------------------------------------------------------------------------------
// Development-only libs (scope:dev: the embedded S3 server, test support)

describe('libs tagged scope:dev', () => {
  const libs = readdirSync(join(ROOT, 'libs'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, 'libs', entry.name, 'project.json')))
    .map((entry) => {
      const dir = join(ROOT, 'libs', entry.name);
      const project = JSON.parse(readText(dir, 'project.json')) as { tags?: string[] };
      const pkg = JSON.parse(readText(dir, 'package.json')) as { name: string };
      return { dir, packageName: pkg.name, dev: (project.tags ?? []).includes('scope:dev') };
    });
  const devPackages = libs.filter((lib) => lib.dev).map((lib) => lib.packageName);

  /** Non-test TypeScript sources under `dir`. */
  const productionSources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter(
        (entry) => entry.isFile() && entry.name.endsWith('.ts') && !/\.(spec|integration-spec)\.ts$/.test(entry.name),
      )
      .map((entry) => join(entry.parentPath, entry.name));

  it('include the embedded S3 server and the test support', () => {
    expect(devPackages).toEqual(expect.arrayContaining(['@mp/embedded-s3', '@mp/testing']));
  });

  it('are not imported by the code the image runs (apps/*/src and the other libs)', () => {
    const roots = [
      ...APP_NAMES.map((name) => join(ROOT, 'apps', name, 'src')),
      ...libs.filter((lib) => !lib.dev).map((lib) => join(lib.dir, 'src')),
    ];
    const offending = roots
      .flatMap(productionSources)
      .filter((file) => devPackages.some((name) => readText(file).includes(`'${name}'`)))
      .map((file) => file.slice(ROOT.length + 1));
    expect(offending).toEqual([]);
  });

  it('are left out of the runtime image', () => {
    expect(readText(ROOT, 'Dockerfile')).toContain(`if grep -qs '"scope:dev"' "$d/project.json"; then continue; fi;`);
  });
});
