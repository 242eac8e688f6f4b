/**
 * The live demo (`npm run demo`, after scripts/demo.sh has installed the runtime and packaged the .vsix): installs
 * the .vsix into a fresh code-server, starts the VPC API emulator and code-server on 127.0.0.1 with the examples/
 * workspace (README's tunnel, a BGP, a policy and a CCN tunnel, the common mistakes) whose endpoint setting points
 * at the emulator, checks in a headless Chromium that the installed extension activates on a *.vpnconn.yaml file,
 * and prints the URL to open and the commands to try. Ctrl-C stops all of it, process groups included; the
 * workspace is kept (at the path the banner names, reused next time without overwriting an edited file), the
 * code-server data and logs are removed.
 *
 * Usage: npx tsx scripts/vscode-runtime/demo.ts [--port N] [--no-verify] [--exit-after-check]
 *   --port N             code-server's port on 127.0.0.1 (default 8080, or TCVPN_DEMO_PORT; a free one if taken)
 *   --no-verify          skip the headless activation check
 *   --exit-after-check   stop everything after the check (what CI and a smoke test use)
 * Env: TCVPN_DEMO_WORKSPACE  where the workspace is kept (default ~/tcvpn-demo-workspace)
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  cleanup,
  codeServerEnv,
  type CodeServer,
  emulatorDemoCredentials,
  freePort,
  freshDataDir,
  installVsix,
  launchBrowser,
  removeWhenDone,
  listExtensions,
  openFile,
  repoRoot,
  say,
  startCodeServer,
  startEmulator,
  UI_TIMEOUT,
  workbenchUrl,
  writeUserSettings,
} from './lib';

const EXTENSION_ID = 'tcvpn-dev.tencentcloud-vpn-connection';
const VSIX = path.join(repoRoot, 'dist', 'tencentcloud-vpn-connection.vsix');
const EXAMPLES = path.join(repoRoot, 'examples');
/** The example the activation check waits for in the explorer, and the one whose errors it waits for. */
const FIRST_EXAMPLE = 'tunnel-to-idc.vpnconn.yaml';
const MISTAKES_EXAMPLE = 'common-mistakes.vpnconn.yaml';
/** What the banner says each example is. */
const EXAMPLE_LIST: [string, string][] = [
  [FIRST_EXAMPLE, "README's tunnel (SPD policy)"],
  ['bgp-tunnel.vpnconn.yaml', 'a BGP tunnel'],
  ['policy-tunnel.vpnconn.yaml', 'a policy tunnel with several SPD rules'],
  ['ccn-tunnel.vpnconn.yaml', 'a tunnel on a CCN gateway (no VPC)'],
  [MISTAKES_EXAMPLE, 'the mistakes engineers make, each underlined with its rule'],
];

/**
 * The demo's workspace: examples/ copied to a folder that outlives the demo, so what the user edited is there
 * after Ctrl-C. A file already there is kept as it is (an edit is never overwritten); missing ones are copied.
 */
function demoWorkspace(): string {
  const workspace = process.env.TCVPN_DEMO_WORKSPACE || path.join(os.homedir(), 'tcvpn-demo-workspace');
  mkdirSync(workspace, { recursive: true });
  const copied: string[] = [];
  for (const name of readdirSync(EXAMPLES)) {
    if (existsSync(path.join(workspace, name))) continue;
    copyFileSync(path.join(EXAMPLES, name), path.join(workspace, name));
    copied.push(name);
  }
  say(
    `workspace ${workspace}: ${copied.length ? `copied ${copied.join(', ')}` : 'kept as it was (every example there)'}`,
  );
  return workspace;
}

interface Options {
  port: number;
  verify: boolean;
  exitAfterCheck: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { port: Number(process.env.TCVPN_DEMO_PORT || 8080), verify: true, exitAfterCheck: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') options.port = Number(argv[++i]);
    else if (argv[i] === '--no-verify') options.verify = false;
    else if (argv[i] === '--exit-after-check') options.exitAfterCheck = true;
    else throw new Error(`unknown option ${argv[i]} (see the header of scripts/vscode-runtime/demo.ts)`);
  }
  return options;
}

/** Whether `port` on 127.0.0.1 can be listened on right now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Opens the workspace headlessly and waits for our squiggle in a *.vpnconn.yaml file with errors. */
async function verifyActivation(dataDir: string, url: string): Promise<void> {
  const context = await launchBrowser(path.join(dataDir, 'verify'));
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page
      .locator('.explorer-folders-view .monaco-list-row', { hasText: FIRST_EXAMPLE })
      .waitFor({ timeout: 90_000 });
    await openFile(page, MISTAKES_EXAMPLE);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: UI_TIMEOUT });
  } finally {
    await context.close();
  }
}

