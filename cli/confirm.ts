/**
 * The confirmation of every irreversible cloud command (`tcvpn apply`, `delete`, `reset`): on a terminal, a y/N
 * question on stderr (stdout stays the command's output); `--yes` skips it, for scripts; without a terminal and
 * without `--yes` nothing is sent and the command exits 2, so a CI job never changes a tunnel by accident.
 */
import * as readline from 'node:readline';

/** Where a command asks: a terminal or not, and a way to ask. */
export interface ConfirmIo {
  /** True when stdin is a terminal a person can answer on. */
  readonly interactive: boolean;
  /** Asks one question and resolves with the answer line. */
  ask(question: string): Promise<string>;
}

/** There is no terminal to ask on and --yes was not given: nothing was sent. */
export class ConfirmationUnavailableError extends Error {
  override name = 'ConfirmationUnavailableError';
}

/** The process's own terminal: stdin for the answer, stderr for the question. */
export function terminalIo(): ConfirmIo {
  return {
    interactive: process.stdin.isTTY === true,
    ask: (question) =>
      new Promise((resolve) => {
        const prompt = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
        // Resolved before the close: closing emits 'close', which answers "" (no, for an ended input) otherwise.
        prompt.question(question, (answer) => {
          resolve(answer);
          prompt.close();
        });
        prompt.on('close', () => resolve(''));
      }),
  };
}

/**
 * True when the user agrees to `what` (a question naming the tunnel); `yes` agrees without asking. Throws
 * ConfirmationUnavailableError when there is no terminal and no `yes`.
 */
export async function confirmed(what: string, yes: boolean, io: ConfirmIo): Promise<boolean> {
  if (yes) return true;
  if (!io.interactive)
    throw new ConfirmationUnavailableError(
      `${what}\nrefused: no terminal to confirm on; pass --yes to confirm in a script. Nothing was sent.`,
    );
  const answer = await io.ask(`${what} [y/N] `);
  return /^y(es)?$/i.test(answer.trim());
}
