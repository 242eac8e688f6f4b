/**
 * UI checks on the real workbench, with screenshots: the packaged .vsix is installed into a fresh extensions dir of
 * code-server (issue 2's install check), then a person's steps are played in Chromium and each result is asserted on
 * what the screen shows: the squiggle and the Problems entry, the suggest widget with our items, the hover, the
 * command in the palette, and the "VPN Tasks" tree with a succeeded task (submitted from the palette against the
 * emulator).
 *
 * Usage: npx tsx scripts/vscode-runtime/ui-checks.ts [--no-package] [--images DIR]
 *   --images DIR  where the PNGs go (default test-results/ui; `--images docs/images` refreshes the README's).
 * Writes "passed failed skipped" to $EDITOR_SUMMARY_FILE when set; exits non-zero when a check failed.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  cleanup,
  codeServerEnv,
  type CodeServer,
  emulatorDemoCredentials,
  ensureRuntime,
  freshDataDir,
  freshWorkspace,
  installVsix,
  acceptQuickInput,
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

interface Options {
  packageIt: boolean;
  imagesDir: string;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { packageIt: true, imagesDir: path.join(repoRoot, 'test-results', 'ui') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-package') options.packageIt = false;
    else if (argv[i] === '--images') options.imagesDir = path.resolve(argv[++i]);
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return options;
}

/** The documentation of a CreateVpnConnection key, read from the committed schema (what the hover must show). */
function schemaDoc(key: string): string {
  const schema = JSON.parse(
    readFileSync(path.join(repoRoot, 'schemas', 'CreateVpnConnection.schema.json'), 'utf8'),
  ) as {
    properties: Record<string, { 'x-doc-en'?: string }>;
  };
  return schema.properties[key]['x-doc-en'] ?? key;
}

/** Runs a command from the palette by its title, as a user types it. */
async function runFromPalette(page: Page, title: string): Promise<void> {
  await acceptQuickInput(page, 'F1', `>${title}`, title);
}

/** Moves the cursor to line:column with "Go to Line". */
async function goTo(page: Page, line: number, column: number): Promise<void> {
  await acceptQuickInput(page, 'Control+G', `:${line}:${column}`);
}

/** Presses Escape twice, closing the widget (suggest, hover) a check left open. */
async function closeWidgets(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
}

/** Saves a screenshot of the page as `file` in the images folder. */
async function shot(page: Page, imagesDir: string, file: string): Promise<void> {
  await page.screenshot({ path: path.join(imagesDir, file) });
}

/** The installed .vsix activates on a *.vpnconn.yaml file: a squiggle, and a Problems entry naming our source. */
async function checkDiagnostics(page: Page, imagesDir: string): Promise<void> {
  await openFile(page, 'schema-errors.vpnconn.yaml');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'TunnelColour' }).first();
  await row.waitFor({ timeout: UI_TIMEOUT });
  const text = await row.innerText();
  if (!text.includes('tencentcloud-vpn')) throw new Error(`the Problems entry does not name our source: ${text}`);
  await shot(page, imagesDir, 'diagnostics.png');
}

/** Ctrl+Space on a new line lists our keys in the suggest widget. */
async function checkCompletion(page: Page, imagesDir: string): Promise<void> {
  await openFile(page, 'completion.vpnconn.yaml');
  await goTo(page, 2, 1);
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Control+Space');
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  await widget.locator('.monaco-list-row', { hasText: 'CustomerGatewayId' }).first().waitFor({ timeout: UI_TIMEOUT });
  await shot(page, imagesDir, 'completion.png');
  await closeWidgets(page);
}

/** The hover on a key shows its documentation from the schema. */
async function checkHover(page: Page, imagesDir: string): Promise<void> {
  await openFile(page, 'static-gz.vpnconn.yaml');
  await goTo(page, 4, 4);
  await runFromPalette(page, 'Show or Focus Hover');
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: schemaDoc('VpnGatewayId') });
  await hover.first().waitFor({ timeout: UI_TIMEOUT });
  await shot(page, imagesDir, 'hover.png');
  await closeWidgets(page);
}

