// node-fetch 2, the SDK's own HTTP client (pinned in devDependencies to the version the SDK uses), ships no types: loopbackFetch.ts needs only this.
declare module 'node-fetch' {
  export interface RequestInit {
    agent?: unknown;
    [option: string]: unknown;
  }
  export type Response = unknown;
  export default function fetch(url: string, init?: RequestInit): Promise<Response>;
}
