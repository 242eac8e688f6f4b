/**
 * docs/peer-devices.md is generated from the vendor tables (scripts/generate-peer-doc.ts): it must match them, and
 * it must show every Tencent value of the schema's enums with a cell for every vendor.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import schema from '../../../schemas/CreateVpnConnection.schema.json';
import { VENDOR_PROFILES } from '../../../language/peer/vendors/index';
import { PEER_DOC, renderPeerDoc } from '../../../scripts/generate-peer-doc';

describe('docs/peer-devices.md', () => {
  it('matches the vendor tables (regenerate with `npx tsx scripts/generate-peer-doc.ts`)', () => {
    assert.equal(readFileSync(PEER_DOC, 'utf8'), renderPeerDoc());
  });

  it("has a row, with one cell per vendor, for every value of the schema's IKE and IPsec enums", () => {
    const doc = renderPeerDoc();
    const ike = schema.properties.IKEOptionsSpecification.properties;
    const ipsec = schema.properties.IPSECOptionsSpecification.properties;
    const enums = [
      ike.PropoEncryAlgorithm.enum,
      ike.PropoAuthenAlgorithm.enum,
      ike.DhGroupName.enum,
      ike.ExchangeMode.enum,
      ike.IKEVersion.enum,
      ipsec.EncryptAlgorithm.enum,
      ipsec.IntegrityAlgorith.enum,
      ipsec.PfsDhGroup.enum,
    ];
    for (const value of enums.flat()) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${value}\` |`));
      assert.ok(row, `no row for ${value}`);
      assert.equal(row.split(' | ').length, VENDOR_PROFILES.length + 1, `row ${value} lacks a vendor cell`);
    }
  });
});