/** The palette offers "Tencent Cloud VPN: Submit Connection" as its title is typed. */
async function checkPalette(page: Page, imagesDir: string): Promise<void> {
  await openFile(page, 'static-gz.vpnconn.yaml');
  await page.keyboard.press('F1');
  const widget = page.locator('.quick-input-widget');
  await widget.locator('input').first().fill('>Tencent Cloud VPN: Sub');
  await widget
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Tencent Cloud VPN: Submit Connection' })
    .first()
    .waitFor({ timeout: UI_TIMEOUT });
  await shot(page, imagesDir, 'palette.png');
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** A submission from the palette, confirmed in its dialog, shows up in "VPN Tasks" as succeeded. */
async function checkSubmission(page: Page, imagesDir: string): Promise<void> {
  await openFile(page, 'static-gz.vpnconn.yaml');
  if (await page.locator('.tabs-container .tab.active.dirty').count())
    throw new Error('an earlier step typed into static-gz.vpnconn.yaml');
  await runFromPalette(page, 'Tencent Cloud VPN: Submit Connection');
  await confirmSubmission(page, imagesDir);
  await page.locator('.activitybar .action-item a[aria-label^="Tencent Cloud VPN"]').first().click();
  const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'VPN Tasks' }) });
  const row = view.locator('.monaco-list-row', { hasText: 'editor-static-gz' }).first();
  await row.waitFor({ timeout: UI_TIMEOUT });
  await row.locator('.codicon-check, .codicon-pass, .codicon-pass-filled').first().waitFor({ timeout: 90_000 });
  await shot(page, imagesDir, 'tasks.png');
}

/** One UI check: plays its steps on the page and throws when the screen does not show what it should. */
type Check = (page: Page, imagesDir: string) => Promise<void>;

/** The UI checks in the order they run: what each shows, the screenshot it takes, and its steps. */
const CHECKS: [string, string, Check][] = [
  [
    'the installed .vsix activates on a *.vpnconn.yaml file: squiggle and Problems entry',
    'diagnostics.png',
    checkDiagnostics,
  ],
  ['the suggest widget lists our keys', 'completion.png', checkCompletion],
  ['the hover shows the key documentation', 'hover.png', checkHover],
  ['the palette offers "Tencent Cloud VPN: Submit Connection"', 'palette.png', checkPalette],
  ['a submission from the palette shows up in "VPN Tasks" as succeeded', 'tasks.png', checkSubmission],
];

/** The submit command asks to confirm in a modal dialog: check it masks the secrets, picture it, accept it. */
async function confirmSubmission(page: Page, imagesDir: string): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  const text = await dialog.innerText();
  if (text.includes(emulatorDemoCredentials().secretKey)) throw new Error('the confirmation shows the SecretKey');
  if (text.includes('fixture-psk-1234')) throw new Error('the confirmation shows the pre-shared key');
  if (!text.includes('editor-static-gz')) throw new Error(`the confirmation does not name the connection: ${text}`);
  await page.screenshot({ path: path.join(imagesDir, 'confirm.png') });
  await dialog.getByRole('button', { name: /^(Submit|提交)/ }).click();
  await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

let passed = 0;
let failed = 0;

/** Seconds since `started`, to one decimal, for the progress lines. */
function secondsSince(started: number): string {
  return ((Date.now() - started) / 1000).toFixed(1);
}

