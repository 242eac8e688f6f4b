/**
 * `tcvpn emulator [--port N] [--seed FILE] [--task-delay MS] [--state-delay MS] [--clock-skew S]
 * [--empty-connection-id] [--quiet]`: runs the local VPC API emulator on 127.0.0.1 until SIGINT or SIGTERM.
 * It prints the URL, the SecretIds (the public demo one in full, any other masked), never a key (the demo key is
 * public but lives in the seed file), and this run's control token, which every /__emulator/* request needs.
 * Its log lines mask SecretIds too.
 */
import {
  defaultEmulatorSeed,
  maskSecretId,
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '../emulator';

const USAGE = `usage: tcvpn emulator [--port N] [--seed FILE] [--task-delay MS] [--state-delay MS] [--clock-skew S]
                      [--empty-connection-id] [--quiet]
`;

/** Every option the emulator command reads, in util.parseArgs's shape (cli/main.ts's usage lists each). */
export const EMULATOR_OPTIONS = {
  port: { type: 'string' },
  seed: { type: 'string' },
  'task-delay': { type: 'string' },
  'state-delay': { type: 'string' },
  'clock-skew': { type: 'string' },
  'empty-connection-id': { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

/** Parsed flags, or a usage error message. */
export function parseEmulatorArgs(args: string[]): { options: EmulatorOptions; quiet: boolean } | string {
  const options: EmulatorOptions = {};
  let quiet = false;
  const numeric: Record<string, (value: number) => void> = {
    '--port': (value) => (options.port = value),
    '--task-delay': (value) => (options.taskDelayMs = value),
    '--state-delay': (value) => (options.stateDelayMs = value),
    '--clock-skew': (value) => (options.clockSkewSeconds = value),
  };
  for (let index = 0; index < args.length; index++) {
    const flag = args[index];
    // Only what EMULATOR_OPTIONS names is read, so the table is the whole list.
    if (!flag.startsWith('--') || !Object.hasOwn(EMULATOR_OPTIONS, flag.slice(2)))
      return `unknown or incomplete option ${flag}`;
    if (flag === '--quiet') quiet = true;
    else if (flag === '--empty-connection-id') options.emptyConnectionId = true;
    else if (flag === '--seed' && args[index + 1]) options.seedFile = args[++index];
    else if (numeric[flag]) {
      const value = Number(args[++index]);
      if (!Number.isInteger(value) || (flag !== '--clock-skew' && value < 0) || (flag === '--port' && value > 65535))
        return `${flag} needs a whole number`;
      numeric[flag](value);
    } else return `unknown or incomplete option ${flag}`;
  }
  return { options, quiet };
}

/** The public demo SecretIds of the committed seed, the only ones printed in full. */
const DEMO_SECRET_IDS = new Set(defaultEmulatorSeed().credentials.map((credential) => credential.secretId));

/** A SecretId as the banner shows it: the public demo one as it is, any other masked (a seed may hold a real one). */
const shownSecretId = (secretId: string): string =>
  DEMO_SECRET_IDS.has(secretId) ? secretId : `${maskSecretId(secretId)} (masked)`;

/** Resolves on the first SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Runs the emulator; 0 after a clean stop, 2 on bad options, an unusable seed or a port in use. */
export async function runEmulator(args: string[]): Promise<number> {
  const parsed = parseEmulatorArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`tcvpn emulator: ${parsed}\n${USAGE}`);
    return 2;
  }
  const log = parsed.quiet ? undefined : (line: string) => process.stdout.write(`${line}\n`);
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({ ...parsed.options, log });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'EADDRINUSE'
        ? `port ${parsed.options.port} is already in use on 127.0.0.1; pick another with --port N (0 = any free port)`
        : (error as Error).message;
    process.stderr.write(`tcvpn emulator: ${message}\n`);
    return 2;
  }
  // Listen for the signals before announcing the URL, so a caller that stops us right after reading it is heard.
  const stopped = untilSignal();
  process.stdout.write(
    [
      `VPC API emulator (vpc 2017-03-12) listening on ${emulator.url}`,
      `  SecretId: ${emulator.credentials.map((credential) => shownSecretId(credential.secretId)).join(', ')}`,
      `  SecretKey: in the seed file (${parsed.options.seedFile ?? 'emulator/seed.json, the demo key is public and fake'})`,
      `  Control: POST/DELETE ${emulator.url}/__emulator/faults, GET ${emulator.url}/__emulator/state, POST ${emulator.url}/__emulator/reset`,
      `  Control token: ${emulator.controlToken} (send "Authorization: Bearer <token>" or "X-Emulator-Token: <token>")`,
      'Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );
  const signal = await stopped;
  await emulator.close();
  process.stdout.write(`emulator stopped (${signal})\n`);
  return 0;
}
