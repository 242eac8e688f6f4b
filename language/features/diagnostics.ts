/**
 * Diagnostics of a parsed file: syntax problems first, then for each document its schema findings and the
 * business rules' findings (findings.ts), each mapped once to a range and deduplicated. Silencing is the
 * pipeline's next step (pipeline.ts), so a host that must see silenced errors (the submit) can.
 * A broken text gets one diagnostic per fault, not a cascade: of syntax problems starting at one offset only the
 * first is kept, and while a document's syntax is broken its findings are kept only for the top-level members
 * whose own text holds no syntax error (the rest were read from a half-parsed text) and never where a syntax
 * error starts.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AccountResources } from '../account/snapshot';
import type { DiagnosticData, JsonPath, Lang, RuleFinding, Severity } from '../types';
import { checkParams } from './findings';
import { actionOfPart } from '../schema/partAction';
import { spanFor, type Span } from './ranges';
import { apiErrorCodesLink, ruleDocLink } from './docLinks';
import { ruleDocUrl } from '../rules/rule';
import { fileTooLargeMessage } from '../parsing/syntaxMessages';
import { propertyOf, type ParsedFile, type ParsedPart, type SyntaxProblem, type TreeNode } from '../parsing/tree';
import { chosenPeerVendor } from '../peer/vendorChoice';
import { peerFindings } from './peerFindings';

export const DIAGNOSTIC_SOURCE = 'tencentcloud-vpn';

export interface ValidationOptions {
  lang: Lang;
  disabledRules: readonly string[];
  /** The account's resources, when known: the account rules run and the gateway version is known. */
  account?: AccountResources;
  /**
   * Where a rule's documentation link points: a template with `{rule}` for the rule id (docLinks.ts). Absent: the
   * page-relative `docs/rules.md#<rule>`.
   */
  ruleDocLink?: string;
  /** The peer vendor of the setting; a `# tcvpn-peer:` comment in the file wins. Chosen: its problems are warnings. */
  peerVendor?: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Every diagnostic of a document, in the user's language, silenced ones included. */
export function diagnosticsOf(doc: TextDocument, parsed: ParsedFile, options: ValidationOptions): Diagnostic[] {
  const toDiagnostic = (span: Span, severity: Severity, message: string, code: string) => ({
    range: { start: doc.positionAt(span.offset), end: doc.positionAt(span.offset + span.length) },
    severity: SEVERITY[severity],
    source: DIAGNOSTIC_SOURCE,
    code,
    message,
  });
  const diagnostics: Diagnostic[] = [];
  if (parsed.tooLarge) {
    const { size, limit, problems } = parsed.tooLarge;
    const data: DiagnosticData = { ruleId: 'file-too-large', fixes: [], documentIndex: 0 };
    diagnostics.push({
      ...toDiagnostic(
        { offset: 0, length: 1 },
        'warning',
        fileTooLargeMessage(size, limit)[options.lang],
        'file-too-large',
      ),
      data,
    });
    diagnostics.push(
      ...onePerPosition(problems).map((problem) => syntaxDiagnostic(problem, 0, options.lang, toDiagnostic)),
    );
  }
  const text = doc.getText();
  // Once per version, not per YAML document: the `# tcvpn-peer:` comment is looked for in the whole text.
  const peerVendor = chosenPeerVendor(text, options.peerVendor);
  for (const part of parsed.parts) {
    const problems = onePerPosition(part.problems);
    diagnostics.push(...problems.map((problem) => syntaxDiagnostic(problem, part.index, options.lang, toDiagnostic)));
    const action = actionOfPart(part, text, parsed.kind);
    const errorStarts = new Set(problems.filter(breaksText).map((problem) => problem.offset));
    const findings = findingsOf(part, action, parsed, text, options, peerVendor);
    const located = locatedPart(part, findings);
    for (const finding of findings) {
      const span = spanFor(located, finding.path, finding.target);
      // Where a syntax error starts, it is the cause; a schema or rule finding there only repeats it.
      if (errorStarts.has(span.offset)) continue;
      const diagnostic: Diagnostic = toDiagnostic(span, finding.severity, finding.message[options.lang], finding.code);
      const href = docUrlOf(finding, action, options);
      if (href) diagnostic.codeDescription = { href };
      diagnostic.data = {
        ruleId: finding.ruleId,
        fixes: finding.fixes ?? [],
        documentIndex: part.index,
      } satisfies DiagnosticData;
      diagnostics.push(diagnostic);
    }
  }
  return deduplicate(diagnostics);
}

