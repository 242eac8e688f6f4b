/**
 * How CreateVpnConnection's parameters map onto terraform-provider-tencentcloud's `tencentcloud_vpn_connection`
 * (tencentcloud/services/vpn/resource_tc_vpn_connection.go, checked against the provider's schema): the attribute
 * names, their terraform types, and the defaults the provider sends for the IKE and IPsec attributes a config leaves
 * out (it always sends both objects whole, so an attribute absent from the file still reaches the service, with
 * terraform's default, which is not always the service's: IPsec MD5/3DES-CBC against the API's SHA1/AES-CBC-128).
 * The hidden `Route` parameter has no attribute (the provider has it commented out).
 */

/** A terraform attribute's type: `number` holds an integer here, `intString` a number the API takes as a string. */
export type TerraformType = 'string' | 'number' | 'bool' | 'intString' | 'list(string)';

/** One request member and the attribute that carries it. */
export interface AttributeMap {
  member: string;
  attribute: string;
  type: TerraformType;
  /** What the provider sends when the attribute is left out (the IKE and IPsec ones only). */
  terraformDefault?: string | number;
}

const attr = (member: string, attribute: string, type: TerraformType = 'string'): AttributeMap => ({
  member,
  attribute,
  type,
});

/** Top-level scalars (PreShareKey apart: it is a variable unless the user asks for the key itself). */
export const TOP_LEVEL_ATTRIBUTES: readonly AttributeMap[] = [
  attr('VpnConnectionName', 'name'),
  attr('VpcId', 'vpc_id'),
  attr('VpnGatewayId', 'vpn_gateway_id'),
  attr('CustomerGatewayId', 'customer_gateway_id'),
  attr('RouteType', 'route_type'),
  attr('NegotiationType', 'negotiation_type'),
  attr('DpdEnable', 'dpd_enable', 'number'),
  // The API takes DpdTimeout as a string; the provider as an integer it converts with strconv.Itoa.
  attr('DpdTimeout', 'dpd_timeout', 'intString'),
  attr('DpdAction', 'dpd_action'),
  attr('EnableHealthCheck', 'enable_health_check', 'bool'),
  attr('HealthCheckLocalIp', 'health_check_local_ip'),
  attr('HealthCheckRemoteIp', 'health_check_remote_ip'),
];

export const PSK_ATTRIBUTE = 'pre_share_key';
export const TAGS_ATTRIBUTE = 'tags';

const withDefault = (map: AttributeMap, terraformDefault: string | number): AttributeMap => ({
  ...map,
  terraformDefault,
});

/** The objects the provider flattens into top-level `ike_*` / `ipsec_*` attributes. */
export const FLATTENED_OBJECTS: Readonly<Record<string, readonly AttributeMap[]>> = {
  IKEOptionsSpecification: [
    withDefault(attr('PropoEncryAlgorithm', 'ike_proto_encry_algorithm'), '3DES-CBC'),
    withDefault(attr('PropoAuthenAlgorithm', 'ike_proto_authen_algorithm'), 'MD5'),
    withDefault(attr('ExchangeMode', 'ike_exchange_mode'), 'MAIN'),
    withDefault(attr('LocalIdentity', 'ike_local_identity'), 'ADDRESS'),
    withDefault(attr('RemoteIdentity', 'ike_remote_identity'), 'ADDRESS'),
    attr('LocalAddress', 'ike_local_address'),
    attr('RemoteAddress', 'ike_remote_address'),
    attr('LocalFqdnName', 'ike_local_fqdn_name'),
    attr('RemoteFqdnName', 'ike_remote_fqdn_name'),
    withDefault(attr('DhGroupName', 'ike_dh_group_name'), 'GROUP1'),
    withDefault(attr('IKESaLifetimeSeconds', 'ike_sa_lifetime_seconds', 'number'), 86400),
    withDefault(attr('IKEVersion', 'ike_version'), 'IKEV1'),
  ],
  IPSECOptionsSpecification: [
    withDefault(attr('EncryptAlgorithm', 'ipsec_encrypt_algorithm'), '3DES-CBC'),
    // The provider sends the old spelling, IntegrityAlgorith; both spellings are valid input and mean the same.
    withDefault(attr('IntegrityAlgorith', 'ipsec_integrity_algorithm'), 'MD5'),
    attr('IntegrityAlgorithm', 'ipsec_integrity_algorithm'),
    withDefault(attr('IPSECSaLifetimeSeconds', 'ipsec_sa_lifetime_seconds', 'number'), 3600),
    withDefault(attr('PfsDhGroup', 'ipsec_pfs_dh_group'), 'NULL'),
    withDefault(attr('IPSECSaLifetimeTraffic', 'ipsec_sa_lifetime_traffic', 'number'), 1843200),
  ],
};

/** The order attributes are written in: the provider schema's groups (tunnel, key, IKE, IPsec, DPD, health, tags). */
export const ATTRIBUTE_ORDER: readonly string[] = [
  ...['name', 'vpc_id', 'vpn_gateway_id', 'customer_gateway_id', PSK_ATTRIBUTE, 'route_type', 'negotiation_type'],
  ...FLATTENED_OBJECTS.IKEOptionsSpecification.map((map) => map.attribute),
  ...FLATTENED_OBJECTS.IPSECOptionsSpecification.map((map) => map.attribute),
  ...[
    'dpd_enable',
    'dpd_timeout',
    'dpd_action',
    'enable_health_check',
    'health_check_local_ip',
    'health_check_remote_ip',
  ],
  TAGS_ATTRIBUTE,
];

/** An object (or a list of objects) that becomes nested blocks. */
export interface BlockMap {
  param: string;
  block: string;
  /** A list of objects: one block per element (security_group_policy is a set of blocks). */
  repeated: boolean;
  members: readonly AttributeMap[];
}

export const NESTED_BLOCKS: readonly BlockMap[] = [
  {
    param: 'SecurityPolicyDatabases',
    block: 'security_group_policy',
    repeated: true,
    members: [attr('LocalCidrBlock', 'local_cidr_block'), attr('RemoteCidrBlock', 'remote_cidr_block', 'list(string)')],
  },
  {
    param: 'BgpConfig',
    block: 'bgp_config',
    repeated: false,
    members: [
      attr('TunnelCidr', 'tunnel_cidr'),
      attr('LocalBgpIp', 'local_bgp_ip'),
      attr('RemoteBgpIp', 'remote_bgp_ip'),
    ],
  },
  {
    param: 'HealthCheckConfig',
    block: 'health_check_config',
    repeated: false,
    members: [
      attr('ProbeType', 'probe_type'),
      attr('ProbeInterval', 'probe_interval', 'number'),
      attr('ProbeThreshold', 'probe_threshold', 'number'),
      attr('ProbeTimeout', 'probe_timeout', 'number'),
    ],
  },
];
