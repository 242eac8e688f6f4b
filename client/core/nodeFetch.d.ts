// node-fetch 2 (a dependency of tencentcloud-sdk-nodejs-common) ships no types; loopbackFetch.ts needs only this.
declare module 'node-fetch' {
  export interface RequestInit {
    agent?: unknown;
    [option: string]: unknown;
  }
  export type Response = unknown;
  export default function fetch(url: string, init?: RequestInit): Promise<Response>;
}
