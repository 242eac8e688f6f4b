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
} as const;

/** Any of the extension's command ids. */
export type CommandId = (typeof Commands)[keyof typeof Commands];
