/**
 * The JSON completion context computed from the enclosing top-level value (the fast path on large files) must be
 * the one a scan from the start of the text gives, at every offset: in the official example, in a 500-entry file,
 * and in broken texts where the tree's ranges come from error recovery.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { jsonContext } from '../../../language/features/completionContext';
import { parseJson } from '../../../language/parsing/jsonTree';

import { assertAgreeAtOffsets } from './helpers';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

function assertSameEverywhere(name: string, text: string, step: number): void {
  const root = parseJson(text).parts[0].root;
  assertAgreeAtOffsets(
    name,
    text,
    step,
    (offset) => jsonContext(text, offset, root),
    (offset) => jsonContext(text, offset),
  );
}

describe('JSON completion context from the enclosing top-level value', () => {
  it('equals the full scan at every offset of the official example', () => {
    assertSameEverywhere(
      'official example',
      readFileSync(path.join(FIXTURES, 'official-example.vpnconn.json'), 'utf8'),
      1,
    );
  });

  it('equals the full scan across a 500-entry file', () => {
    assertSameEverywhere(
      '500 SPD entries',
      readFileSync(path.join(FIXTURES, 'medium-500-spd.vpnconn.json'), 'utf8'),
      97,
    );
  });

  it('equals the full scan in broken texts', () => {
    const broken = [
      '{"IKEOptionsSpecification": {"PropoEncryAlgorithm": "AES-CBC-128", "Dh',
      '{"SecurityPolicyDatabases": [{"LocalCidrBlock": "10.0.0.0/24", "RemoteCidrBlock": ["1.1.1.0/24",, ]}], "Vpc',
      '{"Tags": [{"Key": "a" "Value": "b"}], "IPSECOptionsSpecification": {\n  "EncryptAlgorithm": \n}\n',
      '{"BgpConfig": {"TunnelCidr": "169.254.128.0/30", // note\n "LocalBgpIp": }, "x": [1, {"y": }]}',
    ];
    broken.forEach((text, index) => assertSameEverywhere(`broken text ${index}`, text, 1));
  });
});
