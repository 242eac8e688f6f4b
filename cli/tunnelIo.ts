/**
 * What the tunnel commands (`tcvpn import`, `plan`, `apply`, `delete`, `reset`) share: their input and output (the
 * process's, or a test's), reading a tunnel file as `tcvpn submit` reads one (cli/safeRead.ts, the one pipeline),
 * and the words of the errors they end with. The library they drive is cloud/tunnel/.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiError, errorKindOf, isSetupError } from '../cloud/apiError';
import { syntaxOf, type PlanFile } from '../cloud/plan';
import { SubmitRefusedError } from '../cloud/refusal';
import { NeedsNewTunnelError, readTunnelFile, TunnelNotFoundError, type ReadTunnelFile } from '../cloud/tunnel';
import { UsageError } from './cloudArgs';
import { ConfirmationUnavailableError, terminalIo, type ConfirmIo } from './confirm';
import { readInputFileSync } from './safeRead';
import { langFromEnv } from './validate/options';

/** A command's streams and environment. */
export interface CliIo {
  out(text: string): void;
  err(line: string): void;
  confirm: ConfirmIo;
  env: NodeJS.ProcessEnv;
}

/** The process's own. */
export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (line) => void process.stderr.write(`${line}\n`),
    confirm: terminalIo(),
    env: process.env,
  };
}

/** A tunnel file, read safely and checked by the pipeline, with the source the records name it by. */
export interface TunnelFileArg {
  file: PlanFile;
  read: ReadTunnelFile;
}

/** Reads and checks FILE; UsageError when it cannot be read. */
export function readTunnelArg(file: string, io: Pick<CliIo, 'env'>): TunnelFileArg {
  const read = readInputFileSync(file);
  if (!read.ok) throw new UsageError(`${file}: ${read.message}\nnothing was sent`);
  const source = path.resolve(file);
  const planFile: PlanFile = { text: read.text, kind: syntaxOf(file), uri: pathToFileURL(source).href, source };
  return { file: planFile, read: readTunnelFile(planFile, { lang: langFromEnv(io.env), disabledRules: [] }) };
}

/** A file the pipeline refused, as one error (every reason on its own line). */
export function fileProblems(file: string, read: ReadTunnelFile): UsageError | undefined {
  if (!read.problems.length) return undefined;
  return new UsageError(`${read.problems.map((problem) => `${file}: ${problem}`).join('\n')}\nnothing was sent`);
}

/** The errors a tunnel command ends with by design (a message, no stack); anything else is a bug and propagates. */
export function isExpectedError(error: unknown): boolean {
  return (
    error instanceof UsageError ||
    error instanceof SubmitRefusedError ||
    error instanceof ConfirmationUnavailableError ||
    error instanceof NeedsNewTunnelError ||
    error instanceof TunnelNotFoundError ||
    error instanceof ApiError ||
    isSetupError(errorKindOf(error))
  );
}

/** The message of an expected error: an API error with its code and RequestId. */
export function messageOf(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  return `${error.describe()}${error.requestId ? ` (RequestId ${error.requestId})` : ''}`;
}
