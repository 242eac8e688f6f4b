/**
 * The "Tencent Cloud VPN" output channel. Every line also stays in a bounded in-memory buffer so the in-editor
 * tests (through the extension's API) can search what a user would see, e.g. for leaked secrets.
 */
import * as vscode from 'vscode';
import type { LogSink } from '../cloud/log';
import { SecretRedactor } from '../cloud/mask';

const MAX_LINES = 5000;

/** Output channel plus an in-memory copy of its lines. */
export class OutputLog implements LogSink, vscode.Disposable {
  private readonly channel: vscode.OutputChannel;
  private readonly lines: string[] = [];
  /** Secret values registered here never reach the channel, even inside an error message. */
  readonly redactor = new SecretRedactor();

  constructor(name: string) {
    this.channel = vscode.window.createOutputChannel(name);
  }

  /** Appends one timestamped line (callers pass masked text; known secret values are redacted again). */
  info(message: string): void {
    const line = `[${new Date().toISOString()}] ${this.redactor.redact(message)}`;
    this.lines.push(line);
    if (this.lines.length > MAX_LINES) this.lines.splice(0, this.lines.length - MAX_LINES);
    this.channel.appendLine(line);
  }

  /** A copy of every line logged so far (bounded to the last 5000). */
  snapshot(): string[] {
    return [...this.lines];
  }

  /** Reveals the channel without taking focus. */
  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
