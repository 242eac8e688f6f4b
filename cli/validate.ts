/**
 * `tcvpn validate`: the editor's checks for CI. Every file goes through the same pure language service as the
 * language server (schemas, business rules, suppression comments), and the findings are printed as text, JSON
 * or SARIF. With --live the account checks run too (validate/live.ts). Exit status: 0 no errors, 1 errors, 2 a
 * usage error, an input that could not be checked, or a failed --live lookup.
 */
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AccountResources } from '../language/account/snapshot';
import { createLanguageService, type VpnLanguageService } from '../language/languageService';
import { fetchLiveAccount } from './validate/live';
import { parseValidateArgs, VALIDATE_USAGE, type ValidateOptions } from './validate/options';
import { resolveInputs, type InputFile, type InputProblem } from './validate/inputs';
import { readInputFile } from './safeRead';
import { exitCodeOf, findingOf, sortFindings, type CliFinding } from './validate/findings';
import { formatText, summaryOf } from './validate/formatText';
import { formatJson } from './validate/formatJson';
import { formatSarif } from './validate/formatSarif';
import { cliRuleDocLink } from './packageDocs';

/** Where the command reads its environment and writes its output; the tests pass their own. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: CliIo = {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

const LANGUAGE_ID = { json: 'tencentcloud-vpn-json', yaml: 'tencentcloud-vpn-yaml' } as const;

/** Runs `tcvpn validate` with the arguments after the command name; resolves to the exit status. */
export async function runValidate(args: string[], io: CliIo = processIo): Promise<number> {
  const parsed = parseValidateArgs(args, io.env);
  if (parsed.kind === 'help') {
    io.stdout(VALIDATE_USAGE);
    return 0;
  }
  if (parsed.kind === 'usageError') {
    io.stderr(`tcvpn validate: ${parsed.message}\n\n${VALIDATE_USAGE}`);
    return 2;
  }
  const { options } = parsed;
  const inputs = await resolveInputs(options.inputs, io.cwd);
  const { findings, problems } = await checkFiles(inputs.files, options, io.env);
  const allProblems = [...inputs.problems, ...problems];
  for (const problem of allProblems) io.stderr(`tcvpn validate: ${problem.displayPath}: ${problem.message}\n`);
  io.stdout(render(options, sortFindings(findings), allProblems, io.cwd));
  if (options.format === 'text')
    io.stderr(summaryOf(findings, inputs.files.length - problems.length, allProblems.length));
  return exitCodeOf(findings, allProblems.length);
}

/**
 * Reads every file, fetches the account when --live asks for it, then validates each file; unreadable files
 * become problems and the rest are still checked. A failed --live lookup is one problem (exit 2), not a finding.
 */
async function checkFiles(
  files: readonly InputFile[],
  options: ValidateOptions,
  env: NodeJS.ProcessEnv,
): Promise<{ findings: CliFinding[]; problems: InputProblem[] }> {
  const service = createLanguageService();
  const documents: Array<{ file: InputFile; document: TextDocument }> = [];
  const problems: InputProblem[] = [];
  for (const file of files) {
    const read = await readInputFile(file.absolutePath);
    if (read.ok)
      documents.push({
        file,
        document: TextDocument.create(pathToFileURL(file.absolutePath).href, LANGUAGE_ID[file.kind], 1, read.text),
      });
    else problems.push({ displayPath: file.displayPath, message: read.message });
  }
  let account: AccountResources | undefined;
  if (options.live && documents.length > 0) {
    const live = await fetchLiveAccount(
      documentValues(
        service,
        documents.map((entry) => entry.document),
      ),
      { region: options.region, endpoint: options.endpoint, profile: options.profile, env },
    );
    if (live.ok) account = live.account;
    else return { findings: [], problems: [...problems, { displayPath: '--live', message: live.message }] };
  }
  const ruleDocLink = cliRuleDocLink();
  const findings = documents.flatMap(({ file, document }) =>
    service
      .validate(document, { lang: options.lang, disabledRules: options.disabledRules, account, ruleDocLink })
      .map((diagnostic) => findingOf(file.displayPath, diagnostic)),
  );
  return { findings, problems };
}

/** The plain value of every document of every file (a YAML file may hold several). */
function documentValues(service: VpnLanguageService, documents: TextDocument[]): unknown[] {
  return documents.flatMap((document) =>
    service
      .parse(document)
      .parts.map((part) => part.value)
      .filter((value) => value !== undefined),
  );
}

function render(options: ValidateOptions, findings: CliFinding[], problems: InputProblem[], cwd: string): string {
  if (options.format === 'json') return formatJson(findings);
  if (options.format === 'sarif') return formatSarif(findings, problems, cwd, options.lang);
  return formatText(findings);
}
