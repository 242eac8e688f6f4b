/**
 * The server never goes deaf on a broken stream (issue 14): raw bytes on the stdin of `node dist/server.js
 * --stdio`. A stream it cannot frame (a bad, negative, huge or missing Content-Length, binary noise, a body without
 * a header, a header that never ends) ends the process with a non-zero code within a bound and one stderr line that
 * names the fault, so a client that restarts crashed servers takes over. A well-framed body that is not JSON gets
 * the JSON-RPC parse error (-32700) and the server goes on answering.
 */
import * as assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { ensureBuilt } from '../support/build';
import { fixtureText } from '../support/fixtures';
import { Prng } from '../support/fuzz/prng';
import {
  DeadlineError,
  frame,
  SERVER_COMMAND,
  ServerProcess,
  startOurServer,
  withDeadline,
  type ExitStatus,
  type LspTestClient,
} from '../support/lsp';

/** How long a server may take to notice a fault and exit (it is at once; the bound only stops a hang). */
const EXIT_BOUND_MS = 5000;
/** The exit code after a framing fault (server/transport.ts FRAMING_EXIT_CODE). */
const FRAMING_EXIT_CODE = 2;
const YAML_URI = 'file:///work/framing.vpnconn.yaml';

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { processId: null, rootUri: null, capabilities: {} },
};

interface FaultCase {
  name: string;
  bytes: () => Buffer;
  /** What the stderr line must say. */
  names: RegExp;
}

const FAULTS: FaultCase[] = [
  {
    name: 'a Content-Length that is not a number',
    bytes: () => Buffer.from('Content-Length: twelve\r\n\r\n{"jsonrpc":"2.0"}'),
    names: /Content-Length "twelve" is not a non-negative whole number/,
  },
  {
    name: 'a negative Content-Length',
    bytes: () => Buffer.from('Content-Length: -5\r\n\r\n{}'),
    names: /Content-Length "-5" is not a non-negative whole number/,
  },
  {
    name: 'a huge Content-Length (10 GB), refused before any body is sent',
    bytes: () => Buffer.from('Content-Length: 10737418240\r\n\r\n'),
    names: /Content-Length 10737418240 exceeds the limit of 268435456 bytes/,
  },
  {
    name: 'a Content-Length one byte over the 256 MiB limit',
    bytes: () => Buffer.from(`Content-Length: ${256 * 1024 * 1024 + 1}\r\n\r\n`),
    names: /exceeds the limit of 268435456 bytes/,
  },
  {
    name: 'a header without Content-Length',
    bytes: () => Buffer.from('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}'),
    names: /a header without Content-Length/,
  },
  {
    name: 'Content-Length given twice',
    bytes: () => Buffer.from('Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}'),
    names: /"content-length" appears twice/,
  },
  {
    name: 'binary noise (gzip bytes)',
    bytes: () => gzipSync(Buffer.from('not a language server message '.repeat(50))),
    names: /the byte 0x1f in the header \(byte 0\): binary data/,
  },
  {
    name: 'random bytes',
    bytes: () => {
      const prng = new Prng(14);
      return Buffer.from(Array.from({ length: 4096 }, () => prng.int(256)));
    },
    names: /framing error on stdin: .*(byte|header)/,
  },
  {
    name: 'a message without a header (bare JSON)',
    bytes: () => Buffer.from(JSON.stringify(initialize)),
    names: /'\{' in a header name \(byte 0\): a message without a header/,
  },
  {
    name: 'a header line that is not "Name: value"',
    bytes: () => Buffer.from('Content-Length 12\r\n\r\n'),
    names: /a header line that is not "Name: value": "Content-Length 12"/,
  },
  {
    name: 'a header section that never ends (9 KB of text without a blank line)',
    bytes: () => Buffer.from(`X-Padding: ${'a'.repeat(9 * 1024)}`),
    names: /no end of the header section within 8192 bytes/,
  },
  {
    name: 'a good message followed by a bad header',
    bytes: () => Buffer.concat([frame(initialize), Buffer.from('Content-Length: -1\r\n\r\n')]),
    names: /Content-Length "-1"/,
  },
];

/** Waits for the process to end, or fails naming the hang. */
function exitOf(server: ServerProcess): Promise<ExitStatus> {
  return withDeadline(
    server.exited,
    EXIT_BOUND_MS,
    () => new DeadlineError(`the server did not exit within ${EXIT_BOUND_MS} ms; stderr: ${server.stderr()}`),
  );
}

/** The one framing line on stderr, checked. */
function assertOneFramingLine(stderr: string, names: RegExp): void {
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  assert.equal(lines.length, 1, `one stderr line, got: ${stderr}`);
  assert.match(lines[0], /^tencentcloud-vpn-language-server: framing error on stdin: /);
  assert.match(lines[0], names);
  assert.match(lines[0], /; exiting with code 2$/);
}

