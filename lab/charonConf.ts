/**
 * The strongswan.conf of one lab daemon: its own vici socket, pid-free /run (see charon.ts), a file log with the
 * levels the diagnosis reads (cfg at 2 names the transform type a proposal lacks), syslog off, the userspace IPsec backend (the kernel here has no ESP), short
 * retransmits so a failed handshake ends in seconds, and a `swanctl` section so swanctl never reads /etc.
 */

/** What differs between the lab's daemons. */
export interface CharonConfOptions {
  /** The daemon's private directory (vici socket, log, /run). */
  dir: string;
  /** Responders refuse IKEv1 aggressive mode with a PSK unless this is set (strongSwan's own safety switch). */
  allowAggressivePsk: boolean;
  /** False for route-based tunnels: the lab routes the inside blocks into ipsec0 itself, as a route table would. */
  installRoutes: boolean;
}

/** The plugins that work here, in order: kernel-libipsec before kernel-netlink (still needed for routes). */
export const CHARON_PLUGINS =
  'random nonce openssl aes sha1 sha2 md5 hmac kdf pem pkcs1 x509 pubkey constraints kernel-libipsec kernel-netlink socket-default vici';

/** The vici socket's path inside `dir`. */
export function viciSocket(dir: string): string {
  return `${dir}/charon.vici`;
}

/** The log file's path inside `dir`. */
export function charonLogPath(dir: string): string {
  return `${dir}/charon.log`;
}

/** The strongswan.conf text for one daemon. */
export function charonConf(options: CharonConfOptions): string {
  const yesNo = (value: boolean) => (value ? 'yes' : 'no');
  return `# strongswan.conf of one tcvpn tunnel-lab daemon (generated, removed after the run)
charon {
  load = ${CHARON_PLUGINS}
  install_routes = ${yesNo(options.installRoutes)}
  retransmit_tries = 2
  retransmit_timeout = 1.0
  retransmit_base = 1.4
  i_dont_care_about_security_and_use_aggressive_mode_psk = ${yesNo(options.allowAggressivePsk)}
  filelog {
    lab {
      path = ${charonLogPath(options.dir)}
      time_format = %H:%M:%S
      default = 1
      cfg = 2
      flush_line = yes
    }
  }
  syslog {
    daemon {
      default = -1
    }
  }
  plugins {
    vici {
      socket = unix://${viciSocket(options.dir)}
    }
  }
}
swanctl {
  socket = unix://${viciSocket(options.dir)}
  load = pem pkcs1 x509 pubkey constraints openssl random
}
`;
}
