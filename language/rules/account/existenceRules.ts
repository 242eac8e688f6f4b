/**
 * The account checks about what a document names: each id exists in the document's region (and if not, where it
 * does), the gateway can take a tunnel, and VpcId fits the gateway: required (and the gateway's own VPC) for an
 * IPSEC gateway, absent for a CCN one.
 */
import type { Rule } from '../rule';
import { stringAt } from '../../values/values';
import { accountRule } from './accountRule';
import { reportNotInRegion } from './notInRegion';
import { ID_FIELDS, findResource, isCcnGateway } from '../../account/documentFacts';

const CREATE = ['CreateVpnConnection'];

const resourceNotFound = accountRule(
  {
    id: 'account-resource-not-found',
    code: 'ResourceNotFound',
    summary: {
      en: "A VpnGatewayId, CustomerGatewayId or VpcId does not exist in the document's region.",
      zh: 'VpnGatewayId、CustomerGatewayId 或 VpcId 在文件所在地域中不存在。',
    },
    example: 'Region: ap-shanghai\nVpnGatewayId: vpngw-1w9tue3d',
    fix: 'When the id exists in another region: set Region to that region.',
  },
  (doc, { view, resources }, report) => {
    const region = view.snapshot.region;
    for (const [key, kind] of Object.entries(ID_FIELDS)) {
      const id = stringAt(doc, key);
      if (!id || findResource(view.snapshot, kind, id)) continue;
      reportNotInRegion(report, key, kind, id, region, resources.locate(kind, id, region));
    }
  },
);

const gatewayUsable = accountRule(
  {
    id: 'account-gateway-usable',
    code: 'UnsupportedOperation',
    summary: {
      en: 'The VPN gateway cannot take an IPsec tunnel: it is an SSL gateway, or it is not AVAILABLE.',
      zh: '该 VPN 网关不能创建 IPsec 通道：它是 SSL 网关，或状态不是 AVAILABLE。',
    },
    example: 'VpnGatewayId: vpngw-s5sl2v8e',
    actions: CREATE,
  },
  (_doc, { view }, report) => {
    const gateway = view.gateway;
    if (!gateway) return;
    if (gateway.type.startsWith('SSL')) {
      report(['VpnGatewayId'], 'value', {
        en: `${gateway.id} (${gateway.name}) is an ${gateway.type} VPN gateway, which takes no IPsec tunnels.`,
        zh: `${gateway.id}（${gateway.name}）是 ${gateway.type} 类型的 VPN 网关，不能创建 IPsec 通道。`,
      });
    } else if (gateway.state && gateway.state !== 'AVAILABLE') {
      report(['VpnGatewayId'], 'value', {
        en: `${gateway.id} (${gateway.name}) is ${gateway.state}; a tunnel needs an AVAILABLE gateway.`,
        zh: `${gateway.id}（${gateway.name}）的状态为 ${gateway.state}；创建通道需要网关处于 AVAILABLE 状态。`,
      });
    }
  },
);

const vpcRequired = accountRule(
  {
    id: 'account-vpc-required',
    code: 'MissingParameter',
    summary: {
      en: 'The VPN gateway is an IPSEC (VPC) gateway, so VpcId is required.',
      zh: 'VPN 网关是 IPSEC（私有网络）类型，必须填写 VpcId。',
    },
    example: 'VpnGatewayId: vpngw-1w9tue3d\nCustomerGatewayId: cgw-qa9sxpy7',
    fix: "Add VpcId with the gateway's own VPC.",
    actions: CREATE,
  },
  (doc, { view }, report) => {
    const gateway = view.gateway;
    if (!gateway || gateway.type.startsWith('SSL') || isCcnGateway(gateway) || stringAt(doc, 'VpcId')) return;
    const fixes = gateway.vpcId
      ? [
          {
            kind: 'addProperties' as const,
            path: [],
            properties: { VpcId: gateway.vpcId },
            title: { en: `Add VpcId ${gateway.vpcId}`, zh: `添加 VpcId ${gateway.vpcId}` },
          },
        ]
      : undefined;
    report(
      ['VpnGatewayId'],
      'value',
      {
        en: `${gateway.id} (${gateway.name}) is an ${gateway.type} (VPC) gateway: VpcId is required${gateway.vpcId ? ` (its VPC is ${gateway.vpcId})` : ''}.`,
        zh: `${gateway.id}（${gateway.name}）是 ${gateway.type}（私有网络）类型的网关：必须填写 VpcId${gateway.vpcId ? `（其私有网络为 ${gateway.vpcId}）` : ''}。`,
      },
      fixes,
    );
  },
);

const vpcMismatch = accountRule(
  {
    id: 'account-vpc-mismatch',
    code: 'InvalidParameterValue',
    summary: {
      en: 'VpcId does not fit the VPN gateway: a CCN gateway takes none, an IPSEC gateway takes its own VPC.',
      zh: 'VpcId 与 VPN 网关不符：云联网网关不填 VpcId，IPSEC 网关只能填其所属私有网络。',
    },
    example: 'VpnGatewayId: vpngw-c3cn7m1q\nVpcId: vpc-gapcv96p',
    fix: "Remove VpcId (CCN gateway), or change it to the gateway's VPC.",
    actions: CREATE,
  },
  (doc, { view }, report) => {
    const gateway = view.gateway;
    const vpcId = stringAt(doc, 'VpcId');
    if (!gateway || !vpcId || gateway.type.startsWith('SSL')) return;
    if (isCcnGateway(gateway)) {
      report(
        ['VpcId'],
        'value',
        {
          en: `${gateway.id} (${gateway.name}) is a CCN VPN gateway: leave VpcId out (got ${vpcId}).`,
          zh: `${gateway.id}（${gateway.name}）是云联网类型的 VPN 网关：不要填写 VpcId（当前为 ${vpcId}）。`,
        },
        [{ kind: 'remove', path: ['VpcId'], title: { en: 'Remove VpcId', zh: '删除 VpcId' } }],
      );
    } else if (gateway.vpcId && vpcId !== gateway.vpcId && view.vpc) {
      report(
        ['VpcId'],
        'value',
        {
          en: `${vpcId} is not the VPC of gateway ${gateway.id}, which belongs to ${gateway.vpcId}.`,
          zh: `${vpcId} 不是网关 ${gateway.id} 所在的私有网络；该网关属于 ${gateway.vpcId}。`,
        },
        [
          {
            kind: 'setValue',
            path: ['VpcId'],
            value: gateway.vpcId,
            title: { en: `Change to ${gateway.vpcId}`, zh: `改为 ${gateway.vpcId}` },
          },
        ],
      );
    }
  },
);

/** The existence and gateway-fit rules, in the order the docs list them. */
export const existenceRules: Rule[] = [resourceNotFound, gatewayUsable, vpcRequired, vpcMismatch];
