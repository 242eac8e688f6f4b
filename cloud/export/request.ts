/**
 * What an export starts from: a document's parameters as the pipeline gives them (`SubmittableDocument.params`),
 * split into the CreateVpnConnection request itself, the region it goes to and the existing tunnel it names. The
 * editor keys ($schema, Action, Version, Region) and the file's `VpnConnectionId` are not request parameters: the
 * region becomes each target's own region setting, the tunnel id terraform's `import` block.
 */
import { ACTION_SCHEMAS, DEFAULT_ACTION, EDITOR_KEYS, TUNNEL_ID_FIELD } from '../../language';

/** The environment variable the tccli line and the SDK snippet read the pre-shared key from. */
export const PSK_ENV_NAME = 'TCVPN_PRE_SHARE_KEY';

/** The request parameter holding the pre-shared key. */
export const PSK_PARAM = 'PreShareKey';

/** An export's input, split. */
export interface ExportRequest {
  /** The CreateVpnConnection parameters, in the file's order, without the editor keys and the tunnel id. */
  params: Record<string, unknown>;
  /** The explicit region (the option), else the document's `Region`. */
  region?: string;
  /** The existing tunnel the file describes (`VpnConnectionId`), when it names one. */
  tunnelId?: string;
}

const NOT_REQUEST = new Set([...EDITOR_KEYS, TUNNEL_ID_FIELD]);

/** Splits a document's parameters; `region` (an option) wins over the document's own `Region`. */
export function exportRequest(document: Record<string, unknown>, region?: string): ExportRequest {
  const params = Object.fromEntries(Object.entries(document).filter(([key]) => !NOT_REQUEST.has(key)));
  const own = typeof document.Region === 'string' && document.Region.trim() ? document.Region : undefined;
  const tunnelId = document[TUNNEL_ID_FIELD];
  return {
    params,
    region: region?.trim() || own,
    tunnelId: typeof tunnelId === 'string' && tunnelId.trim() ? tunnelId : undefined,
  };
}

/** The request's display name: its VpnConnectionName, or a placeholder. */
export function connectionName(params: Record<string, unknown>): string {
  const name = params.VpnConnectionName;
  return typeof name === 'string' && name ? name : '(unnamed)';
}

/** The top-level parameters CreateVpnConnection takes (its generated schema's, less the editor keys and tunnel id). */
export function requestMembers(): ReadonlySet<string> {
  const properties = (ACTION_SCHEMAS[DEFAULT_ACTION] as { properties?: Record<string, unknown> }).properties ?? {};
  return new Set(Object.keys(properties).filter((key) => !NOT_REQUEST.has(key)));
}

/** The request split into what a target sends and the keys CreateVpnConnection does not take. */
export function knownParams(params: Record<string, unknown>): { known: [string, unknown][]; unknown: string[] } {
  const members = requestMembers();
  const entries = Object.entries(params);
  return {
    known: entries.filter(([key]) => members.has(key)),
    unknown: entries.filter(([key]) => !members.has(key)).map(([key]) => key),
  };
}
