// The deployment files, checked without Docker (no machine here runs a Docker engine): the
// Dockerfile's stages, docker-compose.yml and deploy/haproxy/haproxy.cfg agree with each other, with
// the repository (.nvmrc, the workspaces, the files the build writes) and with the API's own routes,
// read from a running API rather than from a list kept here. The same haproxy.cfg runs for real in
// scale-out.int.test.ts.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, matchesGlob } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from './harness.js';
import { matchesAny, readProxyConfig, repoRoot } from './deploy-config.js';
import { startMetricsServer } from '../src/observability/metrics-route.js';
import { apiPathPrefixes } from '../../../packages/ui/server/api-paths.js';

const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

// ── The Dockerfile ─────────────────────────────────────────────────────────────────────────────

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

function readDockerfile(text = read('Dockerfile')): Stage[] {
  const stages: Stage[] = [];
  const logical = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  for (const line of logical) {
    const [op, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (op!.toUpperCase() === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!m) throw new Error(`Dockerfile: cannot read "FROM ${args}"`);
      stages.push({ from: m[1]!, name: m[2] ?? `#${stages.length}`, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op: op!.toUpperCase(), args });
    }
  }
  return stages;
}

const stages = readDockerfile();
const stage = (name: string) => {
  const found = stages.find((s) => s.name === name);
  if (!found) throw new Error(`the Dockerfile has no stage "${name}"`);
  return found;
};
/** The stage and the stages it is built FROM, the base first. */
const chain = (name: string): Stage[] => {
  const s = stage(name);
  return stages.some((x) => x.name === s.from) ? [...chain(s.from), s] : [s];
};
const instructions = (target: string, op: string) => chain(target).flatMap((s) => s.instructions.filter((i) => i.op === op));
const last = (target: string, op: string) => instructions(target, op).at(-1);
const execForm = (args: string): string[] => JSON.parse(args) as string[];
/** ENV as the target's processes see it (later stages override earlier ones). */
function envOf(target: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of instructions(target, 'ENV')) for (const m of i.args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[m[1]!] = m[2]!.replace(/^"|"$/g, '');
  return env;
}
/** A HEALTHCHECK's command (exec form), without its options. */
const healthcheckCommand = (target: string) => {
  const h = last(target, 'HEALTHCHECK');
  return h ? execForm(h.args.slice(h.args.indexOf('CMD') + 3).trim()) : null;
};
const externalImages = stages.filter((s) => !stages.some((x) => x.name === s.from)).map((s) => s.from);
const nodeTargets = stages.filter((s) => chain(s.name).some((c) => c.instructions.some((i) => i.op === 'ENTRYPOINT')) && s.instructions.some((i) => i.op === 'CMD')).map((s) => s.name);

/** The compiled programs `npm run start:prod` starts (scripts/lib/stack.mjs), as [node flags…, file]. */
async function compiledPrograms(): Promise<string[][]> {
  const stack = (await import(pathToFileURL(join(repoRoot, 'scripts/lib/stack.mjs')).href)) as { programs(mode: 'production'): Record<string, { args: string[] }> };
  return Object.values(stack.programs('production')).map((p) => p.args);
}
/** What `npm run build` writes and start:prod runs, relative to the repository. */
const builtPrograms = async () => (await compiledPrograms()).map((args) => args.at(-1)!.slice(repoRoot.length));

