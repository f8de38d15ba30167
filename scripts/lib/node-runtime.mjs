// Every Marketdesk process — npm itself while installing, the servers, the tests — runs on the Node
// release pinned in `.nvmrc`, even on a machine whose system Node is older. The pinned Node comes
// from the npm registry's `node` package (a devDependency, so `node_modules/.bin/node`, which npm
// scripts find first on their PATH). Plain Node, no dependencies: this runs on a fresh clone, on
// whatever `node` the shell has, before anything is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The one place the version is written; engines, .node-version, the devDependency and the Docker
 * images are checked against it (apps/api/test/platform-pins.test.ts, deploy-files.test.ts). */
export const pinnedNode = readFileSync(join(root, '.nvmrc'), 'utf8').trim();
const projectNode = join(root, 'node_modules', '.bin', 'node');
const bootstrapDir = join(root, '.cache', `node-${pinnedNode}`);
const bootstrapNode = join(bootstrapDir, 'node_modules', '.bin', 'node');

const versionOf = (binary) => {
  if (!existsSync(binary)) return null;
  const r = spawnSync(binary, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
};

/** PATH with the project's binaries first, so every child's `node`, `npm`, `vitest`… is the pinned one. */
export function pinnedPath(env = process.env) {
  const bin = join(root, 'node_modules', '.bin');
  const parts = (env.PATH ?? '').split(delimiter).filter((p) => p && p !== bin);
  return [bin, ...parts].join(delimiter);
}

/** npm's own entry script, to run npm on the pinned Node instead of the system one. */
function npmCli() {
  const candidates = [process.env.npm_execpath];
  const which = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
  if (which) {
    const real = realpathSync(which);
    candidates.push(real.endsWith('.js') ? real : join(dirname(real), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
  }
  const found = candidates.find((c) => c && c.endsWith('npm-cli.js') && existsSync(c));
  if (!found) throw new Error('Could not find npm-cli.js (is npm installed?)');
  return found;
}

/**
 * A Node binary of the pinned release: the project's own, else a bootstrap copy fetched once into
 * `.cache/` with the system npm (a fresh clone has no node_modules yet).
 */
function pinnedNodeBinary() {
  if (versionOf(projectNode) === pinnedNode) return projectNode;
  if (versionOf(bootstrapNode) === pinnedNode) return bootstrapNode;
  console.log(`Fetching Node ${pinnedNode} from the npm registry (the \`node\` package) into .cache/ …`);
  // Its install script (which puts the binary in place) is approved by name, as in the project.
  mkdirSync(bootstrapDir, { recursive: true });
  writeFileSync(join(bootstrapDir, 'package.json'), `${JSON.stringify({ private: true, allowScripts: { node: true } }, null, 2)}\n`);
  const r = spawnSync('npm', ['install', '--prefix', bootstrapDir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `node@${pinnedNode}`], { stdio: 'inherit' });
  if (r.status !== 0 || versionOf(bootstrapNode) !== pinnedNode) {
    console.error(`Could not install Node ${pinnedNode} from the npm registry.`);
    process.exit(r.status || 1);
  }
  return bootstrapNode;
}

/** `npm ci`, with npm itself running on the pinned Node (so engine checks see Node 24). */
export function installDependencies() {
  const node = pinnedNodeBinary();
  console.log(`Installing dependencies (npm ci on Node ${pinnedNode})…`);
  const r = spawnSync(node, [npmCli(), 'ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PATH: [dirname(node), process.env.PATH].join(delimiter) },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Installed when the project's pinned Node and the tools the scripts start are present. */
export function ensureInstalled() {
  const ready = versionOf(projectNode) === pinnedNode && existsSync(join(root, 'node_modules', '.bin', 'turbo'));
  if (!ready) installDependencies();
}

/**
 * Install if needed, then make sure this script runs on the pinned Node: on an older one it runs
 * itself again under `node_modules/.bin/node` and exits with that run's status. Prints the version.
 */
export async function usePinnedNode() {
  ensureInstalled();
  if (process.versions.node === pinnedNode) {
    process.env.PATH = pinnedPath();
    console.log(`Node ${process.version} (${process.execPath})`);
    return;
  }
  const child = spawn(projectNode, process.argv.slice(1), { stdio: 'inherit', env: { ...process.env, PATH: pinnedPath() } });
  // The terminal's Ctrl-C reaches the whole process group: the child shuts down, this one waits.
  // A SIGTERM sent to this process alone is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
  process.exit(code);
}
