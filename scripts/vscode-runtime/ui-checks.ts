/**
 * UI checks on the real workbench, with screenshots: the packaged .vsix is installed into a fresh extensions dir of
 * code-server (issue 2's install check), then a person's steps are played in Chromium and each result is asserted on
 * what the screen shows: the squiggle and the Problems entry, the suggest widget with our items, the hover, the
 * command in the palette, the "VPN Tasks" tree with a succeeded task (submitted from the palette against the
 * emulator, one notification at a time), the Account view, the diff of an edited imported tunnel against the live
 * one, and issue 18's first hour: a rule's page opened from its code in Problems, "Open an Example" with "Spaces: 2",
 * the settings' titles, the walkthrough's five steps with pictures, and a Chinese hover (docLanguage zh).
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

/** The Chinese documentation of a key (what the hover shows with docLanguage zh). */
function schemaDocZh(key: string): string {
  const schema = JSON.parse(
    readFileSync(path.join(repoRoot, 'schemas', 'CreateVpnConnection.schema.json'), 'utf8'),
  ) as { properties: Record<string, { 'x-doc-zh'?: string }> };
  const doc = schema.properties[key]['x-doc-zh'];
  if (!doc) throw new Error(`the schema has no Chinese documentation of ${key}`);
  // The first sentence: enough to identify the text, short enough to fit one rendered line's worth of markdown.
  return doc.split(/[。\n]/)[0];
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
  await runFromPalette(page, 'Notifications: Clear All Notifications');
  await countToasts(page);
  await runFromPalette(page, 'Tencent Cloud VPN: Submit Connection');
  await confirmSubmission(page, imagesDir);
  await page.locator('.activitybar .action-item a[aria-label^="Tencent Cloud VPN"]').first().click();
  // The view is "Tasks" under the "Tencent Cloud VPN" container (a short name, so the header is never cut).
  const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /\bTasks\b/ }) });
  const row = view.locator('.monaco-list-row', { hasText: 'editor-static-gz' }).first();
  await row.waitFor({ timeout: UI_TIMEOUT });
  await row.locator('.codicon-check, .codicon-pass, .codicon-pass-filled').first().waitFor({ timeout: 90_000 });
  const rows = (await view.locator('.monaco-list-row').allInnerTexts()).join(' | ');
  if (/[\u3400-\u9fff]/.test(rows)) throw new Error(`the Tasks view of an English UI shows Chinese: ${rows}`);
  await shot(page, imagesDir, 'tasks.png');
  const most = await mostToasts(page);
  if (most.length === 0) throw new Error('no notification was seen during the submission (the count sees none)');
  if (most.length > 1)
    throw new Error(`one submission showed ${most.length} notifications at once: ${most.join(' | ')}`);
}

/**
 * Starts recording, in the page, the most notification toasts shown at once (a MutationObserver on the workbench),
 * with their texts; mostToasts reads it. Toasts on their way out (fading) are not counted.
 */
async function countToasts(page: Page): Promise<void> {
  // A string, evaluated in the page: this file is compiled without the DOM's types.
  await page.evaluate(`(() => {
    window.__toasts = [];
    if (window.__toastObserver) window.__toastObserver.disconnect();
    const observe = () => {
      const shown = [...document.querySelectorAll('.notification-toast-container')]
        .filter((t) => !t.querySelector('.notification-fade-out') && t.offsetParent !== null)
        .map((t) => t.innerText.replace(/\s+/g, ' ').trim());
      if (shown.length > window.__toasts.length) window.__toasts = shown;
    };
    window.__toastObserver = new MutationObserver(observe);
    window.__toastObserver.observe(document.body, { childList: true, subtree: true, attributes: true });
  })()`);
}

