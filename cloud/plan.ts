/**
 * The planning of a submit, one function for the extension and `tcvpn submit`: check the file with the language
 * library's pipeline (silenced errors still block: they are hidden, not fixed), pick the documents, refuse one
 * whose last submission is still running, find the credentials, choose each document's region, check its endpoint
 * and confirm. The hosts differ only in `PlanChoices`, the decisions a user makes: the extension asks with prompts,
 * the CLI reads its flags. Nothing is sent here; submission.ts sends what the plan holds.
 */
import { checkText, TUNNEL_ID_FIELD, type CheckOptions, type DiagnosticData, type FileCheck } from '../language';
import type { Credentials } from './credentials';
import type { TaskHistory } from './history';
import { assertNotRunning } from './inFlight';
import { chooseRegion, type RegionChoice } from './region';
import { SUBMIT_ACTION } from './submissionRecord';

export { SUBMIT_ACTION };

type Diagnostic = FileCheck['diagnostics'][number];

/** One document of the file that can be sent: its request parameters and what names its tunnel. */
export interface SubmittableDocument {
  /** 0-based position in the file (always 0 for JSON). */
  index: number;
  name: string;
  /** The request parameters: the document without the editor-only keys ($schema, Action, Version, Region). */
  params: Record<string, unknown>;
  /** The document's own `Region`, if any. */
  region?: string;
  vpnGatewayId?: string;
  customerGatewayId?: string;
}

/** A document with where it goes: what submitDocument sends. */
export interface PlannedDocument {
  /** The file's URI (extension) or absolute path (CLI); the record's source and the in-flight guard's key. */
  source: string;
  document: SubmittableDocument;
  region: string;
}

/** Everything a confirmation shows and the send needs. */
export interface SubmissionPlan {
  source: string;
  documents: PlannedDocument[];
  credentials: Credentials;
  /** Where the first document's requests go, for the confirmation (the endpoint's display form). */
  endpoint: string;
}

/** The file as the host read it. */
export interface PlanFile {
  text: string;
  kind: 'json' | 'yaml';
  /** The URI the pipeline reports diagnostics for. */
  uri: string;
  /** See PlannedDocument.source. */
  source: string;
}

/** What the host knows and the plan reads; none of it is a user's decision. */
export interface PlanInput {
  file: PlanFile;
  /** Message language, silenced rules and, when known, the account (a submit always blocks on silenced errors). */
  check: Omit<CheckOptions, 'silencedErrorsBlock'>;
  /** The records, so a document still being created is not submitted again. */
  history: TaskHistory;
  /** The credentials to send with; throws CredentialsError when there are none. */
  credentials(): Promise<Credentials>;
  /** The display form of a region's endpoint; throws EndpointError for an endpoint setting that cannot be used. */
  endpointFor(region: string): Promise<string>;
}

/** The decisions that differ between the hosts: prompts in the extension, flags in the CLI. */
export interface PlanChoices {
  /** Which of the file's documents to send; undefined or none cancels. May throw (the CLI's bad --document). */
  pickDocuments(documents: readonly SubmittableDocument[]): Promise<readonly SubmittableDocument[] | undefined>;
  /** The user's region: `explicit` (the CLI's --region) must agree with a document's Region, `setting` is a default. */
  readonly region: Pick<RegionChoice, 'explicit' | 'setting'>;
  /** Shown the complete plan; false sends nothing. */
  confirm(plan: SubmissionPlan): Promise<boolean>;
}

/** How planning ended. `notices` are the shown findings that do not block (warnings, hints), in every outcome. */
export type PlanResult = { notices: string[] } & (
  | { outcome: 'ready'; plan: SubmissionPlan }
  /** The file cannot be submitted: every reason, one line each. */
  | { outcome: 'blocked'; problems: string[] }
  /** A choice said no (no document picked, confirmation declined). */
  | { outcome: 'cancelled' }
);

/** The check of a file, as planning reads it. */
export interface CheckedFile {
  /** The pipeline's own answer (what `tcvpn validate` shows is `check.diagnostics`). */
  check: FileCheck;
  documents: SubmittableDocument[];
  problems: string[];
  notices: string[];
}

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

/** "yaml" for .yaml/.yml files and YAML language ids, else "json". */
export function syntaxOf(fileNameOrLanguage: string): 'json' | 'yaml' {
  return /(\.ya?ml$|yaml)/i.test(fileNameOrLanguage) ? 'yaml' : 'json';
}

/** "document 2: error: line 14: … [InvalidParameterValue]", marked when the user silenced it. */
export function describeFinding(diagnostic: Diagnostic, silenced = false): string {
  const documentIndex = (diagnostic.data as DiagnosticData | undefined)?.documentIndex ?? 0;
  const severity = SEVERITY_NAMES[diagnostic.severity ?? 1];
  const code = diagnostic.code === undefined ? '' : ` [${diagnostic.code}]`;
  const note = silenced ? ' (silenced, but an error still blocks a submit)' : '';
  return `document ${documentIndex + 1}: ${severity}: line ${diagnostic.range.start.line + 1}: ${diagnostic.message}${code}${note}`;
}

