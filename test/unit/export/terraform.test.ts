/**
 * `exportParams(…, 'terraform')`: the text parses as HCL (hcl2-parser) and maps back, through the provider's
 * attribute names, to the same parameters for every test tunnel; the official example's attributes are the ones
 * terraform-provider-tencentcloud's schema names, with its types; the pre-shared key is a sensitive variable unless
 * asked for; a tunnel id adds an import block; names that try to break out of a string or a comment cannot.
 */
import * as assert from 'node:assert/strict';
import { exportParams } from '../../../cloud/export';
import { officialExample } from '../../support/fixtures';
import { paramsFromTerraform, parseHcl } from '../../support/export/readBack';
import { allTunnels, bgpTunnel, type Params } from '../../support/export/tunnels';

/** What terraform sends for a request: the old IntegrityAlgorith spelling, the PSK apart, tags as an unordered map. */
function expectedBack(params: Params): Params {
  const { PreShareKey: _psk, ...rest } = structuredClone(params);
  const ipsec = rest.IPSECOptionsSpecification as Params | undefined;
  if (ipsec && 'IntegrityAlgorithm' in ipsec) {
    ipsec.IntegrityAlgorith = ipsec.IntegrityAlgorithm;
    delete ipsec.IntegrityAlgorithm;
  }
  if (Array.isArray(rest.Tags)) rest.Tags = sortTags(rest.Tags as Params[]);
  return rest;
}

const sortTags = (tags: Params[]) => [...tags].sort((a, b) => String(a.Key).localeCompare(String(b.Key)));

function readBack(text: string): Params {
  const { params } = paramsFromTerraform(text);
  if (Array.isArray(params.Tags)) params.Tags = sortTags(params.Tags as Params[]);
  const { PreShareKey: _psk, ...rest } = params;
  return rest;
}