type ToDiagnostic = (span: Span, severity: Severity, message: string, code: string) => Diagnostic;

/**
 * The part whose tree the findings' ranges are read from: a part that builds its tree on first use (jsonFast.ts)
 * lends one with only the findings' paths instead, so a first open does not build the whole tree.
 */
function locatedPart(part: ParsedPart, findings: readonly RuleFinding[]): ParsedPart {
  if (!part.locate || !findings.length) return part;
  const root = part.locate(findings.map((finding) => finding.path));
  return { index: part.index, offset: part.offset, length: part.length, value: part.value, problems: [], root };
}

function syntaxDiagnostic(
  problem: SyntaxProblem,
  documentIndex: number,
  lang: Lang,
  toDiagnostic: ToDiagnostic,
): Diagnostic {
  const diagnostic = toDiagnostic(problem, problem.severity, problem.message[lang], problem.code);
  diagnostic.data = {
    ruleId: problem.code === 'duplicate-key' ? 'duplicate-key' : 'syntax',
    fixes: [],
    documentIndex,
  } satisfies DiagnosticData;
  return diagnostic;
}

/**
 * Schema and rule findings of one document; none for an empty document or one whose value is unknown. While the
 * text is broken, only findings inside a clean top-level member are kept: a missing parameter is mostly the
 * parser's loss, and a broken member's value (or a key made of half a line) is not what the user wrote.
 */
function findingsOf(
  part: ParsedPart,
  action: string,
  parsed: ParsedFile,
  text: string,
  options: ValidationOptions,
  peerVendor: ReturnType<typeof chosenPeerVendor>,
): RuleFinding[] {
  // An empty document (a stray `---`, a file of comments) is no request and no mistake: a submit says so instead.
  // (A part with `locate` has a tree, built when read: it is not read here.)
  if ((!part.locate && !part.root) || part.value === undefined || part.value === null) return [];
  const findings = [
    ...checkParams(part.value, action, options.account),
    // The peer device answers a CreateVpnConnection's IKE and IPsec settings; other actions carry none.
    ...(peerVendor && action === 'CreateVpnConnection' ? peerFindings(part.value, peerVendor) : []),
  ];
  if (!part.problems.some(breaksText)) return findings;
  const broken = brokenMembers(part, part.root!, parsed.kind, text);
  return broken ? findings.filter((finding) => inCleanMember(finding.path, part.root!, broken)) : findings;
}

/** A problem that breaks the text; a duplicate key or a warning leaves the value as the user wrote it. */
function breaksText(problem: SyntaxProblem): boolean {
  return problem.severity === 'error' && problem.code !== 'duplicate-key';
}

/**
 * One problem per start offset: the parsers report the telling problem of a fault first, and what follows at the
 * same place is the same fault seen again (jsonc-parser's "comma expected" then "value expected"). Duplicate keys
 * are another cause and always kept.
 */
function onePerPosition(problems: readonly SyntaxProblem[]): SyntaxProblem[] {
  const starts = new Set<number>();
  return problems.filter(
    (problem) =>
      problem.code === 'duplicate-key' || (starts.has(problem.offset) ? false : (starts.add(problem.offset), true)),
  );
}

/** A top-level member of a document: its key (or index) and the text from its key to the end of its value. */
interface Member {
  segment: string | number;
  start: number;
  end: number;
  /** False when the value was never written (a key alone) and so lost to the syntax error. */
  hasValue: boolean;
  /** Whether the value is complete where it ends, so that a problem starting there is about what comes next. */
  closed: boolean;
}

