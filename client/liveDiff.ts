/**
 * "Show Changes Against Live Tunnel": VS Code's diff editor with the live tunnel on the left, a read-only virtual
 * document rendered by cloud/tunnel's `renderTunnelFile` in the file's own format, and the file on the right. So
 * that the diff highlights exactly what the plan calls a change, the live side lists the file's keys in the file's
 * order, and a value the service holds equal to the file's (30 and "30", a default left out, either spelling of
 * the integrity algorithm) is written as the file writes it. The pre-shared key is masked on both sides: a file
 * without one is shown as it is (and stays editable); a file with one is shown as a read-only copy with the key
 * masked, and the live side shows the mask too, marked when the keys differ. Both virtual documents follow the
 * file's edits.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { MASK } from '../cloud/mask';
import { maskTopLevelKey, renderTunnelFile, type TunnelPlan } from '../cloud/tunnel';
import { documentTunnel, planDocument, type DocumentPlan } from './documentPlan';
import type { LiveTunnelCache } from './liveTunnels';
import type { Services } from './services';
import { formatOf } from './tunnelFile';

export const LIVE_SCHEME = 'tencentcloud-vpn-live';
export const MASKED_SCHEME = 'tencentcloud-vpn-masked';

type Params = Record<string, unknown>;

/** The live tunnel's parameters as the diff's left side shows them (see the file comment). */
export function shownLiveParams(plan: TunnelPlan, fileParams: Params, liveParams: Params): Params {
  const changed = new Set(plan.changes.map((change) => change.field));
  const keys = [...Object.keys(fileParams), ...Object.keys(liveParams).filter((key) => !(key in fileParams))];
  const shown: Params = {};
  for (const key of keys) {
    if (key === 'PreShareKey') continue;
    if (key in fileParams && !changed.has(key)) shown[key] = fileParams[key];
    else if (key in liveParams) shown[key] = liveParams[key];
  }
  if (fileParams.PreShareKey !== undefined)
    shown.PreShareKey = changed.has('PreShareKey') ? `${MASK} (${vscode.l10n.t('differs from the file')})` : MASK;
  return shown;
}

/** The live side's text for a planned document. */
function liveText(planned: DocumentPlan, format: 'yaml' | 'json'): string {
  const { live, plan, read } = planned;
  const params = shownLiveParams(plan, read.params, live.form.params);
  const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return renderTunnelFile(
    { params, notes: live.form.notes },
    {
      format,
      vpnConnectionId: planned.vpnConnectionId,
      region: planned.region,
      includePsk: params.PreShareKey !== undefined,
      heading: `Live tunnel ${planned.vpnConnectionId} (${planned.region}), read at ${at}; read-only.`,
    },
  ).text;
}

/** The document a virtual uri's query names, if it is open. */
function fileOf(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.query);
}

/** Serves both virtual documents of the diff, and refreshes them as the file and the live tunnel change. */
export class LiveDiffProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** The virtual uris shown, by the file they follow. */
  private readonly shown = new Map<string, Set<string>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly services: Services,
    private readonly live: LiveTunnelCache,
  ) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(LIVE_SCHEME, this),
      vscode.workspace.registerTextDocumentContentProvider(MASKED_SCHEME, this),
      vscode.workspace.onDidChangeTextDocument((event) => this.refresh(event.document.uri.toString())),
      live.onDidClear(() => [...this.shown.keys()].forEach((file) => this.refresh(file))),
    ];
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const document = fileOf(uri);
    if (!document) return vscode.l10n.t('The file {0} is no longer open.', uri.query);
    if (uri.scheme === MASKED_SCHEME)
      return maskTopLevelKey(document.getText(), formatOf(document) ?? 'yaml', 'PreShareKey', MASK);
    try {
      const tunnel = await documentTunnel(this.services, document);
      if (!tunnel) return vscode.l10n.t('This file names no tunnel (no VpnConnectionId).');
      return liveText(await planDocument(this.services, this.live, tunnel), formatOf(document) ?? 'yaml');
    } catch (error) {
      const message = this.services.redactor.redact(error instanceof Error ? error.message : String(error));
      return vscode.l10n.t('The live tunnel could not be read: {0}', message);
    }
  }

  /** Opens the diff of a document's live tunnel (left) and the document (right); returns the two uris. */
  async show(document: vscode.TextDocument, planned: DocumentPlan): Promise<{ live: vscode.Uri; file: vscode.Uri }> {
    const format = formatOf(document) ?? 'yaml';
    const file = document.uri.toString();
    const live = vscode.Uri.from({
      scheme: LIVE_SCHEME,
      path: `/${planned.region}/${planned.vpnConnectionId}.vpnconn.${format}`,
      query: file,
    });
    const right =
      planned.read.params.PreShareKey === undefined
        ? document.uri
        : vscode.Uri.from({ scheme: MASKED_SCHEME, path: `/${path.basename(document.uri.path)}`, query: file });
    this.shown.set(file, new Set([live.toString(), right.toString()]));
    this.changed.fire(live);
    if (right !== document.uri) this.changed.fire(right);
    const title = vscode.l10n.t('{0} (live) ↔ {1}', planned.vpnConnectionId, path.basename(document.uri.path));
    await vscode.commands.executeCommand('vscode.diff', live, right, title, { preview: true });
    return { live, file: right };
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.changed.dispose();
  }

  private refresh(file: string): void {
    for (const uri of this.shown.get(file) ?? []) if (uri !== file) this.changed.fire(vscode.Uri.parse(uri));
  }
}
