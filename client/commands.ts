/**
 * Every command id the extension contributes, in one place: the client registers them, the in-editor tests run
 * them, and test/unit/protocol.test.ts checks that package.json `contributes.commands` declares exactly these and
 * that every menu entry names one. They live in client/, not protocol/: they are the extension's contract with
 * VS Code (and its users' keybindings); the language server never names a command.
 */

/** Each command id, by the name the code uses for it. */
export const Commands = {
  /** Submit the active VPN connection file (editor title button, context menu, palette). */
  submit: 'tencentcloudVpn.submit',
  /** Store a SecretId/SecretKey pair in VS Code's secret storage (prompts, or takes `{ secretId, secretKey }`). */
  setCredentials: 'tencentcloudVpn.setCredentials',
  /** Remove the stored key pair. */
  clearCredentials: 'tencentcloudVpn.clearCredentials',
  /** Forget the cached account resources; the language server asks for them again. */
  refreshAccountResources: 'tencentcloudVpn.refreshAccountResources',
  /** Open the rules page (docs/rules.md, shipped) as a Markdown preview at a rule's heading; diagnostics link here. */
  openRuleDoc: 'tencentcloudVpn.openRuleDoc',
  /** Copy the active file's request as a terraform tencentcloud_vpn_connection resource (PSK left out). */
  copyAsTerraform: 'tencentcloudVpn.copyAsTerraform',
  /** Copy the active file's request as a `tccli vpc CreateVpnConnection` command line (PSK left out). */
  copyAsTccli: 'tencentcloudVpn.copyAsTccli',
  /** Copy the active file's request as a tencentcloud-sdk-nodejs CreateVpnConnection call (PSK left out). */
  copyAsSdk: 'tencentcloudVpn.copyAsSdk',
  /** Show the customer gateway's configuration for a peer vendor beside the file (a read-only tcvpn-peer: view). */
  showPeerConfig: 'tencentcloudVpn.showPeerConfig',
  /** Open the official CreateVpnConnection example as an untitled YAML file. */
  openExample: 'tencentcloudVpn.openExample',
  /** VPN Tasks view: poll one task (item) or every running one (title bar) now. */
  tasksRefresh: 'tencentcloudVpn.tasks.refresh',
  /** VPN Tasks view: remove every finished task. */
  tasksClearFinished: 'tencentcloudVpn.tasks.clearFinished',
  /** VPN Tasks view: copy the id a detail row shows. */
  tasksCopyId: 'tencentcloudVpn.tasks.copyId',
  /** VPN Tasks view: open the file a task was submitted from. */
  tasksOpenSource: 'tencentcloudVpn.tasks.openSource',
  /** VPN Tasks view: show the API response of a task. */
  tasksShowResponse: 'tencentcloudVpn.tasks.showResponse',
  /** VPN Tasks view: remove one finished task. */
  tasksRemove: 'tencentcloudVpn.tasks.remove',
  /** Account view: read every region again (title bar). */
  accountRefresh: 'tencentcloudVpn.account.refresh',
  /** Account view: import a tunnel into a new file (item); PSK left out. */
  accountOpenAsFile: 'tencentcloudVpn.account.openAsFile',
  /** Account view: copy the id of a gateway, tunnel or customer gateway (item). */
  accountCopyId: 'tencentcloudVpn.account.copyId',
  /** The diff editor of the live tunnel and the file that names it (editor title, palette, account item). */
  showChanges: 'tencentcloudVpn.showChanges',
  /** Modify the tunnel the file names to match it, after showing the plan; a file without a tunnel is submitted. */
  applyChanges: 'tencentcloudVpn.applyChanges',
  /** ResetVpnConnection on a tunnel (account item, or the file's), after a confirmation naming it. */
  resetTunnel: 'tencentcloudVpn.resetTunnel',
  /** DeleteVpnConnection on a tunnel (account item, or the file's), after a confirmation naming it. */
  deleteTunnel: 'tencentcloudVpn.deleteTunnel',
} as const;

/** Any of the extension's command ids. */
export type CommandId = (typeof Commands)[keyof typeof Commands];
