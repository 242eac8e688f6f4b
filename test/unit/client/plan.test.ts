/**
 * The one planning function of a submit, driven with the choices of both hosts: prompts as the extension answers
 * them (a quick pick of documents, a setting as the default region, a modal confirmation) and the CLI's flags
 * (--document, --region, no prompt). The file check is the language library's pipeline: errors block, a
 * silenced error still blocks, warnings are notices.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { flagChoices, UsageError } from '../../../cli/submit';
import type { Credentials } from '../../../cloud/credentials';
import { CredentialsError } from '../../../cloud/credentials';
import { EndpointError } from '../../../cloud/endpoint';
import { MemoryStore, TaskHistory } from '../../../cloud/history';
import { SubmitRefusedError } from '../../../cloud/inFlight';
import {
  planSubmission,
  syntaxOf,
  type PlanChoices,
  type PlanFile,
  type PlanInput,
  type PlanResult,
  type SubmissionPlan,
  type SubmittableDocument,
} from '../../../cloud/plan';
import { RegionError } from '../../../cloud/region';
import { startRecord } from '../../../cloud/submissionRecord';
import { exampleText, FIXTURES } from './helpers';

const CREDENTIALS: Credentials = {
  secretId: 'AKIDexample1234',
  secretKey: 'key',
  source: 'environment',
  region: 'ap-beijing',
};
const SOURCE = '/work/tunnels.vpnconn.yaml';

/** tunnel-a (Region ap-guangzhou) and tunnel-b (no Region), one YAML stream. */
const STREAM = fs.readFileSync(path.join(FIXTURES, 'two-tunnels.vpnconn.yaml'), 'utf8').replace('---\n---\n', '---\n');

function fileOf(text: string, kind: 'json' | 'yaml' = 'yaml'): PlanFile {
  return { text, kind, uri: `file://${SOURCE}`, source: SOURCE };
}

/** A host's input with counters: how often the credentials and the endpoints were asked for. */
function inputFor(
  file: PlanFile,
  overrides: Partial<PlanInput> = {},
): PlanInput & { asked: { credentials: number; endpoints: string[] } } {
  const asked = { credentials: 0, endpoints: [] as string[] };
  return {
    asked,
    file,
    check: { lang: 'en', disabledRules: [] },
    history: new TaskHistory(new MemoryStore()),
    credentials: async () => (asked.credentials++, CREDENTIALS),
    endpointFor: async (region) => (asked.endpoints.push(region), `vpc.tencentcloudapi.com (${region})`),
    ...overrides,
  };
}

/** The extension's choices as its prompts answer them: the user picks `pick` (by index) and answers the modal. */
function promptChoices(
  pick: number[] | undefined,
  confirmed = true,
): PlanChoices & { offered: SubmittableDocument[][]; confirmed: SubmissionPlan[] } {
  const offered: SubmittableDocument[][] = [];
  const shown: SubmissionPlan[] = [];
  return {
    offered,
    confirmed: shown,
    pickDocuments: async (documents) => (
      offered.push([...documents]),
      pick && documents.filter((document) => pick.includes(document.index))
    ),
    region: { setting: 'ap-shanghai' },
    confirm: async (plan) => (shown.push(plan), confirmed),
  };
}

function ready(result: PlanResult): SubmissionPlan {
  assert.equal(result.outcome, 'ready', JSON.stringify(result));
  return (result as Extract<PlanResult, { outcome: 'ready' }>).plan;
}

function problemsOf(result: PlanResult): string[] {
  assert.equal(result.outcome, 'blocked', JSON.stringify(result));
  return (result as Extract<PlanResult, { outcome: 'blocked' }>).problems;
}