/** Installs the packaged .vsix into the data folder's extensions dir and checks code-server lists it. */
function installExtension(dataDir: string): void {
  say(`installing ${path.relative(repoRoot, VSIX)} into ${dataDir}/extensions`);
  installVsix(dataDir, VSIX);
  const installed = listExtensions(dataDir).find((line) => line.toLowerCase().startsWith(`${EXTENSION_ID}@`));
  if (!installed) throw new Error(`${EXTENSION_ID} is not listed after --install-extension`);
  say(`installed ${installed}`);
}

/** The requested port when it is free on 127.0.0.1, else a free one the kernel picks. */
async function availablePort(requested: number): Promise<number> {
  if (await portIsFree(requested)) return requested;
  const port = await freePort();
  say(`port ${requested} is taken; using ${port}`);
  return port;
}

/** Starts code-server on 127.0.0.1:`port` with the emulator's demo credentials in its environment. */
function startDemoCodeServer(
  dataDir: string,
  port: number,
  credentials: { secretId: string; secretKey: string },
): Promise<CodeServer> {
  const env = codeServerEnv(dataDir, {
    TENCENTCLOUD_SECRET_ID: credentials.secretId,
    TENCENTCLOUD_SECRET_KEY: credentials.secretKey,
  });
  return startCodeServer({
    dataDir,
    env,
    smokeTestDriver: false,
    logFile: path.join(dataDir, 'code-server.log'),
    port,
  });
}

/** Prints the URL to open, the workspace, the commands to try, and what the emulator and the logs are. */
function printInstructions(url: string, workspace: string, emulatorUrl: string, dataDir: string): void {
  console.log(`
  Tencent Cloud VPN Connection: live demo

  Open this URL in a browser on this machine:
    ${url}

  The workspace, kept after the demo: ${workspace}
${EXAMPLE_LIST.map(([name, what]) => `    ${name.padEnd(31)}${what}`).join('\n')}

  Try (Ctrl+Shift+P, then type the name):
    Tencent Cloud VPN: Submit Connection     sends the open file to the local VPC API emulator
    Tencent Cloud VPN: Open an Example       the API's own example, in a new editor
    Tencent Cloud VPN: Open the Rules Page   every rule the editor checks (also: click a code in Problems)
    Help: Welcome                            the walkthrough "Get started with Tencent Cloud VPN"
  The Tasks view (the cloud icon on the left) follows each submission to its end.
  The Account view: a tunnel → Open as File → edit → Show Changes Against Live Tunnel → Apply Changes.

  The emulator: ${emulatorUrl}, with its public demo credentials.
  Logs: ${dataDir}/code-server.log, ${dataDir}/emulator.log (removed on exit)

  Press Ctrl-C to stop everything; the workspace stays in ${workspace}.
`);
}

/** Installs the .vsix, starts the emulator and code-server, checks activation, then serves until Ctrl-C. */
async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const dataDir = freshDataDir('tcvd');
  removeWhenDone(dataDir);
  const workspace = demoWorkspace();
  cleanup.add(
    'workspace note',
    async () => say(`the workspace is kept: ${workspace}`),
    () => undefined,
  );
  installExtension(dataDir);

  const emulator = await startEmulator(path.join(dataDir, 'emulator.log'));
  say(`emulator ${emulator.url} (log: ${dataDir}/emulator.log)`);
  const credentials = emulatorDemoCredentials();
  writeUserSettings(dataDir, { 'tencentcloudVpn.endpoint': emulator.url, 'tencentcloudVpn.region': 'ap-guangzhou' });
  const port = await availablePort(options.port);
  const server = await startDemoCodeServer(dataDir, port, credentials);
  const url = workbenchUrl(server, workspace);

  if (options.verify) {
    const started = Date.now();
    await verifyActivation(dataDir, url);
    say(
      `verified in ${((Date.now() - started) / 1000).toFixed(1)} s: the installed extension activates on *.vpnconn.yaml and shows its diagnostics`,
    );
  }
  if (options.exitAfterCheck) return 0;

  printInstructions(url, workspace, emulator.url, dataDir);
  // Runs until Ctrl-C (the cleanup's signal handler exits), or until code-server or the emulator dies.
  const code = await Promise.race([server.proc.exited, emulator.proc.exited]);
  if (cleanup.stopping) return 0;
  say(`a demo process exited (${code}); stopping the rest`);
  return 1;
}

main()
  .then(async (code) => {
    await cleanup.runAll();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    say(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
    await cleanup.runAll();
    process.exit(1);
  });
