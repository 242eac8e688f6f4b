/**
 * The language server crashing: the test kills it (SIGKILL, as the kernel's OOM killer would), the client starts a
 * new one, and diagnostics come from the new server: a key typed after the crash is underlined.
 * The server is a child of the extension host, which is the process this suite runs in.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { codeOf, extensionApi, openFixture, waitForDiagnostics } from '../support/helpers';

/** Process ids of our language servers started by this extension host. */
function serverPids(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => /dist[\\/]server\.js/.test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** Resolves with a server pid other than `old` once one runs (no event says so: checked every 100 ms, bounded). */
function newServerPid(old: number, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const fresh = serverPids().find((pid) => pid !== old);
      if (fresh) {
        clearInterval(timer);
        resolve(fresh);
      } else if (Date.now() > deadline) {
        clearInterval(timer);
        reject(
          new Error(`no new language server within ${timeoutMs} ms (still: ${serverPids().join(', ') || 'none'})`),
        );
      }
    }, 100);
  });
}

describe('language server crash', function () {
  this.timeout(90_000);
  before(extensionApi);

  it('restarts a killed server, whose diagnostics reach the editor', async () => {
    const editor = await openFixture('schema-errors.vpnconn.yaml');
    const { document } = editor;
    await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => codeOf(x) === 'UnknownParameter'),
      'the unknown key before the crash',
    );
    const [old, ...others] = serverPids();
    assert.ok(old, 'no language server process under the extension host');
    assert.deepEqual(others, [], 'more than one language server runs');

    process.kill(old, 'SIGKILL');
    const fresh = await newServerPid(old);
    assert.notEqual(fresh, old);

    // A key typed now can only be underlined by the new server.
    const end = document.lineAt(document.lineCount - 1).range.end;
    const typed = 'AfterRestartKey: 1';
    await editor.edit((edit) => edit.insert(end, `\n${typed}`));
    try {
      const line = document.lineCount - 1;
      await waitForDiagnostics(
        document.uri,
        (d) => d.some((x) => codeOf(x) === 'UnknownParameter' && x.range.start.line === line),
        `the key typed after the restart (line ${line + 1})`,
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
