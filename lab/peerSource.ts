/**
 * The lab's peer side comes from the product's own peer-config generator (peer/): the lab proves the text a
 * user would be given, for the lab's two public addresses (passed both as the account's gateway addresses and
 * as the flags, so the generator never falls back to the identity addresses or a placeholder).
 */
import { peerConfig, type VendorId } from '../peer';
import type { PeerConfigSource } from './run';

/** The generator's configuration for `vendor`, with the key written in (the lab must load it). */
export function generatedPeerConfig(vendor: VendorId = 'strongswan'): PeerConfigSource {
  return (params, { cloudAddress, peerAddress }) => {
    const generated = peerConfig(params, {
      vendor,
      includePsk: true,
      cloudAddress,
      peerAddress,
      account: { vpnGatewayPublicIp: cloudAddress, customerGatewayIp: peerAddress },
    });
    // A placeholder in a comment (the route-based instructions) is advice; one in a setting would not load.
    const settings = generated.text
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'))
      .join('\n');
    const placeholders = generated.placeholders.filter((name) => settings.includes(name));
    return {
      text: generated.text,
      problems: [...generated.problems, ...placeholders.map((name) => `the text still has the placeholder ${name}`)],
    };
  };
}
