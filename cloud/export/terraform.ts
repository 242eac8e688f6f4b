/**
 * The terraform export: a `tencentcloud_vpn_connection` resource with the provider's attribute names and types,
 * the pre-shared key as a sensitive variable unless the user asks for the key itself, an `import` block (terraform
 * 1.5 and later) when the file names an existing tunnel so the resource adopts it instead of creating a twin, and
 * comments for what terraform cannot say or will do differently (the region lives on the provider; the IKE and IPsec
 * defaults the provider sends for attributes the file leaves to the service).
 */
import { blockLines, bodyLines, type HclBlock, type HclItem, type HclValue } from './hcl';
import { PSK_PARAM, type ExportRequest } from './request';
import type { ExportResult } from './result';
import { FLATTENED_OBJECTS } from './terraformAttributes';
import { resourceBody } from './terraformBody';
import { isRecord, terraformName } from './terraformValues';

export const RESOURCE_TYPE = 'tencentcloud_vpn_connection';

const comment = (text: string): HclItem => ({ kind: 'comment', text });

/** The IKE/IPsec attributes the file leaves out, which the provider fills with its own defaults. */
function defaultsNote(params: Record<string, unknown>): string | undefined {
  const filled = Object.entries(FLATTENED_OBJECTS).flatMap(([param, maps]) => {
    const given = isRecord(params[param]) ? params[param] : {};
    const attributeGiven = (attribute: string) =>
      maps.some((map) => map.attribute === attribute && map.member in given);
    return maps
      .filter((map) => map.terraformDefault !== undefined && !attributeGiven(map.attribute))
      .map((map) => `${map.attribute} = ${JSON.stringify(map.terraformDefault)}`);
  });
  if (!filled.length) return undefined;
  return `terraform sends its own defaults for what the file leaves to the service, which may choose otherwise: ${filled.join(', ')}`;
}

/** The provider refuses an IKE identity without its address or FQDN name (resource_tc_vpn_connection.go). */
function identityNote(params: Record<string, unknown>): string | undefined {
  const ike = isRecord(params.IKEOptionsSpecification) ? params.IKEOptionsSpecification : {};
  const missing = (['Local', 'Remote'] as const).filter((side) => {
    const fqdn = ike[`${side}Identity`] === 'FQDN';
    return ike[fqdn ? `${side}FqdnName` : `${side}Address`] === undefined;
  });
  if (!missing.length) return undefined;
  const names = missing.map((side) => `ike_${side.toLowerCase()}_address (or ike_${side.toLowerCase()}_fqdn_name)`);
  return `the provider needs ${names.join(' and ')}: add them before terraform apply`;
}

function pskVariable(variable: string, connection: string): HclBlock {
  return {
    kind: 'block',
    type: 'variable',
    labels: [variable],
    body: [
      { kind: 'attribute', name: 'description', value: `Pre-shared key of the VPN connection ${connection}` },
      { kind: 'attribute', name: 'type', value: { reference: 'string' } },
      { kind: 'attribute', name: 'sensitive', value: true },
    ],
  };
}

/** terraform 1.5's import block: the resource adopts the existing tunnel instead of creating a second one. */
function importBlock(name: string, tunnelId: string): HclBlock {
  return {
    kind: 'block',
    type: 'import',
    labels: [],
    body: [
      { kind: 'attribute', name: 'to', value: { reference: `${RESOURCE_TYPE}.${name}` } },
      { kind: 'attribute', name: 'id', value: tunnelId },
    ],
  };
}

/** The header comments: what this is, where the region goes, what was left out and what differs. */
function header(request: ExportRequest, unsupported: string[], notes: string[]): HclItem[] {
  const name = String(request.params.VpnConnectionName ?? '');
  const items = [
    comment(`${RESOURCE_TYPE} ${JSON.stringify(name)}, exported by tcvpn from CreateVpnConnection parameters.`),
  ];
  if (request.region)
    items.push(
      comment(
        `Region ${request.region}: terraform takes it from the provider (provider "tencentcloud" { region = ... }).`,
      ),
    );
  if (unsupported.length)
    items.push(comment(`Not expressible in ${RESOURCE_TYPE}, left out: ${unsupported.join(', ')}.`));
  items.push(...notes.map((note) => comment(`Note: ${note}.`)));
  return items;
}

/** Renders the terraform export of a request. */
export function toTerraform(request: ExportRequest, includePsk: boolean): ExportResult {
  const { params } = request;
  const name = terraformName(params.VpnConnectionName);
  const variable = `${name}_pre_share_key`;
  const literalPsk = includePsk && typeof params[PSK_PARAM] === 'string';
  const psk: HclValue = literalPsk ? (params[PSK_PARAM] as string) : { reference: `var.${variable}` };
  const body = resourceBody(params, psk);
  const notes = [defaultsNote(params), identityNote(params)].filter((note): note is string => note !== undefined);
  const blocks: HclBlock[] = literalPsk ? [] : [pskVariable(variable, String(params.VpnConnectionName ?? name))];
  blocks.push({
    kind: 'block',
    type: 'resource',
    labels: [RESOURCE_TYPE, name],
    body: [...body.attributes, ...body.blocks],
  });
  if (request.tunnelId) blocks.push(importBlock(name, request.tunnelId));
  const text = [bodyLines(header(request, body.unsupported, notes), ''), ...blocks.map((block) => blockLines(block))]
    .map((lines) => lines.join('\n'))
    .join('\n\n');
  return { text: `${text}\n`, unsupported: body.unsupported, notes };
}
