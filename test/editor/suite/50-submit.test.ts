/**
 * The submit command end to end, run as the palette runs it (tencentcloudVpn.submit), against the emulator the
 * runner started (the user setting tencentcloudVpn.endpoint points there, the demo credentials come from the
 * environment). The task is followed through the extension's API, the same records the "VPN Tasks" tree shows.
 */
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { SubmissionRecord } from '../../../cloud/submissionRecord';
import type { TencentCloudVpnApi } from '../../../client/api';
import { Commands } from '../../../client/commands';
import { extensionApi, openFixture, waitFor, waitForDiagnostics, withUserSetting } from '../support/helpers';

/** Runs the submit command on a file without the confirmation dialog (the programmatic form of the command). */
async function submit(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand(Commands.submit, uri, { skipConfirmation: true });
}

function recordsOf(api: TencentCloudVpnApi, uri: vscode.Uri): SubmissionRecord[] {
  return api.getTasks().filter((r) => r.source === uri.toString() || r.source === uri.fsPath);
}

function describeRecords(api: TencentCloudVpnApi): string {
  return JSON.stringify(
    api.getTasks().map(({ name, status, phase, error, taskStatus, tunnelState }) => ({
      name,
      status,
      phase,
      error,
      taskStatus,
      tunnelState,
    })),
  );
}

/**
 * A stand-in endpoint that answers each request with a definite API error and records the requests a submit makes:
 * CreateVpnConnection, and the DescribeVpnConnections by name that precedes it. The account lookups the extension
 * makes on its own (Describe* with Offset/Limit) are answered but not recorded, so they cannot be mistaken for a submit.
 */
async function startRecorder(): Promise<{ url: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  let answered = 0;
  const server = createServer((request, response) => {
    const action = String(request.headers['x-tc-action'] ?? request.url);
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (
        action === 'CreateVpnConnection' ||
        (action === 'DescribeVpnConnections' && body.includes('vpn-connection-name'))
      )
        requests.push(action);
      response.setHeader('Content-Type', 'application/json');
      response.end(
        JSON.stringify({
          Response: {
            Error: { Code: 'AuthFailure.SecretIdNotFound', Message: 'recorder: no such SecretId' },
            RequestId: `recorder-${++answered}`,
          },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

describe('submit', function () {
  this.timeout(120_000);
  let api: TencentCloudVpnApi;
  before(async () => {
    api = await extensionApi();
    assert.ok(process.env.TCVPN_EMULATOR_URL, 'the runner did not pass the emulator URL');
    assert.equal(vscode.workspace.getConfiguration('tencentcloudVpn').get('endpoint'), process.env.TCVPN_EMULATOR_URL);
  });

  it('creates a tunnel on the emulator and its task goes from running to succeeded', async () => {
    const { document } = await openFixture('static-gz.vpnconn.yaml');
    const seen: string[] = [];
    const watch = api.onDidChangeTasks(() => {
      const record = recordsOf(api, document.uri)[0];
      if (record && seen[seen.length - 1] !== record.status) seen.push(record.status);
    });
    try {
      await submit(document.uri);
      const done = await waitFor(
        api.onDidChangeTasks,
        () => recordsOf(api, document.uri).find((r) => r.status !== 'running'),
        () => `the task of ${document.uri.path} to finish; tasks: ${describeRecords(api)}`,
        90_000,
      );
      assert.equal(
        done.status,
        'succeeded',
        `the task ended ${done.status}: ${JSON.stringify(done.error ?? done.output)}`,
      );
      assert.deepEqual(seen, ['running', 'succeeded'], 'the record did not go running -> succeeded');
      assert.match(done.vpnConnectionId ?? '', /^vpnx-/, 'no VpnConnectionId on the succeeded task');
      assert.equal(done.name, 'editor-static-gz');
      assert.ok(done.requestId, 'no RequestId recorded');
    } finally {
      watch.dispose();
    }
  });

  it('refuses a file with errors before sending anything', async () => {
    const recorder = await startRecorder();
    const restore = await withUserSetting('tencentcloudVpn', 'endpoint', recorder.url);
    try {
      // Control: a valid file does reach the stand-in endpoint, so a count of zero below means "refused".
      const valid = await openFixture('auth-check.vpnconn.yaml');
      await submit(valid.document.uri);
      await waitFor(
        api.onDidChangeTasks,
        () => recordsOf(api, valid.document.uri).find((r) => r.status === 'failed'),
        () => `the control submit to fail; tasks: ${describeRecords(api)}`,
      );
      assert.ok(recorder.requests.length > 0, 'the control submit never reached the endpoint');

      const broken = await openFixture('schema-errors.vpnconn.yaml');
      await waitForDiagnostics(
        broken.document.uri,
        (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error),
        'errors in the broken file',
      );
      const before = recorder.requests.length;
      const tasksBefore = api.getTasks().length;
      await submit(broken.document.uri);
      assert.equal(
        recorder.requests.length,
        before,
        `a file with errors was sent: ${recorder.requests.slice(before).join(', ')}`,
      );
      assert.equal(api.getTasks().length, tasksBefore, 'a file with errors got a task record');
      assert.equal(recordsOf(api, broken.document.uri).length, 0);
    } finally {
      await restore();
      recorder.server.close();
    }
  });

  it('shows an authentication failure when the SecretKey is wrong', async () => {
    const savedKey = process.env.TENCENTCLOUD_SECRET_KEY;
    // The extension reads environment credentials when it submits; the host process is the test's process.
    process.env.TENCENTCLOUD_SECRET_KEY = 'a-wrong-secret-key-for-the-test';
    try {
      const { document } = await openFixture('auth-check.vpnconn.yaml');
      const before = new Set(recordsOf(api, document.uri).map((r) => r.id));
      const outputBefore = api.outputLines().length;
      await submit(document.uri);
      const failed = await waitFor(
        api.onDidChangeTasks,
        () => recordsOf(api, document.uri).find((r) => !before.has(r.id) && r.status === 'failed'),
        () => `a failed task for ${document.uri.path}; tasks: ${describeRecords(api)}`,
      );
      assert.equal(failed.error?.code, 'AuthFailure.SignatureFailure', `wrong error: ${JSON.stringify(failed.error)}`);
      const logged = api.outputLines().slice(outputBefore).join('\n');
      assert.match(logged, /AuthFailure\.SignatureFailure/, 'the output channel does not show the auth failure');
      assert.ok(!logged.includes('a-wrong-secret-key-for-the-test'), 'the SecretKey appears in the output channel');
    } finally {
      process.env.TENCENTCLOUD_SECRET_KEY = savedKey;
    }
  });
});
