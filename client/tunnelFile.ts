/**
 * What an open document says about the tunnel it describes, read without the language server: its format (YAML
 * or JSON), its top-level `VpnConnectionId` (the file then describes that existing tunnel) and `Region`. Only the
 * first document of a YAML stream counts: an existing tunnel's file is one document. Text that does not parse
 * names no tunnel. Read with the language library's own tree (cloud/tunnel/fileFacts.ts), as the CLI reads it:
 * JSON with comments included.
 */
import * as vscode from 'vscode';
import { topLevelString } from '../cloud/tunnel';

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

/** The facts of an open document of ours; undefined for other documents. */
export function tunnelFileOf(document: vscode.TextDocument): TunnelFileFacts | undefined {
  const format = formatOf(document);
  if (!format) return undefined;
  const text = document.getText();
  const id = topLevelString(text, format, 'VpnConnectionId');
  return {
    format,
    vpnConnectionId: id.value,
    region: topLevelString(text, format, 'Region').value,
    idLine: id.keyOffset === undefined ? undefined : document.positionAt(id.keyOffset).line,
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
