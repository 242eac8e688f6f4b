/**
 * The account checks of a file that names its existing tunnel by a top-level `VpnConnectionId`: the tunnel
 * exists in the file's region (else ResourceNotFound, as ModifyVpnConnectionAttribute would answer, and where it
 * is instead), and the file does not change what ModifyVpnConnectionAttribute cannot change in place. Which fields
 * those are comes from the spec data (schema/modifiable.ts); the ones the snapshot holds are compared here
 * (VpnGatewayId, CustomerGatewayId on a gateway older than Modify allows, VpcId, RouteType; Tags are not in it).
 */
import type { Rule } from '../rule';
import { has, stringAt, type Params } from '../../values/values';
import { accountRule } from './accountRule';
import { reportNotInRegion } from './notInRegion';
import { namedTunnelId, routeTypeOf } from '../../account/documentFacts';
import type { VpnConnectionInfo } from '../../account/snapshot';
import { ACTION_SCHEMAS } from '../../schema/actionSchemas';
import {
  MODIFIABLE_FROM_GATEWAY_VERSION,
  REPLACEMENT_FIELDS,
  TUNNEL_ID_FIELD,
  TUNNEL_ID_PATTERN,
  needsNewTunnel,
} from '../../schema/modifiable';

const CREATE = ['CreateVpnConnection'];

const tunnelNotFound = accountRule(
  {
    id: 'account-tunnel-not-found',
    code: 'ResourceNotFound',
    summary: {
      en: "The tunnel the file names by VpnConnectionId does not exist in the file's region.",
      zh: '文件以 VpnConnectionId 指明的通道在文件所在地域中不存在。',
    },
    example: 'VpnConnectionId: vpnx-nothere1',
    fix: 'When the tunnel exists in another region: set Region to that region.',
  },
  (doc, { view, resources }, report) => {
    const id = namedTunnelId(doc);
    // A malformed id is the schema's and the id rule's to report; this rule would only hide their finding.
    if (!id || view.tunnel || !TUNNEL_ID_PATTERN.test(id)) return;
    const region = view.snapshot.region;
    reportNotInRegion(report, TUNNEL_ID_FIELD, 'connections', id, region, resources.locate('connections', id, region));
  },
);

/** The live value of each field the snapshot holds, as the file would spell it. */
const LIVE_VALUES: Readonly<Record<string, (tunnel: VpnConnectionInfo) => string | undefined>> = {
  VpnGatewayId: (tunnel) => tunnel.vpnGatewayId,
  CustomerGatewayId: (tunnel) => tunnel.customerGatewayId,
  VpcId: (tunnel) => tunnel.vpcId,
  RouteType: (tunnel) => tunnel.routeType,
};

/** Create's required inputs: one the file leaves out is the schema's to report, not a change. */
const REQUIRED = new Set((ACTION_SCHEMAS.CreateVpnConnection as { required?: string[] }).required ?? []);

/**
 * The file's value of a field, with the API's defaults where the file leaves one out (RouteType STATIC, no VPC);
 * undefined for a required field it leaves out.
 */
function fileValue(doc: Params, field: string): string | undefined {
  if (field === 'RouteType') return routeTypeOf(doc);
  return stringAt(doc, field) ?? (REQUIRED.has(field) ? undefined : '');
}

/** Why a field needs a new tunnel: it is never modifiable, or only on gateways newer than the tunnel's. */
function whyNotInPlace(field: string, gatewayId: string, version: string | undefined) {
  const since = MODIFIABLE_FROM_GATEWAY_VERSION[field];
  if (REPLACEMENT_FIELDS.includes(field) || !since) return { en: '', zh: '' };
  return {
    en: ` (ModifyVpnConnectionAttribute changes it only on gateways of version ${since} and later; ${gatewayId} is ${version})`,
    zh: `（ModifyVpnConnectionAttribute 仅在 ${since} 及以上版本的网关上可修改它；${gatewayId} 为 ${version}）`,
  };
}

const needsNewTunnelRule = accountRule(
  {
    id: 'account-needs-new-tunnel',
    summary: {
      en: 'The file changes a field of its tunnel that ModifyVpnConnectionAttribute cannot change in place: it needs a new tunnel.',
      zh: '文件修改了通道中 ModifyVpnConnectionAttribute 无法原地修改的字段：需要新建通道。',
    },
    example:
      'VpnConnectionId: vpnx-5eed01gz\nVpnGatewayId: vpngw-8bgp4k2d\nCustomerGatewayId: cgw-qa9sxpy7\nVpcId: vpc-gapcv96p',
    fix: "Put the live tunnel's value back, or remove VpnConnectionId to describe a new tunnel.",
    actions: CREATE,
  },
  (doc, { view }, report) => {
    const tunnel = view.tunnel;
    if (!tunnel) return;
    const version = view.snapshot.vpnGateways.find((gateway) => gateway.id === tunnel.vpnGatewayId)?.version;
    for (const [field, liveOf] of Object.entries(LIVE_VALUES)) {
      const live = liveOf(tunnel);
      const wanted = fileValue(doc, field);
      if (live === undefined || wanted === undefined || live === wanted || !needsNewTunnel(field, version)) continue;
      const why = whyNotInPlace(field, tunnel.vpnGatewayId, version);
      const [liveEn, liveZh] = live ? [live, live] : ['none', '无'];
      const [wantedEn, wantedZh] = wanted ? [wanted, wanted] : ['none', '无'];
      report(has(doc, field) ? [field] : [TUNNEL_ID_FIELD], 'value', {
        en: `${field} cannot be changed in place: needs a new tunnel${why.en}. Tunnel ${tunnel.id} has ${liveEn}; the file has ${wantedEn}.`,
        zh: `${field} 无法原地修改：需要新建通道${why.zh}。通道 ${tunnel.id} 为 ${liveZh}；本文件为 ${wantedZh}。`,
      });
    }
  },
);

/** The checks of a file that names its tunnel, in the order the docs list them. */
export const namedTunnelRules: Rule[] = [tunnelNotFound, needsNewTunnelRule];
