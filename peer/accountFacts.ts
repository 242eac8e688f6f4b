/**
 * What the account knows of a file's two gateways, as PeerOptions.account: the VPN gateway's public IP and BGP
 * ASN (DescribeVpnGateways) and the customer gateway's IP and ASN (DescribeCustomerGateways), found in a
 * snapshot of the file's region by the ids the file names. A gateway the snapshot lacks adds nothing.
 */
import type { ResourceSnapshot } from '../language/account/snapshot';
import type { PeerAccountFacts } from './types';

/** The facts of the gateways `params` names; empty when the snapshot has neither. */
export function peerAccountFacts(params: Record<string, unknown>, snapshot: ResourceSnapshot): PeerAccountFacts {
  const gateway = snapshot.vpnGateways.find((candidate) => candidate.id === params.VpnGatewayId);
  const customer = snapshot.customerGateways.find((candidate) => candidate.id === params.CustomerGatewayId);
  const asn = (value: number | undefined) => (value !== undefined && value > 0 ? value : undefined);
  const facts: PeerAccountFacts = {
    vpnGatewayPublicIp: gateway?.publicIp || undefined,
    customerGatewayIp: customer?.ipAddress || undefined,
    vpnGatewayBgpAsn: asn(gateway?.bgpAsn),
    customerGatewayBgpAsn: asn(customer?.bgpAsn),
  };
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as PeerAccountFacts;
}