describe('submit planning', () => {
  describe("with the extension's prompts", () => {
    it("offers the file's documents, places each in its region and confirms the complete plan", async () => {
      const input = inputFor(fileOf(STREAM));
      const choices = promptChoices([0, 1]);
      const plan = ready(await planSubmission(input, choices));
      assert.deepEqual(
        choices.offered[0].map((document) => [document.index, document.name]),
        [
          [0, 'tunnel-a'],
          [1, 'tunnel-b'],
        ],
      );
      assert.deepEqual(
        plan.documents.map((planned) => [planned.document.name, planned.region, planned.source]),
        [
          ['tunnel-a', 'ap-guangzhou', SOURCE],
          ['tunnel-b', 'ap-shanghai', SOURCE],
        ],
      );
      assert.ok(!('Region' in plan.documents[0].document.params), 'Region is not a request parameter');
      assert.equal(plan.credentials, CREDENTIALS);
      assert.equal(plan.endpoint, 'vpc.tencentcloudapi.com (ap-guangzhou)');
      assert.deepEqual(
        input.asked.endpoints,
        ['ap-guangzhou', 'ap-shanghai'],
        "every region's endpoint is checked before anything is sent",
      );
      assert.deepEqual(choices.confirmed, [plan]);
    });

    it('plans only what the user picked, and nothing when the pick or the modal is dismissed', async () => {
      assert.deepEqual(
        ready(await planSubmission(inputFor(fileOf(STREAM)), promptChoices([1]))).documents.map(
          (planned) => planned.document.name,
        ),
        ['tunnel-b'],
      );
      const dismissed = inputFor(fileOf(STREAM));
      assert.equal((await planSubmission(dismissed, promptChoices(undefined))).outcome, 'cancelled');
      assert.equal(dismissed.asked.credentials, 0, 'credentials are read only for a chosen document');
      assert.equal((await planSubmission(inputFor(fileOf(STREAM)), promptChoices([]))).outcome, 'cancelled');
      assert.equal((await planSubmission(inputFor(fileOf(STREAM)), promptChoices([0], false))).outcome, 'cancelled');
    });

    it('refuses a document whose tunnel another unfinished record is creating, before any endpoint is asked', async () => {
      const input = inputFor(fileOf(STREAM));
      const { region } = ready(await planSubmission(input, promptChoices([1]))).documents[0];
      input.asked.endpoints.length = 0;
      // Same region, gateway, customer gateway and name: the same tunnel, whichever file or process made the record.
      await input.history.upsert(
        startRecord({
          name: 'tunnel-b',
          region,
          source: '/elsewhere/other.vpnconn.yaml',
          documentIndex: 0,
          vpnGatewayId: 'vpngw-1w9tue3d',
          customerGatewayId: 'cgw-qa9sxpy7',
        }),
      );
      await assert.rejects(
        planSubmission(input, promptChoices([0, 1])),
        (error: unknown) =>
          error instanceof SubmitRefusedError && error.reason === 'stillRunning' && error.subject === 'tunnel-b',
      );
      assert.deepEqual(input.asked.endpoints, []);
      assert.equal(
        ready(await planSubmission(input, promptChoices([0]))).documents.length,
        1,
        'the other document may go',
      );
    });

    it('lets missing credentials and a refused endpoint through as their own errors', async () => {
      const noCredentials = inputFor(fileOf(STREAM), {
        credentials: async () => Promise.reject(new CredentialsError(['environment'])),
      });
      await assert.rejects(planSubmission(noCredentials, promptChoices([0])), CredentialsError);
      const badEndpoint = inputFor(fileOf(STREAM), {
        endpointFor: async () => Promise.reject(new EndpointError('not a VPC host')),
      });
      await assert.rejects(planSubmission(badEndpoint, promptChoices([0])), EndpointError);
    });
  });

  describe("with the CLI's flags", () => {
    it('submits every document without a prompt; --region places those without Region', async () => {
      const plan = ready(await planSubmission(inputFor(fileOf(STREAM)), flagChoices({ region: 'ap-guangzhou' })));
      assert.deepEqual(
        plan.documents.map((planned) => planned.region),
        ['ap-guangzhou', 'ap-guangzhou'],
      );
    });

    it("without --region a document without Region goes to the credentials' region", async () => {
      const plan = ready(await planSubmission(inputFor(fileOf(STREAM)), flagChoices({})));
      assert.deepEqual(
        plan.documents.map((planned) => planned.region),
        ['ap-guangzhou', 'ap-beijing'],
      );
    });

    it('--document N picks one document (1-based) and refuses a number the file does not have', async () => {
      assert.deepEqual(
        ready(await planSubmission(inputFor(fileOf(STREAM)), flagChoices({ document: 2 }))).documents.map(
          (planned) => planned.document.name,
        ),
        ['tunnel-b'],
      );
      await assert.rejects(
        planSubmission(inputFor(fileOf(STREAM)), flagChoices({ document: 3 })),
        (error: unknown) =>
          error instanceof UsageError && /--document 3: the file has documents 1\.\.2/.test(error.message),
      );
    });

    it("refuses a --region that contradicts a document's own Region", async () => {
      await assert.rejects(
        planSubmission(inputFor(fileOf(STREAM)), flagChoices({ region: 'ap-shanghai' })),
        RegionError,
      );
    });
  });

  describe("the file check (the language library's pipeline)", () => {
    it('blocks a file with errors, naming each with its document, line and code, before any choice', async () => {
      const invalid = fs.readFileSync(path.join(FIXTURES, 'invalid.vpnconn.json'), 'utf8');
      const choices = promptChoices([0]);
      const problems = problemsOf(await planSubmission(inputFor(fileOf(invalid, 'json')), choices));
      assert.ok(
        problems.some((problem) => /^document 1: error: line \d+: .*\[MissingParameter\]$/.test(problem)),
        problems.join('\n'),
      );
      assert.ok(
        problems.some((problem) => /GROUP99.*\[InvalidParameterValue\]/.test(problem)),
        problems.join('\n'),
      );
      assert.deepEqual(choices.offered, [], 'nothing is offered from a blocked file');
    });

    it('still blocks on an error the user silenced, by setting or by comment, and says it was silenced', async () => {
      const text = 'VpnConnectionName: x\n';
      const bySetting = problemsOf(
        await planSubmission(
          { ...inputFor(fileOf(text)), check: { lang: 'en', disabledRules: ['MissingParameter'] } },
          promptChoices([0]),
        ),
      );
      assert.ok(
        bySetting.length > 0 &&
          bySetting.every((problem) =>
            /\[MissingParameter\] \(silenced, but an error still blocks a submit\)$/.test(problem),
          ),
        bySetting.join('\n'),
      );
      const byComment = problemsOf(
        await planSubmission(
          inputFor(fileOf(`# tcvpn-disable-next-line schema.required\n${text}`)),
          promptChoices([0]),
        ),
      );
      assert.ok(byComment.length > 0 && byComment.every((problem) => /\(silenced/.test(problem)), byComment.join('\n'));
    });

    it('shows warnings as notices that do not block, and hides what the user silenced', async () => {
      const shown = await planSubmission(inputFor(fileOf(exampleText(), 'json')), promptChoices([0]));
      ready(shown);
      assert.ok(
        shown.notices.some((notice) =>
          /^document 1: information: line \d+: .*weak.*\[weak-cryptography\]$/.test(notice),
        ),
        shown.notices.join('\n'),
      );
      const silenced = await planSubmission(
        { ...inputFor(fileOf(exampleText(), 'json')), check: { lang: 'en', disabledRules: ['weak-cryptography'] } },
        promptChoices([0]),
      );
      ready(silenced);
      assert.deepEqual(silenced.notices, []);
    });

    it('refuses a document of another action and a file with no document', async () => {
      const describe = problemsOf(
        await planSubmission(inputFor(fileOf('Action: DescribeVpnConnections\n')), promptChoices([0])),
      );
      assert.ok(
        describe.some(
          (problem) => problem === 'document 1: only CreateVpnConnection can be submitted, not DescribeVpnConnections',
        ),
        describe.join('\n'),
      );
      assert.deepEqual(problemsOf(await planSubmission(inputFor(fileOf('')), promptChoices([0]))), [
        'the file holds no document to submit',
      ]);
    });
  });

  it('tells json from yaml by file name or language id', () => {
    assert.deepEqual(['/a/b.vpnconn.yml', 'tencentcloud-vpn-yaml', 'x.vpnconn.json', 'jsonc'].map(syntaxOf), [
      'yaml',
      'yaml',
      'json',
      'json',
    ]);
  });
});