/** The most toasts shown at once since countToasts, with their texts; stops recording. */
async function mostToasts(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    if (window.__toastObserver) window.__toastObserver.disconnect();
    return window.__toasts || [];
  })()`);
}

/** The "Account" view of the Tencent Cloud VPN container, opened from the activity bar. */
async function accountView(page: Page) {
  // Room for the tree and the diff: the panel (Problems, from an earlier check) and the empty secondary side bar go.
  if (await page.locator('.part.panel').isVisible()) await page.keyboard.press('Control+J');
  if (await page.locator('.part.auxiliarybar').isVisible()) await page.keyboard.press('Control+Alt+B');
  const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /\bAccount\b/ }) });
  // The activity bar item toggles the side bar: click it only when the container is not shown already.
  if (!(await view.isVisible()))
    await page.locator('.activitybar .action-item a[aria-label^="Tencent Cloud VPN"]').first().click();
  const header = view.locator('.pane-header').first();
  await header.waitFor({ timeout: UI_TIMEOUT });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  return view;
}

/** Drags the side bar's edge until the side bar is `width` pixels wide (the tree's rows then show their details). */
async function widenSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}

/** The account view lists the emulator's gateways, each with its tunnels (state, route type). */
async function checkAccountView(page: Page, imagesDir: string): Promise<void> {
  const view = await accountView(page);
  await runFromPalette(page, 'Notifications: Clear All Notifications');
  await widenSideBar(page, 560);
  const tunnel = view.locator('.monaco-list-row', { hasText: 'existing-static-gz' }).first();
  await tunnel.waitFor({ timeout: UI_TIMEOUT });
  const text = await tunnel.innerText();
  if (!/vpnx-5eed01gz/.test(text) || !/AVAILABLE/.test(text))
    throw new Error(`the tunnel row does not show its id and state: ${text}`);
  await view.locator('.monaco-list-row', { hasText: 'demo-ipsec-gw-gz' }).first().waitFor({ timeout: UI_TIMEOUT });
  await shot(page, imagesDir, 'account.png');
}

/**
 * Open as File on a tunnel (its inline action), a changed name, then Show Changes from the palette: the diff editor
 * shows the live name against the file's, and the status bar counts the change.
 */
async function checkLiveDiff(page: Page, imagesDir: string): Promise<void> {
  const view = await accountView(page);
  const tunnel = view.locator('.monaco-list-row', { hasText: 'existing-static-gz' }).first();
  await tunnel.hover();
  await tunnel.locator('.action-label[aria-label="Open as File"]').click();
  await page
    .locator('.tabs-container .tab.active', { hasText: 'existing-static-gz.vpnconn.yaml' })
    .waitFor({ timeout: UI_TIMEOUT });
  // A click on the name's line, then End: the name is the line's last word.
  await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'existing-static-gz' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.type('-v2');
  await page
    .locator('.statusbar-item', { hasText: /\d+ changes? vs live/ })
    .first()
    .waitFor({ timeout: UI_TIMEOUT });
  await runFromPalette(page, 'Tencent Cloud VPN: Show Changes Against Live Tunnel');
  const diff = page.locator('.monaco-diff-editor').first();
  await diff.waitFor({ timeout: UI_TIMEOUT });
  await diff
    .locator('.editor.original .view-line', { hasText: 'existing-static-gz' })
    .first()
    .waitFor({ timeout: UI_TIMEOUT });
  await diff
    .locator('.editor.modified .view-line', { hasText: 'existing-static-gz-v2' })
    .first()
    .waitFor({ timeout: UI_TIMEOUT });
  if ((await diff.innerText()).includes('seeded-psk-1')) throw new Error('the diff shows the pre-shared key');
  // The whole width for the two sides: the side bar goes (Ctrl+B), and so does any notification.
  await page.keyboard.press('Control+B');
  await runFromPalette(page, 'Notifications: Clear All Notifications');
  await shot(page, imagesDir, 'diff.png');
}

/** Closes every editor (and a modal one); edits earlier checks made in memory are dropped ("Don't Save" when VS Code asks). */
async function closeAllEditors(page: Page): Promise<void> {
  // The settings editor opens in a modal editor part, which Close All Editors leaves open: its own close button.
  const modal = page.locator('.modal-editor-part');
  if (await modal.isVisible()) {
    await modal.locator('.codicon-close').first().click({ timeout: UI_TIMEOUT });
    await modal.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  }
  const dirty = await page.locator('.tabs-container .tab.dirty').count();
  await runFromPalette(page, 'View: Close All Editors');
  if (dirty > 0) {
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.getByRole('button', { name: /^Don't Save$/ }).click({ timeout: UI_TIMEOUT });
    await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  }
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
}

/** The Problems panel, opened unless it is shown already (Ctrl+Shift+M toggles it). */
async function problemsPanel(page: Page) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ timeout: UI_TIMEOUT });
  return panel;
}

/** A click on a rule's code in Problems opens the shipped rules page in a Markdown preview ("Preview rules.md"). */
async function checkRuleDocFromProblems(page: Page, imagesDir: string): Promise<void> {
  await openFile(page, 'bgp-mask.vpnconn.json');
  const panel = await problemsPanel(page);
  const row = panel.locator('.monaco-list-row', { hasText: 'VpnConnBgpTunnelCidrMask' }).first();
  await row.waitFor({ timeout: UI_TIMEOUT });
  // The code is a link (its codeDescription); the Problems view runs `command:` links.
  await row
    .locator('.monaco-link', { hasText: /VpnConnBgpTunnelCidrMask|bgp/i })
    .first()
    .click();
  await page.locator('.tabs-container .tab', { hasText: 'Preview rules.md' }).first().waitFor({ timeout: UI_TIMEOUT });
  // The preview is a webview: its text is in nested frames; the rule's heading must be on the page shown.
  const heading = page
    .frameLocator('iframe.webview.ready')
    .frameLocator('iframe#active-frame')
    .locator('h3', { hasText: /bgp/i })
    .first();
  await heading.waitFor({ timeout: UI_TIMEOUT });
  await shot(page, imagesDir, 'rule-doc.png');
  await closeAllEditors(page);
}

/** The getting-started walkthrough (Help: Welcome) shows its five steps, each with its picture. */
async function checkWalkthrough(page: Page, imagesDir: string): Promise<void> {
  if (await page.locator('.part.panel').isVisible()) await page.keyboard.press('Control+J');
  // Help: Welcome (VS Code's own title of the welcome page), then our walkthrough on that page.
  await runFromPalette(page, 'Help: Welcome');
  await page
    .locator('button.getting-started-category', { hasText: 'Get started with Tencent Cloud VPN' })
    .first()
    .click({ timeout: UI_TIMEOUT });
  const steps = page.locator('.gettingStartedSlideDetails button.getting-started-step');
  await steps.first().waitFor({ timeout: UI_TIMEOUT });
  const count = await steps.count();
  if (count !== 5) throw new Error(`the walkthrough has ${count} steps, not 5`);
  const image = page.locator('.gettingStartedSlideDetails .getting-started-media img').first();
  await image.waitFor({ timeout: UI_TIMEOUT });
  // Loaded, not a broken-image box (a string evaluated in the page: no DOM types here).
  await page.waitForFunction(
    `[...document.querySelectorAll('.gettingStartedSlideDetails .getting-started-media img')]
      .some((img) => img.complete && img.naturalWidth > 0)`,
    undefined,
    { timeout: UI_TIMEOUT },
  );
  await shot(page, imagesDir, 'walkthrough.png');
  // The palette does not open while the walkthrough page has the focus: a click on a tab moves it to the editors.
  await page.locator('.tabs-container .tab').first().click();
  await closeAllEditors(page);
}

/** "Open an Example" shows the API's example tunnel, indented by 2 ("Spaces: 2" in the status bar). */
async function checkExample(page: Page, imagesDir: string): Promise<void> {
  await runFromPalette(page, 'Tencent Cloud VPN: Open an Example');
  await page
    .locator('.tabs-container .tab.active', { hasText: 'example.vpnconn.yaml' })
    .waitFor({ timeout: UI_TIMEOUT });
  await page
    .locator('.statusbar-item', { hasText: /^Spaces: 2$/ })
    .first()
    .waitFor({ timeout: UI_TIMEOUT });
  await shot(page, imagesDir, 'example.png');
}

/**
 * Our settings, reached as the settings editor's table of contents lists them (Extensions › Tencent Cloud
 * VPN), read "Doc Language", "Files: Include"…, without a "Tencentcloud Vpn:" prefix. (A search, such as
 * the extension page's @ext: filter, always shows the full category, for every extension.)
 */
async function checkSettingsTitles(page: Page, imagesDir: string): Promise<void> {
  await runFromPalette(page, 'Preferences: Open Settings (UI)');
  const toc = page.locator('.settings-editor .settings-toc-container');
  await toc
    .locator('.monaco-list-row', { hasText: /^Extensions/ })
    .first()
    .click();
  // The table of contents is a virtual list: it is scrolled until our entry (near the end, by name) is rendered.
  const entry = toc.locator('.monaco-list-row', { hasText: /^Tencent Cloud VPN/ }).first();
  for (let turn = 0; turn < 30 && !(await entry.isVisible()); turn++) {
    await toc.hover();
    await page.mouse.wheel(0, 200);
  }
  await entry.click({ timeout: UI_TIMEOUT });
  const titles = page.locator('.settings-editor .settings-tree-container .setting-item-title');
  const ours = titles.filter({ hasText: /Doc Language|Credential Source|Files: Include/ });
  await ours.first().waitFor({ timeout: UI_TIMEOUT });
  const texts = await ours.allInnerTexts();
  const prefixed = texts.filter((t) => /Tencentcloud\s*Vpn/i.test(t));
  if (prefixed.length) throw new Error(`settings titled with the prefix: ${prefixed.join(' | ')}`);
  await shot(page, imagesDir, 'settings.png');
  await closeAllEditors(page);
}

/** Sets tencentcloudVpn.docLanguage in the settings editor, as a user does: its drop-down, then the value. */
async function chooseDocLanguage(page: Page, value: string): Promise<void> {
  await runFromPalette(page, 'Preferences: Open Settings (UI)');
  const search = page.locator('.settings-editor .settings-header .suggest-input-container .monaco-editor').first();
  await search.click();
  await page.keyboard.type('tencentcloudVpn.docLanguage');
  const item = page.locator('.settings-editor .setting-item-contents', { hasText: 'Doc Language' }).first();
  await item.locator('select').first().click({ timeout: UI_TIMEOUT });
  await page
    .locator('.monaco-select-box-dropdown-container .monaco-list-row', { hasText: new RegExp(`^${value}$`) })
    .first()
    .click({ timeout: UI_TIMEOUT });
  // Written once the item shows as modified (closing the editor before would drop the pending write).
  await page
    .locator('.settings-editor .is-configured', { hasText: 'Doc Language' })
    .first()
    .waitFor({ timeout: UI_TIMEOUT });
  await closeAllEditors(page);
}

/** With docLanguage zh (chosen in the settings editor), the hover is in Chinese and readable (a CJK font). */
async function checkChineseHover(page: Page, imagesDir: string): Promise<void> {
  await chooseDocLanguage(page, 'zh');
  await openFile(page, 'static-gz.vpnconn.yaml');
  await goTo(page, 4, 4);
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: schemaDocZh('VpnGatewayId') });
  // The setting reaches the server after the settings editor wrote it: the hover is asked again until it follows.
  for (let turn = 0; turn < 8 && !(await hover.first().isVisible()); turn++) {
    await closeWidgets(page);
    await runFromPalette(page, 'Show or Focus Hover');
    await hover
      .first()
      .waitFor({ timeout: 4_000 })
      .catch(() => undefined);
  }
  await hover.first().waitFor({ timeout: UI_TIMEOUT });
  await shot(page, imagesDir, 'hover-zh.png');
  await closeWidgets(page);
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
  ["the account view lists the emulator's gateways and tunnels", 'account.png', checkAccountView],
  ['Open as File, an edit, and Show Changes open the diff against the live tunnel', 'diff.png', checkLiveDiff],
  ['a click on a rule code in Problems opens its section of the rules page', 'rule-doc.png', checkRuleDocFromProblems],
  ['"Open an Example" shows "Spaces: 2"', 'example.png', checkExample],
  ['the settings read without a "Tencentcloud Vpn:" prefix', 'settings.png', checkSettingsTitles],
  ['the walkthrough shows five steps with pictures', 'walkthrough.png', checkWalkthrough],
  ['with docLanguage zh the hover is in Chinese', 'hover-zh.png', checkChineseHover],
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
  const uiSettings = {
    'tencentcloudVpn.endpoint': emulator.url,
    'tencentcloudVpn.region': 'ap-guangzhou',
    'workbench.colorTheme': 'Default Light Modern',
    'window.commandCenter': false,
    'workbench.layoutControl.enabled': false,
  };
  writeUserSettings(dataDir, uiSettings);
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
