/**
 * The read actions: DescribeVpnConnections, DescribeVpnGateways, DescribeCustomerGateways and DescribeVpcs,
 * each over the request's region only. DescribeVpnConnections returns the pre-shared key in clear, as the
 * service does (the client masks it). Unknown tunnel, customer gateway and VPC ids give an empty set; an unknown
 * gateway id gives InvalidVpnGatewayId.NotFound, one of the codes that action lists.
 */
import { ApiError } from '../apiErrors';
import type { Regional } from '../types';
import { publicView, type ActionContext, type Params } from './context';
import { listResources, type ListSpec } from './listQuery';

const inRegion = (items: Iterable<Regional>, region: string): Regional[] =>
  [...items].filter((item) => item.Region === region);
const field = (name: string) => (item: Regional) => item[name];
const tags = (item: Regional): { Key: string; Value: string }[] => (Array.isArray(item.TagSet) ? item.TagSet : []);

const CONNECTIONS: ListSpec = {
  idsKey: 'VpnConnectionIds',
  idField: 'VpnConnectionId',
  idPrefix: 'vpnx-',
  filters: {
    'vpc-id': field('VpcId'),
    'vpn-gateway-id': field('VpnGatewayId'),
    'customer-gateway-id': field('CustomerGatewayId'),
    'vpn-connection-name': field('VpnConnectionName'),
    'vpn-connection-id': field('VpnConnectionId'),
  },
};

const GATEWAYS: ListSpec = {
  idsKey: 'VpnGatewayIds',
  idField: 'VpnGatewayId',
  idPrefix: 'vpngw-',
  malformedCode: 'InvalidVpnGatewayId.Malformed',
  notFound: (id) => new ApiError('InvalidVpnGatewayId.NotFound', `${id} does not exist in this region`),
  filters: {
    'vpc-id': field('VpcId'),
    'vpn-gateway-id': field('VpnGatewayId'),
    'vpn-gateway-name': field('VpnGatewayName'),
    type: field('Type'),
    'public-ip-address': field('PublicIpAddress'),
    'renew-flag': field('RenewFlag'),
    zone: field('Zone'),
  },
};

const CUSTOMER_GATEWAYS: ListSpec = {
  idsKey: 'CustomerGatewayIds',
  idField: 'CustomerGatewayId',
  idPrefix: 'cgw-',
  filters: {
    'customer-gateway-id': field('CustomerGatewayId'),
    'customer-gateway-name': field('CustomerGatewayName'),
    'ip-address': field('IpAddress'),
  },
};

const VPCS: ListSpec = {
  idsKey: 'VpcIds',
  idField: 'VpcId',
  idPrefix: 'vpc-',
  fuzzy: ['vpc-name'],
  filters: {
    'vpc-name': field('VpcName'),
    'is-default': (vpc) => String(vpc.IsDefault === true),
    'vpc-id': field('VpcId'),
    'cidr-block': field('CidrBlock'),
    'ipv6-cidr-block': field('Ipv6CidrBlock'),
  },
  prefixed: {
    'tag-key': (vpc, suffix, value) => suffix === '' && tags(vpc).some((tag) => tag.Key === value),
    'tag:': (vpc, key, value) => tags(vpc).some((tag) => tag.Key === key && tag.Value === value),
  },
};

/** DescribeVpnConnections. */
export function describeVpnConnections({ region, params, store }: ActionContext): Params {
  const { total, page } = listResources(inRegion(store.connections.values(), region), params, CONNECTIONS);
  return { TotalCount: total, VpnConnectionSet: page.map(publicView) };
}

/** DescribeVpnGateways. */
export function describeVpnGateways({ region, params, store }: ActionContext): Params {
  const { total, page } = listResources(inRegion(store.gateways, region), params, GATEWAYS);
  return { TotalCount: total, VpnGatewaySet: page.map(publicView) };
}

/** DescribeCustomerGateways. */
export function describeCustomerGateways({ region, params, store }: ActionContext): Params {
  const { total, page } = listResources(inRegion(store.customerGateways, region), params, CUSTOMER_GATEWAYS);
  return { CustomerGatewaySet: page.map(publicView), TotalCount: total };
}

/** DescribeVpcs. */
export function describeVpcs({ region, params, store }: ActionContext): Params {
  const { total, page } = listResources(inRegion(store.vpcs, region), params, VPCS);
  return { TotalCount: total, VpcSet: page.map(publicView) };
}
