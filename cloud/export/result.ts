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

/** The targets, in the order the CLI and the editor list them. */
export const EXPORT_TARGETS = ['terraform', 'tccli', 'sdk'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];
