/**
 * Whether input is still waiting: a counter of the messages the reader delivered and the connection handled, so
 * background work (the diagnostics publisher) can run only on a turn of the event loop that saw no new input,
 * and every queued request and change is handled before it.
 *
 * vscode-jsonrpc queues what the reader delivers and handles one message per `setImmediate`, so a burst of 200
 * changes in one write takes 200 turns of the event loop. Work scheduled by one `setImmediate` runs between them,
 * once per message. Comparing the counter from one turn to the next tells whether the queue moved: when it did
 * not, the queue is empty (it moves on every turn while it holds a message). The counter is read, never waited
 * on, so it costs nothing when the client is quiet.
 */
import { performance } from 'node:perf_hooks';
import type { Message, MessageStrategy } from 'vscode-languageserver/node';

export class InputActivity {
  private count = 0;

  /** Changes whenever a message arrives or is handled. */
  get tick(): number {
    return this.count;
  }

  /** A message arrived (the reader's onMessage hook). */
  arrived(): void {
    this.count++;
  }

  /**
   * Calls `callback` on the first turn of the event loop that sees no input move (the queue is empty), or after
   * `maxMs` whatever comes: the end of stdin waits so, for the messages read before it to be handled.
   */
  whenDrained(callback: () => void, maxMs: number): void {
    const started = performance.now();
    let seen = Number.NaN;
    const turn = () => {
      if (this.count === seen || performance.now() - started >= maxMs) return callback();
      seen = this.count;
      setImmediate(turn);
    };
    setImmediate(turn);
  }

  /** The connection's message strategy: counts each message it handles, then handles it as usual. */
  readonly strategy: MessageStrategy = {
    handleMessage: (message: Message, next: (message: Message) => ReturnType<MessageStrategy['handleMessage']>) => {
      this.count++;
      return next(message);
    },
  };
}
