/**
 * Turns the endpoint setting into what the SDK needs: the host to sign and send as `Host`, the protocol, and an
 * explicit agent. The agent is always set, so the SDK never falls back to a stray lower-case `http_proxy`
 * (schemas/source/NOTES.md §5). A loopback URL (the emulator) keeps Host `vpc.tencentcloudapi.com` and service `vpc` in the
 * signature, and an agent that dials 127.0.0.1:PORT whatever host the request names. Inside VS Code's extension
 * host that agent alone is not enough: the host's proxy layer swaps the agent of any request to a non-loopback
 * host (`http.proxySupport`, on by default), so the bundles also route the SDK's fetch through loopbackFetch.ts,
 * which sends such a request to the agent's own origin while the `Host` header and the signature stay the same.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';

export const DEFAULT_HOST = 'vpc.tencentcloudapi.com';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** How requests reach the VPC API. */
export interface ResolvedEndpoint {
  /** The host signed and sent in the Host header; its first label ("vpc") is the signing service. */
  host: string;
  protocol: 'https://' | 'http://';
  agent: http.Agent;
  /** For logs: the host, or "vpc.tencentcloudapi.com via http://127.0.0.1:PORT". */
  display: string;
}

/** Raised for an endpoint setting the client refuses to use. */
export class EndpointError extends Error {
  override name = 'EndpointError';
}

/** True for the financial regions, which only answer on their regional host. */
export function isFinancialRegion(region: string): boolean {
  return region.endsWith('-fsi');
}

/** An agent that sends every request to 127.0.0.1:port (or [::1]), whatever host the URL names. */
export class LoopbackAgent extends http.Agent {
  /** Where the requests really go, e.g. "http://127.0.0.1:8930". */
  readonly origin: string;

  constructor(
    hostname: string,
    readonly port: number,
  ) {
    super({ keepAlive: false });
    const host = hostname === '[::1]' ? '::1' : '127.0.0.1';
    this.origin = `http://${hostname === '[::1]' ? '[::1]' : '127.0.0.1'}:${port}`;
    Object.assign(this, { createConnection: () => net.connect({ host, port }) });
  }
}

/** The agent of a loopback endpoint (see LoopbackAgent). */
export function loopbackAgent(hostname: string, port: number): LoopbackAgent {
  return new LoopbackAgent(hostname, port);
}

function resolveLoopback(url: URL, setting: string): ResolvedEndpoint {
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || !url.port) {
    throw new EndpointError(`Only http://127.0.0.1:PORT (the local emulator) may be given as a URL, not "${setting}".`);
  }
  return {
    host: DEFAULT_HOST,
    protocol: 'http://',
    agent: loopbackAgent(url.hostname, Number(url.port)),
    display: `${DEFAULT_HOST} via ${url.origin}`,
  };
}

function resolveHost(host: string, region: string): ResolvedEndpoint {
  const chosen = host === DEFAULT_HOST && isFinancialRegion(region) ? `vpc.${region}.tencentcloudapi.com` : host;
  if (!/^vpc\.([a-z0-9-]+\.)*tencentcloudapi\.com$/.test(chosen)) {
    throw new EndpointError(
      `The endpoint must be a VPC API host such as ${DEFAULT_HOST} or vpc.<region>.tencentcloudapi.com, not "${host}".`,
    );
  }
  return { host: chosen, protocol: 'https://', agent: new https.Agent({ keepAlive: true }), display: chosen };
}

/**
 * Resolves the endpoint setting for a region. Accepts a host (`vpc.tencentcloudapi.com`, a regional
 * `vpc.<region>.tencentcloudapi.com`), `https://<host>`, or a loopback `http://127.0.0.1:PORT`. The default host
 * is replaced by the regional one for the financial (-fsi) regions, which require it.
 */
export function resolveEndpoint(setting: string | undefined, region: string): ResolvedEndpoint {
  const trimmed = (setting ?? '').trim().replace(/\/+$/, '');
  if (!trimmed) return resolveHost(DEFAULT_HOST, region);
  if (trimmed.startsWith('http://')) return resolveLoopback(new URL(trimmed), trimmed);
  if (trimmed.startsWith('https://')) return resolveHost(new URL(trimmed).host.toLowerCase(), region);
  if (trimmed.includes('://')) throw new EndpointError(`Unsupported endpoint "${trimmed}".`);
  return resolveHost(trimmed.toLowerCase(), region);
}
