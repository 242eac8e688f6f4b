/**
 * Our language server as an editor starts it (`node dist/server.js --stdio`), and a start that first makes sure
 * dist/ is built from the current sources.
 */
import * as path from 'node:path';
import { ensureBuilt, REPO_ROOT } from '../build';
import type { ServerCommand } from './serverProcess';
import type { StartOptions } from './startOptions';
import { LspTestClient } from './testClient';

/** The built server's command line. */
export const SERVER_COMMAND: ServerCommand = {
  name: 'tencentcloud-vpn-language-server',
  command: process.execPath,
  args: [path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'],
  cwd: REPO_ROOT,
};

/** Builds when stale, then spawns and initializes our server. */
export function startOurServer(options: StartOptions = {}): Promise<LspTestClient> {
  ensureBuilt();
  return LspTestClient.start(SERVER_COMMAND, options);
}
