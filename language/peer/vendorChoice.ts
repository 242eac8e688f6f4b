/**
 * Which peer device the user chose for a file: a `# tcvpn-peer: <vendor>` comment in the text (YAML; the first
 * one counts) wins over the setting `tencentcloudVpn.peerVendor`. An id no vendor has chooses nothing.
 */
import type { VendorProfile } from './vendor';
import { vendorProfile } from './vendors/index';

const PEER_COMMENT = /^[ \t]*#[ \t]*tcvpn-peer:[ \t]*([A-Za-z0-9-]+)[ \t]*$/m;

/** The vendor id a `# tcvpn-peer:` comment names, if the text has one. */
export function peerCommentVendor(text: string): string | undefined {
  // A plain substring search first: the multi-line pattern is far slower on the large text that has no comment.
  if (!text.includes('tcvpn-peer:')) return undefined;
  return PEER_COMMENT.exec(text)?.[1]?.toLowerCase();
}

/** The chosen vendor's profile: the file's comment, else the setting; undefined when neither names a vendor. */
export function chosenPeerVendor(text: string, setting: string | undefined): VendorProfile | undefined {
  const id = peerCommentVendor(text) ?? setting;
  return id ? vendorProfile(id) : undefined;
}
