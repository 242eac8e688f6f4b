/**
 * Export a VPN connection file's request to the tools people already use: a terraform `tencentcloud_vpn_connection`
 * resource, a `tccli vpc CreateVpnConnection` command line, or a tencentcloud-sdk-nodejs call, each from the same
 * parameters (a document's `params` as the pipeline gives them; a top-level `VpnConnectionId` and `Region` are
 * read too; a file naming its tunnel exports to terraform only, see ExportRefusedError). Pure: text in, text out; the pre-shared key is in the output only when `includePsk` asks for it.
 * `tcvpn export` (cli/export.ts) and the editor's "Copy as …" commands (client/exportCommands.ts) call this.
 */
import { exportRequest } from './request';
import { ExportRefusedError, type ExportResult, type ExportTarget } from './result';
import { toSdk } from './sdk';
import { toTccli } from './tccli';
import { toTerraform } from './terraform';

export { EXPORT_TARGETS, ExportRefusedError, type ExportResult, type ExportTarget } from './result';
export { PSK_ENV_NAME } from './request';
export { singleLine } from './singleLine';

/** How to export. */
export interface ExportOptions {
  /** Write the pre-shared key itself (default: a terraform variable, an environment variable for tccli and sdk). */
  includePsk?: boolean;
  /** The region, over the document's own `Region`. */
  region?: string;
}

const RENDERERS: Record<ExportTarget, typeof toTerraform> = { terraform: toTerraform, tccli: toTccli, sdk: toSdk };

/**
 * The export of one document's parameters: the text, the parameters the target cannot express (named in the text
 * where the target has comments), and notes for the user.
 */
export function exportParams(
  params: Record<string, unknown>,
  target: ExportTarget,
  options: ExportOptions = {},
): ExportResult {
  const request = exportRequest(params, options.region);
  if (request.tunnelId && target !== 'terraform') throw new ExportRefusedError(request.tunnelId, target);
  return RENDERERS[target](request, options.includePsk === true);
}
