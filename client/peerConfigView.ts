/**
 * "Show Peer Device Configuration": the customer gateway's configuration for the active VPN connection file, as
 * a read-only virtual document (scheme tcvpn-peer) beside it, rebuilt whenever the file changes. The vendor comes
 * from a quick pick, preselected with the file's `# tcvpn-peer:` comment, the vendor last chosen for this file
 * (remembered in the workspace state) or the tencentcloudVpn.peerVendor setting. The pre-shared key is never
 * shown: the document carries the <PRE_SHARED_KEY> placeholder. With credentials, the public addresses and ASNs
 * come from the account (the gateways the file names), as `peerConfig` takes them. What the vendor cannot do and the placeholders
 * left to fill in head the document as comments. Tests call `executeCommand(Commands.showPeerConfig, uri,
 * { vendor })` and get the virtual document's uri back.
 */
import * as vscode from 'vscode';
import { checkSubmissionFile, syntaxOf } from '../cloud/plan';
import { peerCommentVendor } from '../language/peer/vendorChoice';
import type { ResourceSnapshot } from '../language/account/snapshot';
import {
  commentMarker,
  peerAccountFacts,
  peerConfig,
  VENDORS,
  type PeerAccountFacts,
  type VendorId,
} from '../peer/index';
import { Settings } from '../protocol/settings';
import { Commands } from './commands';
import { messageLang } from './config';

export const PEER_SCHEME = 'tcvpn-peer';
const LANGUAGES = ['tencentcloud-vpn-json', 'tencentcloud-vpn-yaml'];
const MEMORY_PREFIX = 'tencentcloudVpn.peerVendor:';
/** How long the view waits for the account before it uses the file's own addresses. */
const ACCOUNT_WAIT_MS = 5000;

/** The account's snapshot of a region (the extension's account cache), null without credentials. */
export type SnapshotLookup = (region: string | undefined, signal: AbortSignal) => Promise<ResourceSnapshot | null>;

function isVendor(id: unknown): id is VendorId {
  return VENDORS.some((vendor) => vendor.id === id);
}

/** The view's uri for a source file and a vendor: the query carries both, the path names them for the tab. */
function viewUri(source: vscode.Uri, vendor: VendorId): vscode.Uri {
  const base = source.path.split('/').pop() || 'tunnel';
  const query = new URLSearchParams({ source: source.toString(), vendor }).toString();
  return vscode.Uri.from({ scheme: PEER_SCHEME, path: `/${base}.${vendor}.conf`, query });
}

/** What the account knows of the file's gateways; nothing without credentials, on a failure or after the wait. */
async function accountFacts(
  params: Record<string, unknown>,
  region: string | undefined,
  lookup: SnapshotLookup | undefined,
): Promise<PeerAccountFacts | undefined> {
  if (!lookup) return undefined;
  try {
    const snapshot = await lookup(region, AbortSignal.timeout(ACCOUNT_WAIT_MS));
    return snapshot ? peerAccountFacts(params, snapshot) : undefined;
  } catch {
    return undefined;
  }
}

/** The text of a view: the configuration, headed by its problems and placeholders; or why there is none. */
async function viewText(source: vscode.TextDocument, vendor: VendorId, lookup?: SnapshotLookup): Promise<string> {
  const marker = commentMarker(vendor);
  const file = {
    text: source.getText(),
    kind: syntaxOf(source.languageId),
    uri: source.uri.toString(),
    source: source.uri.toString(),
  };
  const disabledRules = vscode.workspace.getConfiguration().get<string[]>(Settings.disabledRules, []);
  // A file naming its existing tunnel has another end too (Open as File → this view is the common path).
  const checked = checkSubmissionFile(file, { lang: messageLang(), disabledRules }, { allowTunnelId: true });
  if (checked.problems.length) {
    const reason = vscode.l10n.t('No peer configuration: the file has errors. Fix them and this view follows.');
    return [`${marker} ${reason}`, ...checked.problems.map((problem) => `${marker}   ${problem}`), ''].join('\n');
  }
  const part = checked.check.parts.find((candidate) => candidate.index === checked.documents[0]?.index);
  const params = part?.params ?? {};
  const config = peerConfig(params, { vendor, account: await accountFacts(params, part?.region, lookup) });
  const head = [
    ...config.problems.map(
      (problem) => `${marker} ${vscode.l10n.t('Problem: {0}: {1}', problem.parameter, problem.message[messageLang()])}`,
    ),
    ...(config.placeholders.length
      ? [`${marker} ${vscode.l10n.t('Fill in: {0}', config.placeholders.join(', '))}`]
      : []),
    ...(checked.documents.length > 1
      ? [`${marker} ${vscode.l10n.t('The file has several documents: this is the first.')}`]
      : []),
  ];
  return [...head, ...(head.length ? [marker] : []), config.text].join('\n');
}