/** Counts one check's outcome and prints it, with a detail line when there is one. */
function report(ok: boolean, name: string, detail = ''): void {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `\n       ${detail}` : ''}`);
}

/** Packages the .vsix (npm run package) unless --no-package was given and one is already there. */
function packageVsix(options: Options): void {
  if (options.packageIt || !existsSync(VSIX)) {
    say('npm run package');
    const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('npm run package failed');
  }
}

/** The install check: the packaged .vsix goes into the data folder's fresh extensions dir and is listed there. */
function checkInstall(dataDir: string): void {
  installVsix(dataDir, VSIX);
  const installed = listExtensions(dataDir);
  report(
    installed.some((line) => line.toLowerCase().startsWith(`${EXTENSION_ID}@`)),
    'the packaged .vsix installs into a fresh extensions dir',
    `listed: ${installed.join(', ')}`,
  );
}

/** Starts the emulator and code-server (no smoke-test driver) with settings that keep the screenshots plain. */
async function startUiCodeServer(dataDir: string): Promise<CodeServer> {
  const emulator = await startEmulator(path.join(dataDir, 'emulator.log'));
  const credentials = emulatorDemoCredentials();
  writeUserSettings(dataDir, {
    'tencentcloudVpn.endpoint': emulator.url,
    'tencentcloudVpn.region': 'ap-guangzhou',
    'workbench.colorTheme': 'Default Light Modern',
    'window.commandCenter': false,
    'workbench.layoutControl.enabled': false,
  });
  const env = codeServerEnv(dataDir, {
    TENCENTCLOUD_SECRET_ID: credentials.secretId,
    TENCENTCLOUD_SECRET_KEY: credentials.secretKey,
  });
  return startCodeServer({
    dataDir,
    env,
    smokeTestDriver: false,
    logFile: path.join(dataDir, 'code-server.log'),
  });
}

/** Opens the workspace in Chromium at 1280×800 and waits until the editor part and the explorer's files show. */
async function openWorkbench(server: CodeServer, dataDir: string, workspace: string): Promise<Page> {
  const context = await launchBrowser(dataDir, { width: 1280, height: 800 });
  const page = context.pages()[0] ?? (await context.newPage());
  const opened = Date.now();
  await page.goto(workbenchUrl(server, workspace));
  await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
  await page
    .locator('.explorer-folders-view .monaco-list-row', { hasText: 'static-gz.vpnconn.yaml' })
    .waitFor({ timeout: 60_000 });
  say(`workbench rendered in ${secondsSince(opened)} s`);
  return page;
}

/** Runs one check and reports it; on failure it keeps a FAILED- screenshot and closes what the check left open. */
async function runCheck(page: Page, imagesDir: string, name: string, image: string, check: Check): Promise<void> {
  const started = Date.now();
  try {
    await check(page, imagesDir);
    report(true, name, `${path.relative(repoRoot, path.join(imagesDir, image))} (${secondsSince(started)} s)`);
  } catch (error) {
    const failure = path.join(imagesDir, `FAILED-${image}`);
    await page.screenshot({ path: failure }).catch(() => undefined);
    report(
      false,
      name,
      `${error instanceof Error ? error.message.split('\n')[0] : String(error)} (screen: ${path.relative(repoRoot, failure)})`,
    );
    await closeWidgets(page).catch(() => undefined);
  }
}

/** Packages and installs the .vsix, opens the workbench on a fresh workspace, runs every check and records the counts. */
async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  mkdirSync(options.imagesDir, { recursive: true });
  ensureRuntime();
  packageVsix(options);
  const dataDir = freshDataDir('tcvu');
  removeWhenDone(dataDir, () => failed > 0);
  const workspace = freshWorkspace(dataDir);
  say(`data dir ${dataDir}`);

  checkInstall(dataDir);
  const server = await startUiCodeServer(dataDir);
  const page = await openWorkbench(server, dataDir, workspace);
  for (const [name, image, check] of CHECKS) await runCheck(page, options.imagesDir, name, image, check);

  if (process.env.EDITOR_SUMMARY_FILE) appendFileSync(process.env.EDITOR_SUMMARY_FILE, `${passed} ${failed} 0\n`);
  console.log(`ui-checks: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main()
  .then(async (code) => {
    await cleanup.runAll();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await cleanup.runAll();
    // The checks counted so far stand; the crash itself counts as one failure.
    if (process.env.EDITOR_SUMMARY_FILE) appendFileSync(process.env.EDITOR_SUMMARY_FILE, `${passed} ${failed + 1} 0\n`);
    console.log(`ui-checks: ${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  });
