import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';

const root = join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** Every workspace folder with a package.json, from the root package.json's `workspaces` globs (`dir/*`). */
function workspacePackages(): string[] {
  const { workspaces } = JSON.parse(read('package.json')) as { workspaces: string[] };
  return workspaces.flatMap((glob) => {
    const parent = glob.replace(/\/\*$/, '');
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, parent, entry.name, 'package.json')))
      .map((entry) => `${parent}/${entry.name}`);
  });
}

/** The lines of the Dockerfile's build stage before its first `RUN npm install` (the layer cached on package.json files). */
function installLayer(): string[] {
  const lines = read('Dockerfile').split('\n');
  const install = lines.findIndex((line) => /^RUN npm (install|ci)\b/.test(line));
  if (install < 0) throw new Error('the Dockerfile has no RUN npm install');
  return lines.slice(0, install);
}

// Issue 28: the install layer copied every workspace's package.json but libs/classifier's, so npm
// did not install it as a workspace in the image.
describe("the Dockerfile's install layer", () => {
  const layer = installLayer();
  it.each(workspacePackages())('copies %s/package.json before npm install', (dir) => {
    expect(layer).toContain(`COPY ${dir}/package.json ${dir}/`);
  });

  it('finds the workspaces it checks (the list is not empty by mistake)', () => {
    expect(workspacePackages()).toEqual(expect.arrayContaining(['libs/classifier', 'libs/runtime', 'apps/api', 'apps/worker']));
  });
});

interface ComposeService {
  command?: string[];
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[]; interval: string; timeout: string; retries: number; start_period?: string };
  depends_on?: Record<string, { condition: string }>;
}

/**
 * There is no Docker engine on the development machines: the compose file's shape is checked here
 * instead (YAML parsed with anchors and merge keys resolved, as compose does).
 */
describe('docker-compose.yml health checks', () => {
  const compose = load(read('docker-compose.yml'), { schema: CORE_SCHEMA.withTags(mergeTag) }) as { services: Record<string, ComposeService> };
  const { api, worker, postgres, redis } = compose.services;

  it('checks the worker through its readiness endpoint on its health port', () => {
    expect(worker.environment?.WORKER_HEALTH_PORT).toBe(3100);
    expect(worker.environment?.WORKER_HEALTH_HOST).toBe('0.0.0.0');
    expect(worker.healthcheck?.test[0]).toBe('CMD');
    expect(worker.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${worker.environment?.WORKER_HEALTH_PORT}/readyz`);
    expect(worker.healthcheck?.retries).toBeGreaterThan(0);
    // The merge key kept the shared environment: the worker still has its database and Redis.
    expect(worker.environment?.DATABASE_URL).toMatch(/^postgres:\/\//);
    expect(worker.environment?.REDIS_URL).toMatch(/^redis:\/\//);
  });

  it('checks the api through /api/health and starts in order of health', () => {
    expect(api.healthcheck?.test.join(' ')).toContain('/api/health');
    expect(api.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    expect(worker.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    expect(postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('passes METRICS_TOKEN to the api and the worker', () => {
    expect(api.environment?.METRICS_TOKEN).toBe('${METRICS_TOKEN:-}');
    expect(worker.environment?.METRICS_TOKEN).toBe('${METRICS_TOKEN:-}');
  });

  it('gives every healthcheck an interval, a timeout and retries in compose duration syntax', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.healthcheck) continue;
      expect([name, service.healthcheck.interval]).toEqual([name, expect.stringMatching(/^\d+(ms|s|m)$/)]);
      expect([name, service.healthcheck.timeout]).toEqual([name, expect.stringMatching(/^\d+(ms|s|m)$/)]);
      expect([name, Number.isInteger(service.healthcheck.retries)]).toEqual([name, true]);
    }
  });
});
