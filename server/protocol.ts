/**
 * The one place for the custom requests and notifications the client and the language server exchange.
 * Each message is declared once, as a namespace with its method name and a typed RequestType or
 * NotificationType, and a sentence saying who sends it and when (the pattern of vscode-languageserver-node).
 *
 * There are none yet: everything today travels over standard LSP messages (settings come through
 * workspace/configuration and workspace/didChangeConfiguration). Issue 8 adds the resource lookup request
 * (server -> client: "which VPN gateways exist in this region?"), because the server opens no sockets and reads
 * no credentials; only the client may call the cloud.
 */
export namespace TencentCloudVpnProtocol {
  /** Prefix of every custom method name, so they never collide with standard LSP ones. */
  export const METHOD_PREFIX = 'tencentcloudVpn/';
}
