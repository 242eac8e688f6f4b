/**
 * The YAML completion context read from the nearest top-level key (the fast path on large files) must be the one
 * the whole document gives, at every offset: in the official example, in a 500-entry file, in a stream of
 * documents, and in texts being typed.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { yamlContext } from '../../../language/features/yamlContext';
import { parseYaml } from '../../../language/parsing/yamlTree';

import { assertAgreeAtOffsets } from './helpers';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

function assertSameEverywhere(name: string, text: string, step: number): void {
  const starts = parseYaml(text).parts.map((part) => part.offset);
  const documentStart = (offset: number) => [...starts].reverse().find((start) => start <= offset) ?? 0;
  assertAgreeAtOffsets(
    name,
    text,
    step,
    (offset) => yamlContext(text, offset, documentStart(offset)),
    (offset) => yamlContext(text, offset, documentStart(offset), false),
  );
}

describe('YAML completion context from the nearest top-level key', () => {
  it('equals the whole-document reading at every offset of the official example', () => {
    assertSameEverywhere(
      'official example',
      readFileSync(path.join(FIXTURES, 'official-example.vpnconn.yaml'), 'utf8'),
      1,
    );
  });

  it('equals the whole-document reading across a 500-entry file', () => {
    assertSameEverywhere(
      '500 SPD entries',
      readFileSync(path.join(FIXTURES, 'medium-500-spd.vpnconn.yaml'), 'utf8'),
      53,
    );
  });

  it('equals the whole-document reading in streams, comments and half-typed texts', () => {
    const texts = [
      '# only a comment\n---\n# another\n',
      '---\nVpnGatewayId: vpngw-1\n---\nIKEOptionsSpecification:\n  PropoEncryAlgorithm: AES\n  Dh\n---\n# empty\n',
      'SecurityPolicyDatabases:\n- LocalCidrBlock: 10.0.0.0/24\n  RemoteCidrBlock:\n  - 1.1.1.0/24\n  -\n- \nTags:\n  - Key: a\n    Val',
      '"Quoted Key": 1\nBgpConfig:\n  TunnelCidr: 169.254.128.0/30 # note\n  LocalBgpIp: \n\nHealthCheckConfig:\n    ProbeType: \n  ',
      '- a\n- b: 1\n  c:\n    - d\n',
      '--- !tag\nA: 1\n  ---\nB:\n  C: |\n    text\n    more\n  D: ',
    ];
    texts.forEach((text, index) => assertSameEverywhere(`text ${index}`, text, 1));
  });
});
