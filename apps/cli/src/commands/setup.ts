import { randomBytes } from 'node:crypto';
import { loadConfig } from '@resonance/config';
import { PASSWORD_MAX, PASSWORD_MIN } from '@resonance/contracts';
import { createDataSource, createFirstAdmin, hashPassword } from '@resonance/db';
import { StartupError } from '@resonance/runtime';
import { prepareDatabase } from '../prepare-database';

const USAGE = 'usage: resonance setup --workspace <name> --admin-email <e-mail> --admin-name <name> [--password-stdin]';

export interface SetupOptions {
  workspace: string;
  adminEmail: string;
  adminName: string;
  passwordFromStdin: boolean;
}

/** Parses the options, or answers the one thing that is wrong with them. */
export function parseSetupArgs(argv: string[]): SetupOptions | string {
  const values: Record<string, string> = {};
  let passwordFromStdin = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--password-stdin') {
      passwordFromStdin = true;
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!['--workspace', '--admin-email', '--admin-name'].includes(flag)) return `unknown option ${arg}`;
    const value = inline ?? argv[++i];
    if (value === undefined || value.trim() === '') return `${flag} needs a value`;
    values[flag] = value.trim();
  }
  for (const flag of ['--workspace', '--admin-email', '--admin-name']) if (!values[flag]) return `${flag} is required`;
  if (values['--workspace'].length > 200) return '--workspace is longer than 200 characters';
  if (values['--admin-name'].length > 200) return '--admin-name is longer than 200 characters';
  const email = values['--admin-email'];
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return `--admin-email "${email}" is not an e-mail address`;
  return { workspace: values['--workspace'], adminEmail: email, adminName: values['--admin-name'], passwordFromStdin };
}

async function readStdin(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `resonance setup`: the production first run. Migrates DATABASE_URL, then creates the workspace
 * and its first admin, once: a second run with the same admin changes nothing and says so; a
 * database whose first admin is someone else is refused (invite more people from the dashboard).
 * Exit 0 when the admin exists afterwards, 2 for unusable options, 3 when refused.
 */
export async function runSetup(argv: string[], out: NodeJS.WritableStream, input: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const options = parseSetupArgs(argv);
  if (typeof options === 'string') {
    out.write(`resonance setup: ${options}\n${USAGE}\n`);
    return 2;
  }
  let password: string;
  let generated = false;
  if (options.passwordFromStdin) {
    // One line: a trailing newline from `echo` or a password manager is not part of the password.
    password = (await readStdin(input)).replace(/\r?\n$/, '');
    if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
      out.write(`resonance setup: the password from stdin must have ${PASSWORD_MIN} to ${PASSWORD_MAX} characters\n`);
      return 2;
    }
  } else {
    password = randomBytes(18).toString('base64url');
    generated = true;
  }

  const config = loadConfig();
  if (!config.DATABASE_URL) throw new StartupError('DATABASE_URL is not set: setup needs the database to write');
  await prepareDatabase(config, config.DATABASE_URL, (line) => out.write(`${line}\n`));
  const dataSource = await createDataSource({ url: config.DATABASE_URL, poolSize: 2 }).initialize();
  try {
    const outcome = await createFirstAdmin(dataSource, {
      workspaceName: options.workspace,
      adminEmail: options.adminEmail,
      adminName: options.adminName,
      passwordHash: await hashPassword(password),
      via: 'setup',
    });
    switch (outcome.kind) {
      case 'created':
        out.write(`created the workspace "${options.workspace}" (${outcome.workspaceId}) and its admin ${outcome.email}\n`);
        // Printed once, here only: it is stored as a hash and cannot be shown again.
        if (generated) out.write(`admin password (shown only now; change it after the first sign-in): ${password}\n`);
        return 0;
      case 'exists': {
        out.write(`nothing changed: ${outcome.email} is already the admin of the workspace "${outcome.workspaceName}" (${outcome.workspaceId})\n`);
        const differs = [
          outcome.workspaceName !== options.workspace ? `workspace name "${outcome.workspaceName}"` : '',
          outcome.adminName !== options.adminName ? `admin name "${outcome.adminName}"` : '',
        ].filter(Boolean);
        if (differs.length) out.write(`  kept the existing ${differs.join(' and ')}; setup does not change an existing workspace\n`);
        if (options.passwordFromStdin) out.write('  the password was not changed; an admin can create a reset link in the dashboard\n');
        return 0;
      }
      case 'taken':
        out.write(
          `resonance setup: refused: this database has users already${outcome.adminEmails.length ? ` (admin: ${outcome.adminEmails.join(', ')})` : ''}, ` +
            `and ${options.adminEmail.toLowerCase()} is not its admin. Setup creates only the first admin; ` +
            'sign in as an existing admin and invite more people from the dashboard (Team & settings).\n',
        );
        return 3;
    }
  } finally {
    await dataSource.destroy();
  }
}
