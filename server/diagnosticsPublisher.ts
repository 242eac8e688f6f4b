/**
 * Pushes diagnostics (textDocument/publishDiagnostics), which VS Code's getDiagnostics and every client
 * understand. Changes are coalesced per document until the event loop is idle (setImmediate, no timer), so a
 * burst of keystrokes costs one validation of the newest version and a single keystroke costs no waiting.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServiceOptions, VpnLanguageService } from '../language/languageService';
import { describe } from './guard';

export class DiagnosticsPublisher {
  private readonly pending = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: VpnLanguageService,
    private readonly optionsFor: (doc: TextDocument) => ServiceOptions | undefined,
  ) {}

  /** Queues a document for validation on the next idle turn of the event loop. */
  schedule(uri: string): void {
    this.pending.add(uri);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Queues every open document, e.g. after the settings changed. */
  scheduleAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  /** Clears a closed document's diagnostics. */
  clear(uri: string): void {
    this.pending.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private flush(): void {
    this.scheduled = false;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) this.publish(uri);
  }

  private publish(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    try {
      const options = this.optionsFor(doc);
      const diagnostics = options ? this.service.validate(doc, options) : [];
      void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    } catch (error) {
      this.connection.console.error(`validation of ${uri} failed: ${describe(error)}`);
    }
  }
}
