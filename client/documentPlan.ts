/**
 * An open document as cloud/tunnel reads it, and its plan against the live tunnel it names: the one pipeline's
 * check and the file's parameters (`readTunnelFile`), its region (the file's `Region`, else the setting, else the
 * credentials' region, as a submit chooses), the live tunnel (from the LiveTunnelCache, or fresh for an apply) and
 * `planTunnel`. The status bar, the diff view and Apply all plan through here, so they never disagree.
 */
import * as vscode from 'vscode';
import { syntaxOf } from '../cloud/plan';
import { chooseRegion } from '../cloud/region';
import { planTunnel, readTunnelFile, type LiveTunnel, type ReadTunnelFile, type TunnelPlan } from '../cloud/tunnel';
import { Settings } from '../protocol/settings';
import { messageLang, regionSetting } from './config';
import type { LiveTunnelCache } from './liveTunnels';
import type { Services } from './services';

/** A document that names a tunnel, read; `problems` non-empty when it cannot be planned. */
export interface DocumentTunnel {
  read: ReadTunnelFile;
  vpnConnectionId: string;
  region: string;
}

/** A planned document: the live tunnel and what differs. */
export interface DocumentPlan extends DocumentTunnel {
  live: LiveTunnel;
  plan: TunnelPlan;
}

/** Reads a document with cloud/tunnel (the one pipeline's check included). */
export function readDocument(document: vscode.TextDocument): ReadTunnelFile {
  const uri = document.uri.toString();
  return readTunnelFile(
    { text: document.getText(), kind: syntaxOf(document.languageId), uri, source: uri },
    {
      lang: messageLang(),
      disabledRules: vscode.workspace.getConfiguration().get<string[]>(Settings.disabledRules, []),
    },
  );
}

/** The document's tunnel and region, or undefined when it names no tunnel. */
export async function documentTunnel(
  services: Services,
  document: vscode.TextDocument,
): Promise<DocumentTunnel | undefined> {
  const read = readDocument(document);
  if (!read.vpnConnectionId) return undefined;
  const credentials = await services.credentials().catch(() => undefined);
  const region = chooseRegion({ documentRegion: read.region, setting: regionSetting(), credentials });
  return { read, vpnConnectionId: read.vpnConnectionId, region };
}

/** The plan of a document that names a tunnel (cached live tunnel unless `fresh`); throws the read's error. */
export async function planDocument(
  services: Services,
  live: LiveTunnelCache,
  tunnel: DocumentTunnel,
  fresh = false,
): Promise<DocumentPlan> {
  const found = await (fresh ? live.fresh : live.get).call(live, tunnel.region, tunnel.vpnConnectionId);
  return { ...tunnel, live: found, plan: planTunnel(tunnel.read.params, found) };
}
