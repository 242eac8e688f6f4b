/**
 * The export tests' tunnels are valid files: the pipeline a submit and `tcvpn export` run finds no error in any of
 * them, so the CLI tests can export them and the round trips start from something the service would accept.
 */
import * as assert from 'node:assert/strict';
import { checkText } from '../../../language';
import { allTunnels } from '../../support/export/tunnels';

describe('export: the test tunnels', () => {
  for (const [name, params] of allTunnels()) {
    it(`${name} has no error`, () => {
      const check = checkText(JSON.stringify(params), 'json', 'file:///tunnel.vpnconn.json', {
        lang: 'en',
        disabledRules: [],
        silencedErrorsBlock: true,
      });
      assert.deepEqual(
        check.blocking.map((diagnostic) => diagnostic.message),
        [],
      );
    });
  }
});
