/**
 * The public types of the peer-device configuration library: what a caller passes (the file's parameters and
 * PeerOptions) and what it gets back (PeerConfig: the text, the problems, the placeholders left to fill in).
 */
import type { PeerProblem } from '../language/peer/problems';
import type { VendorId } from '../language/peer/vendor';

export type { PeerProblem, VendorId };

/** What the account knows about the two gateways (DescribeVpnGateways / DescribeCustomerGateways). */
export interface PeerAccountFacts {
  vpnGatewayPublicIp?: string;
  customerGatewayIp?: string;
  customerGatewayBgpAsn?: number;
  vpnGatewayBgpAsn?: number;
}

export interface PeerOptions {
  vendor: VendorId;
  /** Write the file's pre-shared key into the text; else the placeholder <PRE_SHARED_KEY>. */
  includePsk?: boolean;
  /** The VPN gateway's public address, when neither the account nor the IKE identity gives it. */
  cloudAddress?: string;
  /** The customer gateway's public address, when neither the account nor the IKE identity gives it. */
  peerAddress?: string;
  account?: PeerAccountFacts;
}

export interface PeerConfig {
  /** The configuration for the customer gateway, in the vendor's own syntax. */
  text: string;
  /**
   * What the vendor cannot do of what the file asks, then the file's values the device's configuration cannot hold
   * as they are (a key or identity its syntax cannot say, an address that is none); the text still shows the
   * closest configuration, with a placeholder where a value could not go.
   */
  problems: PeerProblem[];
  /** The named placeholders left in the text (e.g. <PRE_SHARED_KEY>), each once, in order of appearance. */
  placeholders: string[];
}
