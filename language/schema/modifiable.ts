/**
 * Which fields of a CreateVpnConnection file ModifyVpnConnectionAttribute can change in place, and which need a new
 * tunnel: the one list both the language side (the replacement-field warning) and the cloud side (plan, apply)
 * read. Nothing here is typed by hand: scripts/generate-schemas.ts derives the lists from the spec data (what Create
 * takes and Modify also takes, what only Create takes) and writes them into the generated CreateVpnConnection schema
 * as `x-modifiable`, `x-replacement` and `x-modifiable-from-gateway-version`.
 */
import createSchema from '../../schemas/CreateVpnConnection.schema.json';

/** The top-level key by which a create file names the existing tunnel it describes. */
export const TUNNEL_ID_FIELD = 'VpnConnectionId';

/** The shape of a tunnel id the schema takes for TUNNEL_ID_FIELD (`vpnx-` and eight lower-case letters or digits). */
export const TUNNEL_ID_PATTERN = new RegExp(createSchema.properties.VpnConnectionId.pattern);

/** Create inputs that ModifyVpnConnectionAttribute also takes: changeable in place (see MODIFIABLE_FROM_GATEWAY_VERSION). */
export const MODIFIABLE_FIELDS: readonly string[] = Object.freeze([...createSchema['x-modifiable']]);

/**
 * Create inputs that ModifyVpnConnectionAttribute does not take: a change to one needs a new tunnel (VpnGatewayId,
 * VpcId, RouteType, and Tags, which the service changes through the Tag API rather than the VPC one).
 */
export const REPLACEMENT_FIELDS: readonly string[] = Object.freeze([...createSchema['x-replacement']]);

/**
 * Modifiable fields whose Modify documentation limits the change to tunnels of gateways of a version or later
 * (CustomerGatewayId: "4.0及以上网关下的通道支持更新"); on an older gateway a change to one needs a new tunnel.
 */
export const MODIFIABLE_FROM_GATEWAY_VERSION: Readonly<Record<string, string>> = Object.freeze({
  ...(createSchema['x-modifiable-from-gateway-version'] as Record<string, string>),
});

/** True when version `a` ("4.0", "2.0") is at least `b`, undefined when `a` is not a version (empty, "unknown"). */
function versionAtLeast(a: string, b: string): boolean | undefined {
  const [x, y] = [a, b].map((v) => v.trim().split('.').map(Number));
  if (!a.trim() || x.some(Number.isNaN)) return undefined;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  }
  return true;
}

/**
 * True when a change to this top-level create field cannot be made in place by ModifyVpnConnectionAttribute.
 * `gatewayVersion` is the tunnel's VPN gateway's Version (DescribeVpnGateways); when it is unknown (absent, empty),
 * a field the docs limit by gateway version counts as modifiable (the service will say if not). Unknown keys count as neither.
 */
export function needsNewTunnel(field: string, gatewayVersion?: string): boolean {
  if (REPLACEMENT_FIELDS.includes(field)) return true;
  const since = MODIFIABLE_FROM_GATEWAY_VERSION[field];
  return since !== undefined && gatewayVersion !== undefined && versionAtLeast(gatewayVersion, since) === false;
}