describe('language server: a stream it cannot frame ends the process (issue 14)', function () {
  this.timeout(30000);
  before(() => ensureBuilt());
  let spawned: ServerProcess | undefined;
  afterEach(() => {
    spawned?.kill();
    spawned = undefined;
  });

  for (const fault of FAULTS) {
    it(`${fault.name}: exits ${FRAMING_EXIT_CODE} within ${EXIT_BOUND_MS} ms, stderr names it`, async () => {
      spawned = new ServerProcess(SERVER_COMMAND);
      // stdin stays open: the server must act on the bytes themselves, not on the end of the stream.
      spawned.child.stdin!.write(fault.bytes());
      const status = await exitOf(spawned);
      assert.deepEqual(status, { code: FRAMING_EXIT_CODE, signal: null }, spawned.stderr());
      assertOneFramingLine(spawned.stderr(), fault.names);
    });
  }

  it('mid-session, after initialize and a document: a bad header ends it the same way', async () => {
    const client = await startOurServer();
    try {
      const published = client.diagnostics(YAML_URI);
      await client.open(YAML_URI, 'tencentcloud-vpn-yaml', fixtureText('typical', 'yaml'));
      await published;
      await client.writeRaw('Content-Length: 99999999999\r\n\r\n');
      const status = await withDeadline(
        client.exited,
        EXIT_BOUND_MS,
        () => new DeadlineError(`no exit within ${EXIT_BOUND_MS} ms; stderr: ${client.stderr()}`),
      );
      assert.equal(status.code, FRAMING_EXIT_CODE, client.stderr());
      assertOneFramingLine(client.stderr(), /Content-Length 99999999999 exceeds the limit/);
    } finally {
      client.kill();
    }
  });

  it('the end of stdin: exit 1 without shutdown, 0 after a shutdown read just before the end', async () => {
    spawned = new ServerProcess(SERVER_COMMAND);
    spawned.child.stdin!.end(frame(initialize));
    assert.deepEqual(await exitOf(spawned), { code: 1, signal: null });
    spawned = new ServerProcess(SERVER_COMMAND);
    spawned.child.stdin!.end(Buffer.concat([frame(initialize), frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' })]));
    assert.deepEqual(await exitOf(spawned), { code: 0, signal: null });
    assert.equal(spawned.stderr(), '');
  });
});

describe('language server: a well-framed body that is not a message is answered, and the server reads on', function () {
  this.timeout(30000);
  let client: LspTestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  /** A hover on the typical YAML file, answered: the server still serves. */
  async function assertStillServing(server: LspTestClient): Promise<void> {
    const text = fixtureText('typical', 'yaml');
    const line = text.split('\n').findIndex((l) => l.startsWith('VpnGatewayId:'));
    await server.open(YAML_URI, 'tencentcloud-vpn-yaml', text);
    const hover = await server.request(
      HoverRequest.type,
      { textDocument: { uri: YAML_URI }, position: { line, character: 3 } },
      5000,
    );
    assert.match((hover!.contents as MarkupContent).value, /VpnGatewayId|VPN/);
  }

  it('malformed JSON with a correct Content-Length: -32700 with id null, then a request is still answered', async () => {
    client = await startOurServer();
    await client.writeRaw(frame('{"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", '));
    const answer = await client.answerWithoutId(0, 5000);
    assert.equal(answer.id, null);
    assert.equal(answer.error?.code, -32700);
    assert.match(answer.error!.message, /^Parse error: /);
    await assertStillServing(client);
    assert.ok(client.child.exitCode === null, 'still running');
  });

  it('a body that is not UTF-8 gets -32700, JSON that is not an object -32600, one answer each', async () => {
    client = await startOurServer();
    await client.writeRaw(Buffer.concat([frame(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), frame('[1, 2]'), frame('42')]));
    const codes = await Promise.all([0, 1, 2].map((i) => client!.answerWithoutId(i, 5000)));
    assert.deepEqual(
      codes.map((a) => a.error?.code),
      [-32700, -32600, -32600],
    );
    await assertStillServing(client);
    assert.equal(client.answersWithoutId.length, 3);
  });

  it('a message split across many writes, header line endings included, is read whole', async () => {
    client = await startOurServer();
    const bytes = frame({
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri: YAML_URI, languageId: 'tencentcloud-vpn-yaml', version: 1, text: 'Foo: 1\n' } },
    });
    const published = client.diagnostics(YAML_URI);
    // Cut after "Content-Length", inside the \r\n pairs, and in the body.
    const headerEnd = bytes.indexOf('\r\n\r\n');
    const cuts = [7, 14, headerEnd + 1, headerEnd + 2, headerEnd + 3, headerEnd + 10, bytes.length];
    let from = 0;
    for (const cut of cuts) {
      await client.writeRaw(bytes.subarray(from, cut));
      await new Promise((resolve) => setTimeout(resolve, 10));
      from = cut;
    }
    const { diagnostics } = await published;
    assert.ok(
      diagnostics.some((d) => d.code === 'UnknownParameter'),
      JSON.stringify(diagnostics),
    );
    assert.equal(client.answersWithoutId.length, 0);
  });
});
