/**
 * The tunnel's line that `tcvpn apply`, `delete` and `reset` put in their confirmation and `tcvpn plan` prints
 * (cloud/tunnel/planText.ts): the service's answer, the name as a user typed it, stays on one line. A line break,
 * an escape sequence or U+2028 in the name shows as `\uNNNN` instead of starting a line of its own or reaching the
 * terminal raw; an ordinary name is printed as it is.
 */
import * as assert from 'node:assert/strict';
import { planLines, tunnelLine, type TunnelPlan, type TunnelSummary } from '../../../cloud/tunnel';

const tunnel = (name: string): TunnelSummary => ({
  vpnConnectionId: 'vpnx-abc12345',
  region: 'ap-guangzhou',
  name,
  vpnGatewayId: 'vpngw-abc12345',
  customerGatewayId: 'cgw-abc12345',
  state: 'AVAILABLE',
});

/** Any C0/C1 control character or a JavaScript line terminator. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

describe('tunnelLine: the tunnel a confirmation names, on one line', () => {
  it('prints an ordinary name as it is, in both languages', () => {
    assert.equal(
      tunnelLine(tunnel('office-1')),
      'vpnx-abc12345 "office-1" on vpngw-abc12345 with cgw-abc12345 (ap-guangzhou, AVAILABLE)',
    );
    assert.equal(
      tunnelLine(tunnel('办公室'), 'zh'),
      'vpnx-abc12345 "办公室" 位于 vpngw-abc12345 对端 cgw-abc12345 (ap-guangzhou, AVAILABLE)',
    );
  });

  it('a line break, an escape sequence or U+2028 in the name cannot break the line', () => {
    for (const lang of ['en', 'zh'] as const) {
      const line = tunnelLine(tunnel('office\nDelete all? y\r\u001b[2K\u2028x'), lang);
      assert.ok(!CONTROL.test(line), JSON.stringify(line));
      assert.ok(line.includes('"office\\u000aDelete all? y\\u000d\\u001b[2K\\u2028x"'), line);
    }
  });

  it("the plan's first line names the tunnel the same way", () => {
    const plan: TunnelPlan = {
      tunnel: tunnel('a\nb'),
      changes: [],
      inPlace: [],
      needsNewTunnel: [],
      pskKeptOnService: false,
      inSync: true,
    };
    const [first] = planLines(plan);
    assert.equal(first, `Tunnel ${tunnelLine(plan.tunnel)}`);
    assert.ok(first.includes('"a\\u000ab"'), first);
    assert.equal(planLines(plan).length, 2, 'the tunnel line and "No changes"');
  });
});
