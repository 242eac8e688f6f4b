/**
 * Runs `tcvpn validate` in-process with captured output, from the CLI fixtures folder unless told otherwise.
 * In-process runs keep the many CLI tests fast; the pack test runs the real bins as installed.
 */
import * as path from 'node:path';
import { runValidate } from '../../../cli/validate';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const CLI_FIXTURES = path.join(REPO_ROOT, 'test/fixtures/cli');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `tcvpn validate ARGS` with a fixed English locale, so messages do not depend on the machine. */
export async function validate(
  args: string[],
  cwd = CLI_FIXTURES,
  env: NodeJS.ProcessEnv = { LANG: 'C' },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runValidate(args, {
    cwd,
    env,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  });
  return { code, stdout, stderr };
}

/** The `text` output's lines, without the empty string after the last newline. */
export function linesOf(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

/** The `json` output parsed, typed loosely: the tests check the shape themselves. */
export function findingsOf(
  run: CliRun,
): Array<Record<string, unknown> & { file: string; code: string; severity: string }> {
  return JSON.parse(run.stdout);
}