/**
 * The members of the root in source order. A YAML value is never taken as closed: the library reports what is
 * missing at its end (the closing quote, the `]`). In JSON a scalar or a container ending in its bracket is
 * complete, and an error at its end belongs to what follows (the root's missing `}`).
 */
function membersOf(root: TreeNode, kind: ParsedFile['kind'], text: string): Member[] {
  const closed = (node: TreeNode | undefined) =>
    kind === 'json' &&
    !!node &&
    (!node.properties && !node.items ? true : /[}\]]/.test(text[node.offset + node.length - 1] ?? ''));
  if (root.properties) {
    return root.properties.map((p) => ({
      segment: p.key,
      start: p.keyOffset,
      end: p.value ? p.value.offset + p.value.length : p.keyOffset + p.keyLength,
      hasValue: !!p.value,
      closed: closed(p.value),
    }));
  }
  return (root.items ?? []).map((item, index) => ({
    segment: index,
    start: item.offset,
    end: item.offset + item.length,
    hasValue: true,
    closed: closed(item),
  }));
}

/** The top-level members a syntax error touches, or undefined when the document's syntax is not broken. */
function brokenMembers(
  part: ParsedPart,
  root: TreeNode,
  kind: ParsedFile['kind'],
  text: string,
): Set<string | number> | undefined {
  const errors = part.problems.filter(breaksText);
  if (!errors.length) return undefined;
  const members = membersOf(root, kind, text);
  const broken = new Set<string | number>(members.filter((member) => !member.hasValue).map((member) => member.segment));
  for (const error of errors)
    for (const member of membersAround(members, error, kind === 'yaml')) broken.add(member.segment);
  return broken;
}

/**
 * The members (in source order) whose text a problem overlaps. In YAML, a problem that starts between two
 * members (a tab before a key, a line indented wrongly) touches both neighbours: the lines around it may have
 * been read into the wrong member. jsonc-parser's recovery keeps JSON members apart, so there only overlap counts.
 */
function membersAround(members: readonly Member[], problem: SyntaxProblem, gapsTouch: boolean): Member[] {
  const [start, end] = [problem.offset, problem.offset + problem.length];
  // The last member that starts at or before the problem: the one it starts in, or the one before its gap.
  let [low, high] = [0, members.length - 1];
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (members[middle].start <= start) low = middle + 1;
    else high = middle - 1;
  }
  // A problem at a value's end is that value's (an unclosed quote or bracket), unless the value is complete.
  const reaches = (member: Member) => member.end > start || (member.end === start && !member.closed);
  const around: Member[] = [];
  for (let i = high; i >= 0 && reaches(members[i]); i--) around.push(members[i]);
  const inGap = !around.length;
  if (inGap && gapsTouch && high >= 0) around.push(members[high]);
  for (let i = high + 1; i < members.length && (members[i].start <= end || (inGap && gapsTouch && i === high + 1)); i++)
    around.push(members[i]);
  return around;
}

/** Whether a finding is about a top-level member that exists in the tree and whose text has no syntax error. */
function inCleanMember(path: JsonPath, root: TreeNode, broken: ReadonlySet<string | number>): boolean {
  if (!path.length || broken.has(path[0])) return false;
  return typeof path[0] === 'number' ? path[0] < (root.items?.length ?? 0) : propertyOf(root, path[0]) !== undefined;
}

/** Schema findings link to the API page of their error code in the user's language; rules to their section. */
function docUrlOf(finding: RuleFinding, action: string, options: ValidationOptions): string | undefined {
  if (finding.ruleId.startsWith('schema.')) return apiErrorCodesLink(action, options.lang) ?? finding.docUrl;
  // A link to the rules page follows the host's template; any other link the finding brings is kept as it is.
  return finding.docUrl === ruleDocUrl(finding.ruleId)
    ? ruleDocLink(finding.ruleId, options.ruleDocLink)
    : finding.docUrl;
}

function deduplicate(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const id = `${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}:${String(d.code)}:${d.message}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
}
