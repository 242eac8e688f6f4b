/**
 * Where the core writes its request/response log: the output channel in the extension, stderr or nothing in the
 * CLI, an array in tests. Every message handed to a sink has already been masked.
 */
export interface LogSink {
  info(message: string): void;
}

/** A sink that drops everything. */
export const SILENT_LOG: LogSink = { info: () => undefined };

/** A sink that keeps the lines in memory (tests, and the CLI's --verbose). */
export class MemoryLog implements LogSink {
  readonly lines: string[] = [];

  info(message: string): void {
    this.lines.push(message);
  }
}
