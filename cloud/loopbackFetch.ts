/**
 * The `node-fetch` the Tencent Cloud SDK calls, as the bundles see it (scripts/build.mjs points the SDK's import of
 * `node-fetch` here). A request whose agent is a LoopbackAgent goes to that agent's origin (the local emulator)
 * instead of the host in its URL; everything the SDK signed stays as it was: the `Host` header the SDK set from
 * the URL, the body and the Authorization header. Every other request passes through untouched.
 *
 * Why: VS Code's extension host patches `http.request` and, for a host other than localhost, replaces the
 * request's agent with its own proxy agent, which would then look up `vpc.tencentcloudapi.com` in DNS. A request
 * whose URL already names 127.0.0.1 keeps its agent, so the emulator is reached with or without that patch.
 */
import fetch, { type RequestInit, type Response } from 'node-fetch';
import { LoopbackAgent } from './endpoint';

/** The URL a request is really sent to: the agent's loopback origin with the URL's path, or the URL itself. */
export function loopbackUrl(url: string, agent: unknown): string {
  if (!(agent instanceof LoopbackAgent)) return url;
  const parsed = new URL(url);
  return `${agent.origin}${parsed.pathname}${parsed.search}`;
}

/** node-fetch, sending loopback-agent requests to the agent's origin. */
export default function loopbackFetch(url: string, init?: RequestInit): Promise<Response> {
  return fetch(loopbackUrl(url, init?.agent), init);
}
