/**
 * `tcvpn diagnose FILE --peer-log PATH [--cloud-log PATH] [--document N] [--lang zh|en] [--format text|json]`: why a
 * tunnel's IKE handshake failed, from strongSwan (charon) logs, named as the file's parameter that disagrees
 * (lab/diagnose.ts, the tunnel lab's own diagnosis). The file is read and checked as `tcvpn peer-config` reads it
 * (cli/documentArgs.ts; a file naming its existing tunnel is accepted), the logs through cli/safeRead.ts.
 *
 * Most often only the IDC peer's log exists (the cloud's is Tencent's). lab/diagnose.ts reads an empty cloud log
 * well when the peer responded (its log holds the received/configured proposals, the MAC mismatch, the identity it
 * looked for), but not when the peer initiated and the cloud refused: then the peer's log holds only the answer.
 * For that case, with no cloud log, this command compares the peer's own proposal (the "configured proposals"
 * line charon logs after a NO_PROPOSAL_CHOSEN answer) with the cloud's as the lab models it from the file
 * (lab/tunnelSpec.ts), reads IKEv1's INVALID_ID_INFORMATION answer as selectors, and says that an
 * AUTHENTICATION_FAILED answer may also be the identities.
 *
 * The pre-shared key never reaches the output: every form of the file's PreShareKey is masked (lab/mask.ts) in
 * the evidence and the messages, and log lines are printed with control characters escaped.
 * Exit codes: 0 the logs show no failure, 1 a cause was found (or a failure not recognised), 2 usage or a file
 * that cannot be used.
 */
import { singleLine } from '../cloud/export';
import type { Lang } from '../language';
import type { Diagnosis } from '../lab/diagnose';
import { diagnoseLogs } from './diagnoseLogs';
import { maskSecret } from '../lab/mask';
import { chosenPart, parseFileCommand, userErrorExit } from './documentArgs';
import { readInputFileSync } from './safeRead';
import { positiveNumber, UsageError } from './submitArgs';
import { langFromEnv } from './validate/options';

export const USAGE =
  'usage: tcvpn diagnose FILE --peer-log PATH [--cloud-log PATH] [--document N] [--lang zh|en] [--format text|json]\n';

/** Every option `diagnose` takes (cli/main.ts's usage lists each; test/unit/cli/usage.test.ts checks). */
export const DIAGNOSE_OPTIONS = {
  'peer-log': { type: 'string' },
  'cloud-log': { type: 'string' },
  document: { type: 'string' },
  lang: { type: 'string' },
  format: { type: 'string' },
} as const;

/** The command line, parsed and checked. */
export interface DiagnoseArgs {
  file: string;
  peerLog: string;
  cloudLog?: string;
  /** 1-based. */
  document?: number;
  lang: Lang;
  format: 'text' | 'json';
}

function oneOf<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined || choices.includes(value as T)) return value as T | undefined;
  throw new UsageError(`--${flag} must be ${choices.join(' or ')}, not "${value}"`);
}

/** Parses `diagnose`'s arguments; throws UsageError. */
export function parseDiagnoseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): DiagnoseArgs {
  const { file, values } = parseFileCommand(argv, DIAGNOSE_OPTIONS);
  if (!values['peer-log']) throw new UsageError("--peer-log is needed: the IDC peer device's charon log");
  if (values['cloud-log'] === '') throw new UsageError('--cloud-log needs a file name');
  return {
    file,
    peerLog: values['peer-log'],
    cloudLog: values['cloud-log'],
    document: positiveNumber('document', values.document, true),
    lang: oneOf('lang', values.lang, ['zh', 'en'] as const) ?? langFromEnv(env),
    format: oneOf('format', values.format, ['text', 'json'] as const) ?? 'text',
  };
}

/** A log's text, lines ending in \n (a log copied from Windows ends them in \r\n); throws UsageError. */
function readLog(flag: string, file: string): string {
  const read = readInputFileSync(file);
  if (read.ok) return read.text.replace(/\r\n?/g, '\n');
  const message =
    read.reason === 'empty'
      ? 'is empty: it holds no log line'
      : read.reason === 'too-large'
        ? `${read.message}: give the lines of the failed handshake (e.g. tail -n 5000)`
        : read.message.replace('not JSON or YAML text', 'not a text log');
  throw new UsageError(`--${flag} ${file}: ${message}\nnothing was diagnosed`);
}

/** The diagnoses with every form of the key masked (messages quote identities the logs name). */
export function maskDiagnoses(found: Diagnosis[], key: unknown): Diagnosis[] {
  if (typeof key !== 'string' || !key) return found;
  const mask = (text: string) => maskSecret(text, key);
  return found.map((d) => ({
    ...d,
    message: { en: mask(d.message.en), zh: mask(d.message.zh) },
    evidence: d.evidence.map(mask),
  }));
}

const LABELS: Record<Lang, { cause: string; parameters: string; evidence: string; none: string; clean: string }> = {
  en: {
    cause: 'cause',
    parameters: 'parameters',
    evidence: 'evidence',
    none: '(none)',
    clean: 'no failure in the logs: the handshake did not fail',
  },
  zh: { cause: '原因', parameters: '参数', evidence: '依据', none: '（无）', clean: '日志中没有协商失败' },
};

/** One block per diagnosis: the cause, the parameters, the message, the evidence lines indented. */
export function diagnosesText(found: Diagnosis[], lang: Lang): string {
  const label = LABELS[lang];
  if (!found.length) return `${label.clean}\n`;
  const block = (d: Diagnosis) =>
    [
      `${label.cause}: ${d.cause}`,
      `${label.parameters}: ${d.parameters.join(', ') || label.none}`,
      singleLine(d.message[lang]),
      `${label.evidence}:`,
      ...(d.evidence.length ? d.evidence.map((line) => `  ${singleLine(line)}`) : [`  ${label.none}`]),
    ].join('\n');
  return found.map(block).join('\n\n') + '\n';
}

/** Entry point called by cli/main.ts. */
export async function runDiagnose(argv: string[]): Promise<number> {
  const err = (line: string): boolean => process.stderr.write(`tcvpn diagnose: ${line}\n`);
  try {
    const args = parseDiagnoseArgs(argv, process.env);
    const params = (chosenPart(args.file, args.document, 'nothing was diagnosed').part.params ?? {}) as Record<
      string,
      unknown
    >;
    const logs = {
      peer: readLog('peer-log', args.peerLog),
      cloud: args.cloudLog === undefined ? '' : readLog('cloud-log', args.cloudLog),
    };
    const found = maskDiagnoses(diagnoseLogs(logs, params, args.cloudLog !== undefined), params.PreShareKey);
    process.stdout.write(
      args.format === 'json' ? `${JSON.stringify(found, null, 2)}\n` : diagnosesText(found, args.lang),
    );
    return found.length ? 1 : 0;
  } catch (error) {
    return userErrorExit(error, err, USAGE);
  }
}
