/**
 * What every export target returns: the text to print or copy, the request parameters the target cannot express
 * (left out of the text, and named in a comment in it), and notes on what the target will do differently.
 */

/** An export's answer. */
export interface ExportResult {
  text: string;
  /** Paths of the parameters left out ("Route", "IKEOptionsSpecification.Foo", "Tags[2]"). */
  unsupported: string[];
  /** What the user should know before running it (terraform's own defaults, a region left to the profile). */
  notes: string[];
}

/**
 * A file that names an existing tunnel (VpnConnectionId) exported as a CreateVpnConnection call (tccli, sdk): run,
 * it would make a second tunnel. Terraform's export adopts the tunnel with an import block instead.
 */
export class ExportRefusedError extends Error {
  constructor(
    readonly tunnelId: string,
    readonly target: string,
  ) {
    super(
      `the file describes the existing tunnel ${tunnelId} (VpnConnectionId): a ${target} CreateVpnConnection call would create a second tunnel. Export --to terraform (its import block adopts the tunnel), change the tunnel with tcvpn apply, or remove VpnConnectionId to describe a new one`,
    );
  }
}

/** The targets, in the order the CLI and the editor list them. */
export const EXPORT_TARGETS = ['terraform', 'tccli', 'sdk'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];