/** Serves tcvpn-peer: documents and refreshes the open ones when their source file changes. */
class PeerConfigProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  constructor(private readonly lookup: SnapshotLookup | undefined) {}

  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Set<string>();
  private readonly watcher = vscode.workspace.onDidChangeTextDocument((event) =>
    this.sourceChanged(event.document.uri),
  );
  private readonly closer = vscode.workspace.onDidCloseTextDocument((document) =>
    this.open.delete(document.uri.toString()),
  );

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const query = new URLSearchParams(uri.query);
    const vendor = query.get('vendor');
    const source = query.get('source');
    if (!source || !isVendor(vendor)) return `# ${vscode.l10n.t('Unknown peer configuration view.')}\n`;
    this.open.add(uri.toString());
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(source));
    return viewText(document, vendor, this.lookup);
  }

  private sourceChanged(source: vscode.Uri): void {
    for (const view of this.open) {
      const uri = vscode.Uri.parse(view);
      if (new URLSearchParams(uri.query).get('source') === source.toString()) this.changed.fire(uri);
    }
  }

  dispose(): void {
    this.watcher.dispose();
    this.closer.dispose();
    this.changed.dispose();
  }
}

/** The vendor to show: the one the caller gives, else the user's pick (preselected), remembered for the file. */
async function chooseVendor(
  document: vscode.TextDocument,
  memory: vscode.Memento,
  given: unknown,
): Promise<VendorId | undefined> {
  if (isVendor(given)) return given;
  const key = MEMORY_PREFIX + document.uri.toString();
  const setting = vscode.workspace.getConfiguration().get<string>(Settings.peerVendor, '');
  const preferred = [peerCommentVendor(document.getText()), memory.get<string>(key), setting].find(isVendor);
  const items = VENDORS.map((vendor) => ({
    label: vendor.name,
    description: vendor.id,
    picked: vendor.id === preferred,
    id: vendor.id,
  }));
  items.sort((a, b) => Number(b.picked) - Number(a.picked));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Which device is the customer gateway?'),
  });
  if (picked) await memory.update(key, picked.id);
  return picked?.id;
}

/** Registers the command and the tcvpn-peer: document provider. */
export function registerPeerConfigView(memory: vscode.Memento, lookup?: SnapshotLookup): vscode.Disposable[] {
  const provider = new PeerConfigProvider(lookup);
  const command = vscode.commands.registerCommand(Commands.showPeerConfig, async (uri?: unknown, options?: unknown) => {
    const document =
      uri instanceof vscode.Uri
        ? await vscode.workspace.openTextDocument(uri)
        : vscode.window.activeTextEditor?.document;
    if (!document || !LANGUAGES.includes(document.languageId)) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Open a VPN connection file to show its peer configuration.'),
      );
      return undefined;
    }
    const given = options && typeof options === 'object' ? (options as { vendor?: unknown }).vendor : undefined;
    const vendor = await chooseVendor(document, memory, given);
    if (!vendor) return undefined;
    const view = viewUri(document.uri, vendor);
    const shown = await vscode.workspace.openTextDocument(view);
    await vscode.window.showTextDocument(shown, {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
      preserveFocus: true,
    });
    return view;
  });
  return [provider, vscode.workspace.registerTextDocumentContentProvider(PEER_SCHEME, provider), command];
}