/** Why a part of the file cannot be sent, beyond its diagnostics. */
function partProblem(
  part: FileCheck['parts'][number],
  blocked: ReadonlySet<number>,
  allowTunnelId: boolean,
): string | undefined {
  const where = `document ${part.index + 1}`;
  if (!part.params)
    return blocked.has(part.index) ? undefined : `${where}: expected an object of ${SUBMIT_ACTION} parameters`;
  if (part.action !== SUBMIT_ACTION) return `${where}: only ${SUBMIT_ACTION} can be submitted, not ${part.action}`;
  const tunnel = part.params[TUNNEL_ID_FIELD];
  // A file naming an existing tunnel is applied (tcvpn apply), never created again: a submit would make a twin.
  if (tunnel !== undefined && !allowTunnelId)
    return `${where}: describes the existing tunnel ${String(tunnel)} (${TUNNEL_ID_FIELD}); change it with tcvpn apply (or Apply Changes), or remove ${TUNNEL_ID_FIELD} to create a new tunnel`;
  return undefined;
}

/**
 * The file's documents through the one pipeline, with everything that blocks it (a dry run stops here). A document
 * naming an existing tunnel (VpnConnectionId) blocks a submit; plan and apply (cloud/tunnel/) read such files with
 * `allowTunnelId`.
 */
export function checkSubmissionFile(
  file: PlanFile,
  options: PlanInput['check'],
  { allowTunnelId = false }: { allowTunnelId?: boolean } = {},
): CheckedFile {
  const check = checkText(file.text, file.kind, file.uri, { ...options, silencedErrorsBlock: true });
  const problems = check.blocking.map((diagnostic) => describeFinding(diagnostic, check.silenced.includes(diagnostic)));
  const blocked = new Set(
    check.blocking.map((diagnostic) => (diagnostic.data as DiagnosticData | undefined)?.documentIndex ?? 0),
  );
  problems.push(
    ...check.parts
      .map((part) => partProblem(part, blocked, allowTunnelId))
      .filter((problem): problem is string => problem !== undefined),
  );
  if (!problems.length && !check.parts.length) problems.push('the file holds no document to submit');
  const documents = check.parts.flatMap(({ index, name, params, region, vpnGatewayId, customerGatewayId }) =>
    params ? [{ index, name, params, region, vpnGatewayId, customerGatewayId }] : [],
  );
  const notices = check.diagnostics
    .filter((diagnostic) => !check.blocking.includes(diagnostic))
    .map((diagnostic) => describeFinding(diagnostic));
  return { check, documents, problems, notices };
}

/** Each document's region (RegionError when a choice contradicts a document's own Region). */
function placeDocuments(
  source: string,
  chosen: readonly SubmittableDocument[],
  region: PlanChoices['region'],
  credentials: Credentials,
): PlannedDocument[] {
  return chosen.map((document) => ({
    source,
    document,
    region: chooseRegion({ documentRegion: document.region, ...region, credentials }),
  }));
}

/** Checks the endpoint of every region the plan sends to; returns the first one's display form. */
async function checkEndpoints(input: PlanInput, planned: readonly PlannedDocument[]): Promise<string> {
  const displays: string[] = [];
  for (const region of new Set(planned.map((item) => item.region))) displays.push(await input.endpointFor(region));
  return displays[0];
}

/**
 * Plans a submit: resolves to a ready plan, a blocked file (with its reasons) or a cancelled one. Throws
 * SubmitRefusedError for a document still being created, CredentialsError, RegionError and EndpointError (see
 * `errorKindOf`), and whatever a choice throws.
 */
export async function planSubmission(input: PlanInput, choices: PlanChoices): Promise<PlanResult> {
  const { documents, problems, notices } = checkSubmissionFile(input.file, input.check);
  if (problems.length) return { outcome: 'blocked', problems, notices };
  const chosen = await choices.pickDocuments(documents);
  if (!chosen?.length) return { outcome: 'cancelled', notices };
  const { source } = input.file;
  const credentials = await input.credentials();
  const planned = placeDocuments(source, chosen, choices.region, credentials);
  planned.forEach(({ region, document }) => assertNotRunning(input.history, { ...document, region }));
  const plan: SubmissionPlan = {
    source,
    documents: planned,
    credentials,
    endpoint: await checkEndpoints(input, planned),
  };
  if (!(await choices.confirm(plan))) return { outcome: 'cancelled', notices };
  return { outcome: 'ready', plan, notices };
}
