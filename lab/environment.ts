/**
 * Can this machine run the tunnel lab? It needs root, strongSwan's daemon, control tool and userspace IPsec
 * plugin (Debian: the packages in LAB_PACKAGES), ping, a TUN device and network namespaces it can create.
 * The answer is a reason when it cannot, so tests skip with it and `npm run tunnel-lab` says what to install.
 */
import { existsSync } from 'node:fs';
import { CHARON_BINARY, SWANCTL_BINARY } from './charon';
import { run } from './exec';

/** The Debian packages the lab needs (`apt-get install -y --no-install-recommends …`). */
export const LAB_PACKAGES = [
  'strongswan-charon',
  'strongswan-swanctl',
  'libcharon-extra-plugins',
  'libstrongswan-standard-plugins',
  'iputils-ping',
];

const REQUIRED_FILES: Array<[string, string]> = [
  [CHARON_BINARY, 'strongswan-charon'],
  [SWANCTL_BINARY, 'strongswan-swanctl'],
  ['/usr/lib/ipsec/plugins/libstrongswan-kernel-libipsec.so', 'libcharon-extra-plugins'],
  ['/usr/lib/ipsec/plugins/libstrongswan-openssl.so', 'libstrongswan-standard-plugins'],
];

/** Undefined when the lab can run here, else why not (one sentence). */
export async function labUnavailableReason(): Promise<string | undefined> {
  if (process.platform !== 'linux') return 'the tunnel lab needs Linux network namespaces';
  if (process.getuid?.() !== 0) return 'the tunnel lab needs root (network namespaces and an IKE daemon)';
  const missing = REQUIRED_FILES.filter(([file]) => !existsSync(file)).map(([, pkg]) => pkg);
  if ((await run('ping', ['-V'], { timeoutMs: 5_000 })).code !== 0) missing.push('iputils-ping');
  if (missing.length) return `strongSwan is not installed (missing: ${[...new Set(missing)].join(', ')})`;
  if (!existsSync('/dev/net/tun')) return 'there is no TUN device (/dev/net/tun) for kernel-libipsec';
  return namespaceProbe();
}

/** Makes and deletes one namespace: a container without CAP_SYS_ADMIN refuses here. */
async function namespaceProbe(): Promise<string | undefined> {
  const name = `tcvpn-probe-${process.pid}`;
  const made = await run('ip', ['netns', 'add', name], { timeoutMs: 5_000 });
  if (made.code !== 0) return `network namespaces cannot be made here: ${made.stderr.trim() || 'ip netns add failed'}`;
  await run('ip', ['netns', 'del', name], { timeoutMs: 5_000 });
  return undefined;
}
