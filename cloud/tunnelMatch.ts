/**
 * Whether a tunnel that exists is the one a file describes, so a submit that finds a tunnel with the file's key
 * (gateway, customer gateway, name) can follow it instead of making a twin, or refuse and say what differs. Compared
 * are the fields DescribeVpnConnections returns as the create sent them: VpcId, the route type, the SPD rules (as
 * sets of local → remote blocks), and the IKE and IPsec options the file sets (the IPsec integrity field under
 * either spelling). The pre-shared key is not compared: the service may mask it.
 */
import type { VpnConnectionSummary } from './tunnelLookup';

type Params = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** STATIC, StaticRoute, Static → static; Policy… → policy; anything else lower-cased. */
function routeTypeOf(value: unknown): string {
  const text = typeof value === 'string' ? value.toLowerCase() : '';
  if (!text || text.startsWith('static')) return 'static';
  if (text.startsWith('polic') || text === 'spd') return 'policy';
  return text;
}

function spdSet(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value
    .filter(isRecord)
    .flatMap((rule) =>
      (Array.isArray(rule.RemoteCidrBlock) ? rule.RemoteCidrBlock : [rule.RemoteCidrBlock]).map(
        (remote) => `${String(rule.LocalCidrBlock)}>${String(remote)}`,
      ),
    )
    .sort()
    .join(',');
}

/** The options the file sets that the tunnel holds differently (the file's keys only: defaults are the service's). */
function optionDifferences(name: string, wanted: unknown, actual: unknown): string[] {
  if (!isRecord(wanted)) return [];
  const have = isRecord(actual) ? actual : {};
  return Object.entries(wanted)
    .filter(([key, value]) => {
      const actualKey = key === 'IntegrityAlgorithm' ? 'IntegrityAlgorith' : key;
      const other = have[actualKey] ?? have[key];
      return other !== undefined && String(other) !== String(value);
    })
    .map(([key]) => `${name}.${key}`);
}

/** The fields in which the tunnel differs from the file's parameters (none: it is the file's tunnel). */
export function differencesFrom(params: Params, tunnel: VpnConnectionSummary): string[] {
  const differences: string[] = [];
  if (typeof params.VpcId === 'string' && tunnel.VpcId !== undefined && tunnel.VpcId !== params.VpcId)
    differences.push('VpcId');
  if (routeTypeOf(params.RouteType) !== routeTypeOf(tunnel.RouteType)) differences.push('RouteType');
  if (
    (params.SecurityPolicyDatabases !== undefined || tunnel.SecurityPolicyDatabaseSet !== undefined) &&
    spdSet(params.SecurityPolicyDatabases) !== spdSet(tunnel.SecurityPolicyDatabaseSet)
  )
    differences.push('SecurityPolicyDatabases');
  differences.push(
    ...optionDifferences('IKEOptionsSpecification', params.IKEOptionsSpecification, tunnel.IKEOptionsSpecification),
    ...optionDifferences(
      'IPSECOptionsSpecification',
      params.IPSECOptionsSpecification,
      tunnel.IPSECOptionsSpecification,
    ),
  );
  return differences;
}
