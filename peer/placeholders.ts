/**
 * The named placeholders a generated configuration holds where the file and the account leave a value open (or
 * where the device cannot take the file's value): `<UPPER_CASE>`, listed back to the caller as what to fill in.
 */
export const PLACEHOLDERS = {
  cloudAddress: '<TENCENT_VPN_GATEWAY_PUBLIC_IP>',
  peerAddress: '<CUSTOMER_GATEWAY_PUBLIC_IP>',
  psk: '<PRE_SHARED_KEY>',
  peerAsn: '<CUSTOMER_GATEWAY_BGP_ASN>',
  cloudAsn: '<TENCENT_VPN_GATEWAY_BGP_ASN>',
  cloudInside: '<TENCENT_BGP_INSIDE_IP>',
  peerInside: '<CUSTOMER_BGP_INSIDE_IP>',
  healthCheck: '<HEALTH_CHECK_REMOTE_IP>',
  vpcCidr: '<TENCENT_VPC_CIDR>',
  idcCidr: '<IDC_CIDR>',
  wanInterface: '<WAN_INTERFACE>',
  fqdn: '<FQDN>',
} as const;
