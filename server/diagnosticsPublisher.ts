/**
 * Pushes diagnostics (textDocument/publishDiagnostics), which VS Code's getDiagnostics and every client
 * understand. Validation is background work: it runs only when no input is waiting, one document per turn of the
 * event loop, so a burst of changes costs one validation of the newest version, and requests that arrive during
 * a flood of changes are answered before it.
 *
 * Why not one `setImmediate` per burst: vscode-jsonrpc handles one queued message per `setImmediate`, so a
 * validation scheduled by `setImmediate` ran after every single message. 200 changes in one write gave 200
 * validations and 200 publishes, and a hover queued behind a 2,000-change flood of a 500-entry YAML file waited
 * for up to 2,000 validations. Two cures were weighed:
 * - a debounce timer (validate after N ms without a change) adds N ms to every keystroke, and a burst that
 *   outlasts N ms (slow pipe, busy machine) still validates in the middle;
 * - waiting for the input queue to drain (chosen): each turn compares InputActivity's counter (inputActivity.ts)
 *   with the previous turn's; while it moves, messages are still queued and the validation waits one more turn.
 *   A single keystroke waits two turns (microseconds, no timer); a burst in one write costs one validation.
 * Measured over stdio (test/lsp/flood.test.ts prints it): 200 changes in one write, 200 publishes before and 1
 * after; hover and completion on another document during 2,000 changes to the 500-entry YAML file, p95 3.7–4.0 s
 * before and 20–80 ms after (what remains is the queue of changes ahead of the request, ~20–45 µs each); one
 * change alone is published in about 1 ms, as before.
 *
 * Validation is never starved: once a document has waited MAX_DEFER_MS through unbroken input, it is validated on
 * the next turn anyway (one validation, then input goes first again). Documents are validated one at a time, the
 * oldest first, each on its own turn, always at their newest version: a document that changed again while queued
 * is validated once, not once per change.
 *
 * A large document is validated in the worker thread (largeDocuments.ts): its diagnostics arrive later, and are
 * published only when the document is still open at the version they were computed on, so a flood of changes
 * ends with the last version's diagnostics and never an older one's.
 */
import { performance } from 'node:perf_hooks';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ServiceOptions, VpnLanguageService } from '../language/languageService';
import { describe } from './guard';
import type { Computed } from './largeDocuments';

/** Whether input moved: `tick` changes whenever a message arrives or is handled (InputActivity). */
export interface InputSignal {
  readonly tick: number;
}

/** Validates a document here (an array) or elsewhere (a promise; undefined when a newer version superseded it). */
export type Validator = (
  doc: TextDocument,
  options: ServiceOptions,
) => Diagnostic[] | Promise<Computed<Diagnostic[]> | undefined>;

/** No input is ever seen waiting (a host without a reader to watch): validation runs on the second turn. */
const NO_INPUT: InputSignal = { tick: 0 };

/** The longest a queued validation waits while input keeps coming, in ms. */
export const MAX_DEFER_MS = 500;

export class DiagnosticsPublisher {
  /** The documents to validate, oldest first. */
  private readonly pending = new Set<string>();
  private armed = false;
  /** The input counter seen on the previous turn. */
  private seenTick = Number.NaN;
  /** When the oldest pending validation began to wait. */
  private waitingSince: number | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: VpnLanguageService,
    private readonly optionsFor: (doc: TextDocument) => ServiceOptions | undefined,
    private readonly input: InputSignal = NO_INPUT,
    /** Where documents are validated; default: here, by the service. */
    private readonly validator?: Validator,
  ) {}

  /** Queues a document for validation once no input is waiting. */
  schedule(uri: string): void {
    this.pending.add(uri);
    this.waitingSince ??= performance.now();
    this.arm();
  }

  /** Queues every open document, e.g. after the settings changed. */
  scheduleAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  /** Clears a closed document's diagnostics. */
  clear(uri: string): void {
    this.pending.delete(uri);
    if (this.pending.size === 0) this.waitingSince = undefined;
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private arm(): void {
    if (this.armed) return;
    this.armed = true;
    setImmediate(() => this.turn());
  }

  /** One turn: wait another turn while input moves, else validate the oldest pending document. */
  private turn(): void {
    this.armed = false;
    const uri = this.pending.values().next().value;
    if (uri === undefined) {
      this.waitingSince = undefined;
      return;
    }
    const tick = this.input.tick;
    const inputMoved = tick !== this.seenTick;
    this.seenTick = tick;
    if (inputMoved && performance.now() - (this.waitingSince ?? 0) < MAX_DEFER_MS) return this.arm();
    this.pending.delete(uri);
    this.waitingSince = this.pending.size > 0 ? performance.now() : undefined;
    this.publish(uri);
    if (this.pending.size > 0) this.arm();
  }

  private publish(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    try {
      const options = this.optionsFor(doc);
      const validate = this.validator ?? ((d: TextDocument, o: ServiceOptions) => this.service.validate(d, o));
      const diagnostics = options ? validate(doc, options) : [];
      if (!(diagnostics instanceof Promise)) {
        this.send(uri, doc.version, diagnostics);
        // What the validation left for later (a first open's tree: language/parsing/jsonFast.ts), on a later turn.
        const version = doc.version;
        setImmediate(() => this.prepare(uri, version));
        return;
      }
      diagnostics.then(
        (computed) =>
          computed &&
          this.documents.get(uri)?.version === computed.version &&
          this.send(uri, computed.version, computed.value),
        (error: unknown) => this.failed(uri, error),
      );
    } catch (error) {
      this.failed(uri, error);
    }
  }

  /** Builds what a document's validation left for later, unless it changed or is waiting to be validated again. */
  private prepare(uri: string, version: number): void {
    const doc = this.documents.get(uri);
    if (!doc || doc.version !== version || this.pending.has(uri)) return;
    try {
      this.service.prepare(doc);
    } catch (error) {
      this.connection.console.error(`preparing ${uri} failed: ${describe(error)}`);
    }
  }

  private send(uri: string, version: number, diagnostics: Diagnostic[]): void {
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private failed(uri: string, error: unknown): void {
    this.connection.console.error(`validation of ${uri} failed: ${describe(error)}`);
  }
}