describe('export: terraform', () => {
  for (const [name, params] of allTunnels()) {
    it(`${name}: parses as HCL and maps back to the same parameters`, () => {
      const result = exportParams(params, 'terraform');
      assert.deepEqual(readBack(result.text), expectedBack(params));
      assert.deepEqual(result.unsupported, []);
    });

    it(`${name}: the pre-shared key is a sensitive variable, absent from the text`, () => {
      const { text } = exportParams(params, 'terraform');
      assert.ok(!text.includes(String(params.PreShareKey)), 'the key is in the output');
      const { params: back, name: resource, document } = paramsFromTerraform(text);
      assert.equal(back.PreShareKey, `\${var.${resource}_pre_share_key}`);
      assert.deepEqual(document.variable[`${resource}_pre_share_key`][0].sensitive, true);
    });
  }

  it("the official example's attributes are the provider's names, with its types", () => {
    const { params, name } = paramsFromTerraform(exportParams(officialExample(), 'terraform').text);
    assert.ok(params);
    const body = parseHcl(exportParams(officialExample(), 'terraform').text).resource.tencentcloud_vpn_connection[
      name
    ][0];
    // Written out from resource_tc_vpn_connection.go, not from the export's own table.
    assert.deepEqual(body, {
      name: 'TEST_CONN',
      vpc_id: 'vpc-gapcv96p',
      vpn_gateway_id: 'vpngw-1w9tue3d',
      customer_gateway_id: 'cgw-qa9sxpy7',
      pre_share_key: '${var.test_conn_pre_share_key}',
      ike_proto_encry_algorithm: '3DES-CBC',
      ike_proto_authen_algorithm: 'MD5',
      ike_exchange_mode: 'MAIN',
      ike_local_identity: 'ADDRESS',
      ike_remote_identity: 'ADDRESS',
      ike_local_address: '58.211.2.5',
      ike_remote_address: '1.2.3.4',
      ike_dh_group_name: 'GROUP1',
      ike_version: 'IKEV1',
      ipsec_encrypt_algorithm: '3DES-CBC',
      ipsec_integrity_algorithm: 'SHA1',
      ipsec_pfs_dh_group: 'NULL',
      tags: { city: 'shanghai' },
      security_group_policy: [{ local_cidr_block: '10.8.4.0/24', remote_cidr_block: ['58.211.1.0/24'] }],
    });
    assert.equal(name, 'test_conn');
  });

  it('numbers are numbers, DpdTimeout (a string on the wire) an integer, EnableHealthCheck a bool', () => {
    const params = { ...bgpTunnel(), EnableHealthCheck: false };
    const { name, document } = paramsFromTerraform(exportParams(params, 'terraform').text);
    const body = document.resource.tencentcloud_vpn_connection[name][0];
    assert.equal(body.dpd_timeout, 30);
    assert.equal(body.dpd_enable, 1);
    assert.equal(body.ike_sa_lifetime_seconds, 28800);
    assert.equal(body.enable_health_check, false);
    assert.deepEqual(body.bgp_config, [
      { tunnel_cidr: '169.254.128.0/30', local_bgp_ip: '169.254.128.1', remote_bgp_ip: '169.254.128.2' },
    ]);
  });

  it('includePsk writes the key itself and no variable', () => {
    const { text } = exportParams(officialExample(), 'terraform', { includePsk: true });
    const { params, document } = paramsFromTerraform(text);
    assert.equal(params.PreShareKey, '6325ac');
    assert.equal(document.variable, undefined);
  });

  it('a tunnel id adds an import block that adopts it; the region is a comment, not an attribute', () => {
    const params = { ...officialExample(), VpnConnectionId: 'vpnx-abc12345', Region: 'ap-shanghai' };
    const { text } = exportParams(params, 'terraform');
    const { params: back, document } = paramsFromTerraform(text);
    assert.deepEqual(document.import, [{ to: '${tencentcloud_vpn_connection.test_conn}', id: 'vpnx-abc12345' }]);
    assert.equal('VpnConnectionId' in back || 'Region' in back, false);
    assert.match(text, /^# Region ap-shanghai: terraform takes it from the provider/m);
    assert.equal(parseHcl(exportParams(officialExample(), 'terraform').text).import, undefined);
  });

  it('a name with quotes, backslashes, template openers and line breaks reads back as itself', () => {
    const name = 'a "quoted" \\ ${var.x} $${y} %{ if true } \n# not a comment\r\t\u2028 名字';
    const params = { ...officialExample(), VpnConnectionName: name, VpnConnectionId: 'vpnx-"\n}' };
    const { text } = exportParams(params, 'terraform');
    const { params: back, document } = paramsFromTerraform(text);
    assert.equal(back.VpnConnectionName, name);
    assert.equal(document.import[0].id, 'vpnx-"\n}');
    assert.deepEqual(Object.keys(document).sort(), ['import', 'resource', 'variable']);
  });

  it('what terraform cannot express is left out, named in a comment and in `unsupported`', () => {
    const params = {
      ...officialExample(),
      Route: { DestinationCidrBlock: '11.0.0.0/16' },
      'Odd\nKey = 1': 1,
      DpdTimeout: 'thirty',
      IPSECOptionsSpecification: { IntegrityAlgorith: 'SHA1', IntegrityAlgorithm: 'SHA1', Extra: 1 },
    };
    const result = exportParams(params, 'terraform');
    assert.deepEqual(result.unsupported, [
      'IPSECOptionsSpecification.IntegrityAlgorithm',
      'IPSECOptionsSpecification.Extra',
      'Route',
      'Odd\nKey = 1',
      'DpdTimeout',
    ]);
    assert.match(
      result.text,
      /^# Not expressible in tencentcloud_vpn_connection, left out: .*Route, Odd\\u000aKey = 1/m,
    );
    const { params: back } = paramsFromTerraform(result.text);
    assert.equal('Route' in back || 'DpdTimeout' in back, false);
  });

  it("notes the IKE/IPsec defaults terraform fills in, and the provider's need of an IKE address", () => {
    const { notes, text } = exportParams({ VpnConnectionName: 'x', PreShareKey: 'k' }, 'terraform');
    assert.ok(
      notes.some((note) => note.includes('ipsec_integrity_algorithm = "MD5"')),
      notes.join('\n'),
    );
    assert.ok(
      notes.some((note) => note.includes('ike_local_address')),
      notes.join('\n'),
    );
    assert.match(text, /^# Note: terraform sends its own defaults/m);
    const bgp = exportParams(bgpTunnel(), 'terraform');
    assert.deepEqual(bgp.notes, []);
  });

  it('derives a terraform resource name from the connection name', () => {
    const nameOf = (name: unknown) =>
      paramsFromTerraform(exportParams({ ...officialExample(), VpnConnectionName: name }, 'terraform').text).name;
    assert.equal(nameOf('IDC-Beijing 01'), 'idc-beijing_01');
    assert.equal(nameOf('1st tunnel'), 'vpn_1st_tunnel');
    assert.equal(nameOf('北京'), 'vpn_connection');
  });
});
