/**
 * What an open document says about the tunnel it describes, read without the language server: its format (YAML
 * or JSON), its top-level `VpnConnectionId` (the file then describes that existing tunnel) and `Region`. Only the
 * first document of a YAML stream counts: an existing tunnel's file is one document. Text that does not parse
 * names no tunnel.
 */
import * as vscode from 'vscode';
import { parseDocument } from 'yaml';

export type FileFormat = 'yaml' | 'json';

/** The facts of a document that names (or could name) a tunnel. */
export interface TunnelFileFacts {
  format: FileFormat;
  vpnConnectionId?: string;
  region?: string;
  /** 0-based line of the `VpnConnectionId` key, for the CodeLens. */
  idLine?: number;
}

const OUR_LANGUAGES: Record<string, FileFormat> = {
  'tencentcloud-vpn-yaml': 'yaml',
  'tencentcloud-vpn-json': 'json',
};

/** The format of one of our documents, or undefined for any other document. */
export function formatOf(document: vscode.TextDocument): FileFormat | undefined {
  return OUR_LANGUAGES[document.languageId];
}

/** The string value of a top-level key, with the offset of its key. */
function topLevel(root: unknown, key: string): { value?: string; offset?: number } {
  const map = root as { items?: { key?: { value?: unknown; range?: number[] }; value?: { value?: unknown } }[] };
  const pair = map?.items?.find((item) => item.key?.value === key);
  const value = pair?.value?.value;
  return { value: typeof value === 'string' && value.trim() ? value.trim() : undefined, offset: pair?.key?.range?.[0] };
}

/** The facts of an open document of ours; undefined for other documents. */
export function tunnelFileOf(document: vscode.TextDocument): TunnelFileFacts | undefined {
  const format = formatOf(document);
  if (!format) return undefined;
  // JSON is YAML too, so one parser reads both (and keeps each key's offset).
  const parsed = parseDocument(document.getText(), { strict: false, uniqueKeys: false });
  const id = topLevel(parsed.contents, 'VpnConnectionId');
  return {
    format,
    vpnConnectionId: id.value,
    region: topLevel(parsed.contents, 'Region').value,
    idLine: id.offset === undefined ? undefined : document.positionAt(id.offset).line,
  };
}

/** A document the user edits (a file or an untitled one), not one of our virtual views of a live tunnel. */
export function isUserDocument(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' || document.uri.scheme === 'untitled';
}

/** The open documents the user edits that name a tunnel, by VpnConnectionId. */
export function openTunnelFiles(): Map<string, vscode.TextDocument> {
  const found = new Map<string, vscode.TextDocument>();
  for (const document of vscode.workspace.textDocuments) {
    const id = isUserDocument(document) ? tunnelFileOf(document)?.vpnConnectionId : undefined;
    if (id && !found.has(id)) found.set(id, document);
  }
  return found;
}
