/**
 * Which region a document goes to: its own `Region` key first, then the user's choice (the CLI's --region or the
 * `tencentcloudVpn.region` setting), then TENCENTCLOUD_REGION or the tccli profile's region (as the credentials
 * found them), else ap-guangzhou. A --region that contradicts the document's own Region is refused, not guessed.
 */
import type { Credentials } from './credentials';

export const DEFAULT_REGION = 'ap-guangzhou';
const REGION_PATTERN = /^[a-z]{2,3}-[a-z]+(-[a-z0-9]+)*$/;

export interface RegionChoice {
  documentRegion?: string;
  /** --region (CLI): conflicts with a different document Region are errors. */
  explicit?: string;
  /** The region setting: a default only. */
  setting?: string;
  credentials?: Pick<Credentials, 'region'>;
}

/** Raised for a malformed or contradictory region. */
export class RegionError extends Error {
  override name = 'RegionError';
}

/** The region to use, or RegionError. */
export function chooseRegion(choice: RegionChoice): string {
  const explicit = choice.explicit?.trim();
  const documentRegion = choice.documentRegion?.trim();
  if (explicit && documentRegion && explicit !== documentRegion) {
    throw new RegionError(`The document names Region ${documentRegion} but --region is ${explicit}.`);
  }
  const region = documentRegion || explicit || choice.setting?.trim() || choice.credentials?.region || DEFAULT_REGION;
  if (!REGION_PATTERN.test(region)) throw new RegionError(`"${region}" is not a region id such as ap-guangzhou.`);
  return region;
}