describe('Dockerfile', () => {
  it('builds on the Node release .nvmrc pins, on the same Debian as every other image', () => {
    const nvmrc = read('.nvmrc').trim();
    const nodeImages = externalImages.filter((i) => i.startsWith('node:'));
    expect(nodeImages.length).toBeGreaterThan(0);
    for (const image of nodeImages) expect(image).toBe(`node:${nvmrc}-bookworm-slim`);
    for (const image of externalImages.filter((i) => !i.startsWith('node:'))) expect(image).toBe('debian:bookworm-slim');
  });

  it("copies every workspace's package.json before npm ci, so the install layer sees the whole lock", () => {
    const workspaces = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces.flatMap((w) =>
      w.endsWith('/*') ? readdirSync(join(repoRoot, w.slice(0, -2)), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${w.slice(0, -2)}/${d.name}`) : [w],
    );
    const copied = stage('manifests').instructions.filter((i) => i.op === 'COPY').map((i) => i.args.split(/\s+/)[0]);
    for (const ws of workspaces.filter((w) => existsSync(join(repoRoot, w, 'package.json')))) expect(copied, ws).toContain(`${ws}/package.json`);
    expect(stage('build').instructions.map((i) => i.args)).toContain('npm ci');
    expect(stage('prod-deps').instructions.some((i) => i.op === 'RUN' && /npm ci --omit=dev\b/.test(i.args))).toBe(true);
  });

  it('copies only files that exist and that .dockerignore lets into the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const sources = stages.flatMap((s) => s.instructions.filter((i) => i.op === 'COPY' && !i.args.startsWith('--from')).flatMap((i) => i.args.split(/\s+/).slice(0, -1)));
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources.filter((s) => s !== '.')) {
      expect(existsSync(join(repoRoot, source)), `${source} exists`).toBe(true);
      expect(ignored.filter((pattern) => matchesGlob(source, pattern) || source.split('/').some((_, i, parts) => matchesGlob(parts.slice(0, i + 1).join('/'), pattern))), `${source} is not ignored`).toEqual([]);
    }
    // Dependencies and outputs are made in the image, never copied from the machine that builds it.
    for (const made of ['node_modules', 'apps/api/node_modules', 'apps/api/dist', 'apps/storefront/dist']) expect(ignored.some((p) => matchesGlob(made, p)), made).toBe(true);
  });

  it("starts each Node target's program — a file the build writes — through the one ENTRYPOINT, as a non-root user, with a health check on the port it listens on", async () => {
    const programs = await builtPrograms();
    expect(nodeTargets.sort()).toEqual(['api', 'console', 'storefront', 'stripe-local', 'worker']);
    const entrypoints = stages.flatMap((s) => s.instructions.filter((i) => i.op === 'ENTRYPOINT'));
    expect(entrypoints).toHaveLength(1);
    const [node, ...flags] = execForm(entrypoints[0]!.args);
    expect(node).toBe('node');
    // The same Node flags as `npm run start:prod` (scripts/lib/stack.mjs): change both together.
    for (const args of await compiledPrograms()) expect(flags, 'the ENTRYPOINT’s flags are start:prod’s').toEqual(args.slice(0, -1));
    for (const target of nodeTargets) {
      const [program, ...extra] = execForm(last(target, 'CMD')!.args);
      expect(extra, target).toEqual([]);
      expect(programs, `${target} runs ${program}`).toContain(program);
      const copiedDirs = instructions(target, 'COPY')
        .filter((i) => i.args.startsWith('--from=build '))
        .map((i) => i.args.split(/\s+/).at(-1)!);
      expect(copiedDirs.some((dir) => program!.startsWith(`${dir}/`)), `${target}: ${program} is copied from the build stage`).toBe(true);
      expect(last(target, 'USER')?.args, target).toBe('node');
      const check = healthcheckCommand(target);
      expect(check?.slice(0, 2), target).toEqual(['node', 'deploy/healthcheck.mjs']);
      const port = envOf(target)[check![2]!];
      expect(port, `${target}: ${check![2]} is set`).toMatch(/^\d+$/);
      expect(instructions(target, 'EXPOSE').map((i) => i.args)).toContain(port);
    }
    expect(existsSync(join(repoRoot, 'deploy/healthcheck.mjs'))).toBe(true);
  });

  it('runs the proxy as a non-root user on deploy/haproxy/haproxy.cfg, with a health check', () => {
    const cmd = execForm(last('proxy', 'CMD')!.args);
    const config = cmd[cmd.indexOf('-f') + 1];
    expect(instructions('proxy', 'COPY').map((i) => i.args)).toContain(`deploy/haproxy/haproxy.cfg ${config}`);
    expect(last('proxy', 'USER')?.args).toBe('haproxy');
    const check = healthcheckCommand('proxy')!.join(' ');
    const healthPort = /:(\d+)$/.exec(envOf('proxy').HEALTH_BIND!)![1];
    expect(check).toContain(`/dev/tcp/127.0.0.1/${healthPort}`);
    expect(check).toContain('GET /healthz');
    expect(readProxyConfig().sections.find((s) => s.name === 'health')!.lines).toContain('monitor-uri /healthz');
  });
});

// ── docker-compose.yml ─────────────────────────────────────────────────────────────────────────

interface Service {
  image?: string;
  build?: { context: string; target: string; dockerfile?: string };
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string; required?: boolean }>;
  healthcheck?: { test: string[] };
  deploy?: { replicas?: string | number };
  profiles?: string[];
}
interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}. */
function interpolate(text: string, vars: Record<string, string>, missing: string[] = []): string {
  return text.replace(/\$\{(\w+)(?:(:?)([-?])([^}]*))?\}/g, (_, name: string, colon: string, op: string, word: string) => {
    const value = vars[name];
    const unset = value === undefined || (colon === ':' && value === '');
    if (!unset) return value;
    if (op === '-') return word;
    if (op === '?') missing.push(name);
    return '';
  });
}
const readEnvFile = (file: string) =>
  Object.fromEntries(
    read(file)
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
const composeText = read('docker-compose.yml');
const demoEnv = readEnvFile('deploy/demo.env');
// js-yaml (YAML 1.2 with merge keys, as Compose reads `<<: *anchor`); it ships no types.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const compose = yaml.load(interpolate(composeText, demoEnv)) as Compose;
const services = Object.entries(compose.services);
const targetOf = (service: Service) => service.build?.target ?? null;
const envValue = (service: Service, name: string) => {
  const v = service.environment?.[name];
  return v === null || v === undefined ? undefined : String(v);
};
/** The ports a service's process listens on: its image's (Dockerfile ENV, or the official image's) as overridden in compose. */
function listeningPorts(name: string, service: Service): string[] {
  const officialImages: Record<string, string> = { postgres: '5432', redis: '6379' };
  const official = service.image ? officialImages[service.image.split(':')[0]!] : undefined;
  if (official) return [official];
  const env = { ...envOf(targetOf(service)!), ...Object.fromEntries(Object.keys(service.environment ?? {}).map((k) => [k, envValue(service, k)!])) };
  const ports = Object.entries(env)
    .filter(([k]) => /(^|_)PORT$|_BIND$/.test(k))
    .map(([, v]) => /(\d+)$/.exec(v ?? '')?.[1])
    .filter((p): p is string => Boolean(p));
  if (!ports.length) throw new Error(`${name}: no port found`);
  return ports;
}

describe('docker-compose.yml', () => {
  it('parses; without an env file it asks only for secrets, and deploy/demo.env sets every one', () => {
    const missing: string[] = [];
    const bare = yaml.load(interpolate(composeText, {}, missing)) as Compose;
    expect(Object.keys(bare.services)).toEqual(Object.keys(compose.services));
    expect(missing.length).toBeGreaterThan(0);
    for (const name of new Set(missing)) {
      expect(name, 'a variable compose insists on is a secret').toMatch(/KEY|PASSWORD|SECRET/);
      expect(demoEnv[name], `deploy/demo.env sets ${name}`).toBeTruthy();
    }
    const leftovers: string[] = [];
    interpolate(composeText, demoEnv, leftovers);
    expect(leftovers).toEqual([]);
  });

  it('builds every service from a Dockerfile target, or runs a pinned official image', async () => {
    const programs = await builtPrograms();
    const targets = new Set(stages.map((s) => s.name));
    for (const [name, service] of services) {
      if (service.build) {
        expect(service.build.context, name).toBe('.');
        expect(service.build.dockerfile ?? 'Dockerfile', name).toBe('Dockerfile');
        expect(targets.has(service.build.target), `${name}: target ${service.build.target}`).toBe(true);
      } else {
        expect(service.image, name).toMatch(/^(postgres|redis):\d+(-bookworm)?$/);
      }
      // A command overriding the image's names a program the build writes, like the images' CMDs.
      for (const file of (service.command ?? []).filter((arg) => /\.m?js$/.test(arg))) expect(programs, `${name}: ${file}`).toContain(file);
    }
  });

  it('checks the health of every service (its own healthcheck, or its image target’s HEALTHCHECK)', () => {
    for (const [name, service] of services) {
      const target = targetOf(service);
      expect(Boolean(service.healthcheck) || (target !== null && healthcheckCommand(target) !== null), name).toBe(true);
    }
  });

  it('reaches every service by a name that exists, on the port it listens on', () => {
    const names = new Set(Object.keys(compose.services));
    const references: { from: string; host: string; port: string }[] = [];
    for (const [name, service] of services) {
      for (const value of Object.values(service.environment ?? {})) {
        for (const m of String(value).matchAll(/(?:^|\/\/|@)([a-z][\w-]*):(\d+)/g)) if (m[1] !== 'localhost') references.push({ from: name, host: m[1]!, port: m[2]! });
      }
      for (const dep of Object.keys(service.depends_on ?? {})) expect(names.has(dep), `${name} depends on ${dep}`).toBe(true);
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (!source.startsWith('.') && !source.startsWith('/')) expect(Object.keys(compose.volumes), `${name}: volume ${source}`).toContain(source);
      }
    }
    expect(references.length).toBeGreaterThan(5);
    for (const ref of references) {
      expect(names.has(ref.host), `${ref.from} → ${ref.host}:${ref.port}`).toBe(true);
      expect(listeningPorts(ref.host, compose.services[ref.host]!), `${ref.from} → ${ref.host}:${ref.port}`).toContain(ref.port);
    }
  });

  it('publishes only the proxy, on the ports its listeners bind', () => {
    for (const [name, service] of services) {
      if (!service.ports?.length) continue;
      expect(targetOf(service), `${name} publishes ports`).toBe('proxy');
      for (const mapping of service.ports) expect(listeningPorts(name, service)).toContain(mapping.split(':').at(-1));
    }
    const proxy = services.find(([, s]) => targetOf(s) === 'proxy')![1];
    const published = proxy.ports!.map((p) => p.split(':').at(-1));
    const binds = readProxyConfig().binds.web!.map((b) => /(\d+)$/.exec(envOf('proxy')[b.variable]!)![1]);
    expect(published.sort()).toEqual(binds.sort());
  });

  it('gives the proxy every variable haproxy.cfg reads, and a server line for each API process', () => {
    const config = readProxyConfig();
    const [proxyName, proxy] = services.find(([, s]) => targetOf(s) === 'proxy')!;
    const proxyEnv = { ...envOf('proxy'), ...proxy.environment };
    for (const variable of config.variables) expect(proxyEnv[variable], `${proxyName} sets ${variable}`).toBeTruthy();
    const apiServices = services.filter(([, s]) => targetOf(s) === 'api').map(([n]) => n);
    const serverHosts = config.apiServers.map((s) => String(proxyEnv[s.addressVariable]).split(':')[0]);
    expect(serverHosts.sort()).toEqual(apiServices.sort());
    expect(apiServices.length).toBeGreaterThanOrEqual(2);
  });

  it('migrates in exactly one process, trusts the proxy on every API process, and keeps Redis on an append-only file', () => {
    const apiServices = services.filter(([, s]) => targetOf(s) === 'api');
    const migrating = apiServices.filter(([, s]) => envValue(s, 'RUN_MIGRATIONS') === 'true').map(([n]) => n);
    expect(migrating).toHaveLength(1);
    for (const [name, service] of services.filter(([, s]) => ['api', 'worker'].includes(targetOf(s) ?? ''))) {
      expect(envValue(service, 'RUN_MIGRATIONS'), name).toBe(migrating.includes(name) ? 'true' : 'false');
      expect(envValue(service, 'TRUST_PROXY'), name).toBe('true');
    }
    // The others start once the migrating process is ready.
    for (const [name, service] of apiServices.filter(([n]) => !migrating.includes(n))) expect(service.depends_on?.[migrating[0]!]?.condition, name).toBe('service_healthy');
    const workers = services.filter(([, s]) => targetOf(s) === 'worker');
    expect(workers.length).toBeGreaterThan(0);
    for (const [name, service] of workers) expect(service.depends_on?.[migrating[0]!]?.condition, name).toBe('service_healthy');
    const redis = services.find(([, s]) => s.image?.startsWith('redis:'))![1];
    expect(redis.command!.join(' ')).toMatch(/--appendonly yes/);
  });
});

// ── The proxy's routes and the API's ───────────────────────────────────────────────────────────

/** Every route path of a Fastify instance, from `printRoutes({ commonPrefix: false })`'s tree. */
function routePaths(tree: string): string[] {
  const paths: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    if (m[3]) paths.push(stack.join(''));
  }
  return paths;
}
/** A request path the route answers: parameters and wildcards filled in. */
// A path the route serves. printRoutes drops the slash before a wildcard child (`/a` + `/*` prints
// as `/a` + `*`); a wildcard matches any rest of the path, so `/x` after its parent is always served.
const sample = (route: string) => route.replace(/:\w+/g, 'x').replace(/\/?\*/g, '/x');

describe("the proxy's routes and the API's", () => {
  let api: RunningApi;
  let routes: string[];
  let socketPath: string;
  beforeAll(async () => {
    // Every optional route registered: payments (the webhook) and Google sign-in configured.
    api = await startApi({
      STRIPE_SECRET_KEY: 'sk_test_deployfiles',
      STRIPE_WEBHOOK_SECRET: 'whsec_deployfiles',
      STRIPE_API_BASE: 'http://127.0.0.1:9',
      GOOGLE_CLIENT_ID: 'deploy-files-test',
      GOOGLE_CLIENT_SECRET: 'deploy-files-test',
    });
    routes = routePaths(api.app.app.printRoutes({ commonPrefix: false }));
    socketPath = `${api.app.io.path()}/`;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('reads the API routes from the running API', () => {
    expect(routes.length).toBeGreaterThan(10);
    for (const known of ['/trpc/:path', '/webhooks/stripe', '/auth/google/start', '/metrics', '/readyz']) expect(routes).toContain(known);
  });

  it('sends every API route to the API, or refuses it — none falls through to an app', () => {
    const config = readProxyConfig();
    const refused = config.refusedBy('web');
    const unrouted = [...routes, socketPath].filter((r) => !matchesAny(config.apiPaths, sample(r)) && !matchesAny(refused, sample(r)));
    expect(unrouted).toEqual([]);
    // The internal listener sends everything to the API, refusing the same paths.
    expect(config.refusedBy('api_internal')).toEqual(refused);
  });

  it('sends the API the same paths as the app servers and the dev proxy do (packages/ui/server/api-paths.ts)', () => {
    const config = readProxyConfig();
    const values = (kind: 'path' | 'path_beg') => config.apiPaths.filter((m) => m.kind === kind).flatMap((m) => m.values).sort();
    expect(values('path')).toEqual([...apiPathPrefixes].sort());
    expect(values('path_beg')).toEqual(apiPathPrefixes.map((p) => `${p}/`).sort());
  });

  it('refuses /metrics (and the health probes) on every listener, and routes nothing the API does not serve', () => {
    const config = readProxyConfig();
    for (const frontend of ['web', 'api_internal']) expect(matchesAny(config.refusedBy(frontend), '/metrics'), frontend).toBe(true);
    for (const m of config.apiPaths) {
      for (const value of m.values) {
        // A prefix the proxy sends on is one the API answers at or below.
        const below = m.kind === 'path' ? `${value}/` : value;
        const served = [...routes, socketPath].some((r) => sample(r) === value || sample(r).startsWith(below));
        expect(served, `haproxy.cfg sends ${value} to the API`).toBe(true);
      }
    }
    // What it refuses by name, the API does serve (to its own network).
    for (const m of config.refusedBy('web').filter((x) => x.kind === 'path')) for (const value of m.values) expect(routes).toContain(value);
  });

  it('health-checks paths the API and the worker serve', async () => {
    expect(routes).toContain(readProxyConfig().apiHealthCheckPath);
    expect(routes).toContain(healthcheckCommand('api')![3]);
    // The worker has no Fastify: its metrics server answers /healthz (observability/metrics-route.ts).
    const server = await startMetricsServer(0, '127.0.0.1', undefined);
    try {
      const { port } = server.address() as { port: number };
      expect((await fetch(`http://127.0.0.1:${port}${healthcheckCommand('worker')![3]}`)).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
