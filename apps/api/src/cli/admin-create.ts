// `npm run admin:create -- --email you@example.com [--name "Your Name"]`: creates the first admin in
// production, or makes an existing account an admin (services/rbac/ensure-admin.ts says when).
// Runs against DATABASE_URL, or the embedded database in PGLITE_DIR (stop the API first: one process
// owns it), migrating first when RUN_MIGRATIONS is on, as the API does.
//
// The password comes from ADMIN_PASSWORD, else from stdin: typed without echo on a terminal (twice,
// for a new account), or the first line when piped. It is never printed. Running the command again
// changes nothing. Exit codes: 0 done (or nothing to do), 1 refused, 64 bad usage, 78 bad config.
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { openDatabase } from '@marketdesk/db';
import { AppError } from '../errors/app-error.js';
import { exitOnIncompatibleDataFolder, loadConfigOrExit } from '../env.js';
import { ensureAdmin, type EnsureAdminResult } from '../services/rbac/ensure-admin.js';
import { runWithAuditContext } from '../services/audit/audit-context.js';
import { readCliEnv } from './env.js';

const usage = 'Usage: npm run admin:create -- --email you@example.com [--name "Your Name"]\n(password from ADMIN_PASSWORD, or typed / piped on stdin)';

function parse(): { email: string; name: string | undefined } {
  try {
    const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    if (!values.email) throw new Error('--email is required');
    return { email: values.email, name: values.name };
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(64);
  }
}

/** One line from a terminal without echoing what is typed (readline writes its echo to a sink). */
async function askHidden(prompt: string): Promise<string> {
  process.stdout.write(prompt);
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: sink, terminal: true });
  rl.on('SIGINT', () => {
    rl.close();
    process.stdout.write('\n');
    process.exit(130);
  });
  try {
    return await rl.question('');
  } catch (error) {
    // Ctrl-D: the person changed their mind.
    if ((error as { code?: string }).code === 'ABORT_ERR') throw new AppError('BAD_REQUEST', 'No password given; nothing was changed.');
    throw error;
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}

async function firstLineOfStdin(): Promise<string> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function readPassword(existing: boolean): Promise<string> {
  const fromEnv = readCliEnv().adminPassword;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    const line = await firstLineOfStdin();
    if (!line) throw new AppError('BAD_REQUEST', 'No password: set ADMIN_PASSWORD or give it on the first line of stdin.');
    return line;
  }
  if (existing) return askHidden('Password of the existing account: ');
  const password = await askHidden('Password for the new admin (at least 10 characters): ');
  if ((await askHidden('Repeat it: ')) !== password) throw new AppError('BAD_REQUEST', 'The two passwords differ; nothing was changed.');
  return password;
}

function report(result: EnsureAdminResult, consoleUrl: string): string {
  const roles = result.roles.join(', ');
  if (result.outcome === 'already_admin') return `${result.email} is already an admin (roles: ${roles}); nothing changed.`;
  const what = result.outcome === 'created' ? `Created ${result.email} (email verified) with the admin role` : `Gave the existing account ${result.email} the admin role`;
  return `${what} (roles: ${roles}, user id ${result.userId}). Sign in at ${consoleUrl}.`;
}

const args = parse();
const config = loadConfigOrExit();
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR, poolMax: 2, migrate: config.RUN_MIGRATIONS }).catch(exitOnIncompatibleDataFolder);
let exitCode = 0;
try {
  const audit = { actor: null, requestId: null, ip: null, userAgent: 'npm run admin:create' };
  const result = await runWithAuditContext(audit, () => ensureAdmin(db.orm.em.fork(), { email: args.email, displayName: args.name, password: readPassword }, new Date()));
  console.log(report(result, config.CONSOLE_URL));
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(`Refused: ${error.message}`);
  exitCode = 1;
} finally {
  await db.close();
}
process.exit(exitCode);
