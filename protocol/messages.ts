/**
 * The one place for the custom requests and notifications the client and the language server exchange.
 * Each message is declared once, as a namespace with its method name and a typed RequestType or
 * NotificationType, and a sentence saying who sends it and when (the pattern of vscode-languageserver-node).
 *
 * The server opens no sockets and reads no credentials, so when it wants the account's gateways, customer
 * gateways and VPCs it asks the client, which alone may call the cloud. Everything else travels over standard
 * LSP messages (settings come through workspace/configuration and workspace/didChangeConfiguration; what the
 * client says at start-up is InitializationOptions, protocol/initialization.ts). The server asks only a client whose
 * InitializationOptions set `accountResources`.
 */
import { NotificationType0, RequestType } from 'vscode-languageserver-protocol';
import type { ResourceKind, ResourceSnapshot } from '../language/account/snapshot';

/**
 * The payload of ours inside standard messages: the `data` of every diagnostic the server publishes. Clients hand
 * it back untouched in textDocument/codeAction (its fixes become the quick fixes). Defined by the library.
 */
export type { DiagnosticData } from '../language/types';

export namespace TencentCloudVpnProtocol {
  /** Prefix of every custom method name, so they never collide with standard LSP ones. */
  export const METHOD_PREFIX = 'tencentcloudVpn/';
}

/**
 * Server -> client, without waiting: "which resources does the account have in this region?". The server sends
 * it when a feature first needs a region's resources (and again once its copy is a minute old); it never blocks
 * a completion, hover or validation on the answer, and re-publishes diagnostics when a snapshot arrives.
 * The client answers from its cache (per region and credential) or fetches; `null` means no credentials
 * (nothing to show, not an error); a failed lookup is an error response, which the server logs and retries later.
 */
export namespace ResourcesRequest {
  export const method = `${TencentCloudVpnProtocol.METHOD_PREFIX}resources` as const;
  export interface Params {
    /** The document's `Region`; absent for documents without one (the client's setting or default decides). */
    region?: string;
  }
  /** The region's snapshot (never a secret: no keys, no pre-shared keys), or null without credentials. */
  export type Result = ResourceSnapshot | null;
  export const type = new RequestType<Params, Result, void>(method);
}

/**
 * Server -> client, without waiting: "in which other region does this id exist?", sent once per id when a
 * document names an id its region does not have, so the warning can say where the resource really is.
 */
export namespace LocateResourceRequest {
  export const method = `${TencentCloudVpnProtocol.METHOD_PREFIX}locateResource` as const;
  export interface Params {
    kind: ResourceKind;
    id: string;
    /** The region already searched (the document's). */
    except: string;
  }
  /** The region holding the id, or null when none of the regions the client searched has it. */
  export interface Result {
    region: string | null;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/**
 * Client -> server: the account may have changed (the user ran "Refresh Account Resources", changed the
 * credentials, the endpoint or the region setting). The server forgets its snapshots and asks again.
 */
export namespace ResourcesChangedNotification {
  export const method = `${TencentCloudVpnProtocol.METHOD_PREFIX}resourcesChanged` as const;
  export const type = new NotificationType0(method);
}
