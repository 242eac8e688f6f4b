/**
 * The JSON peer for the benchmark: VS Code's JSON language service (vscode-json-languageservice) behind a stdio LSP
 * server that does what VS Code's own JSON server (extensions/json-language-features/server) does for these
 * requests: one parsed JSONDocument per document version shared by every feature, diagnostics pushed after
 * didOpen/didChange from doValidation with the schema associated by file glob, completion from doComplete, hover
 * from doHover.
 *
 * One honest difference, in the peer's favour: VS Code's server delays push validation by 500 ms (its pull mode does
 * not); this wrapper validates at once, so edit→diagnostics measures the language service, not a timer.
 *
 * Usage: node jsonPeerServer.js --stdio --schema /abs/schema.json --fileMatch '*.vpnconn.json'
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getLanguageService, type JSONDocument, type LanguageService } from 'vscode-json-languageservice';
import {
  createConnection,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const schemaPath = argument('--schema');
const fileMatch = argument('--fileMatch') ?? '*.json';
const connection = createConnection();
const documents = new TextDocuments(TextDocument);
let service: LanguageService | undefined;

/** VS Code's languageModelCache in small: the parse of the newest version of each open document. */
const parsed = new Map<string, { version: number; languageId: string; json: JSONDocument }>();
function jsonDocument(ls: LanguageService, doc: TextDocument): JSONDocument {
  const cached = parsed.get(doc.uri);
  if (cached && cached.version === doc.version && cached.languageId === doc.languageId) return cached.json;
  const json = ls.parseJSONDocument(doc);
  parsed.set(doc.uri, { version: doc.version, languageId: doc.languageId, json });
  return json;
}

connection.onInitialize((params: InitializeParams) => {
  service = getLanguageService({
    // VS Code's Node runtime reads file: schemas from disk; anything else would be a network fetch, which we refuse.
    schemaRequestService: (uri) =>
      uri.startsWith('file:')
        ? readFile(fileURLToPath(uri), 'utf8')
        : Promise.reject(new Error(`no network schemas: ${uri}`)),
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
    clientCapabilities: params.capabilities,
  });
  service.configure({
    validate: true,
    allowComments: false,
    schemas: schemaPath ? [{ uri: pathToFileURL(schemaPath).href, fileMatch: [fileMatch] }] : [],
  });
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
      hoverProvider: true,
    },
  };
});

/** Validates the document's current version and publishes, unless a newer version arrived meanwhile (as VS Code). */
async function validate(doc: TextDocument): Promise<void> {
  const ls = service;
  if (!ls) return;
  try {
    const settings =
      doc.languageId === 'jsonc'
        ? ({ comments: 'ignore', trailingCommas: 'warning' } as const)
        : ({ comments: 'error', trailingCommas: 'error' } as const);
    const diagnostics = await ls.doValidation(doc, jsonDocument(ls, doc), settings);
    const current = documents.get(doc.uri);
    if (current && current.version === doc.version)
      await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  } catch (error) {
    connection.console.error(`validation failed: ${String(error)}`);
  }
}

documents.onDidChangeContent((event) => void validate(event.document));
documents.onDidClose((event) => {
  parsed.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onCompletion(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc && service ? service.doComplete(doc, params.position, jsonDocument(service, doc)) : null;
});
connection.onHover(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc && service ? service.doHover(doc, params.position, jsonDocument(service, doc)) : null;
});

documents.listen(connection);
connection.listen();
