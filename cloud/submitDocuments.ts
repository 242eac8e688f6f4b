/**
 * Turns a file's text into the requests to submit: one JSON document, or each document of a YAML stream. The
 * editor-only keys are removed (`$schema`, `Action`, `Version`) and `Region` picks the region instead of being
 * sent. Parse problems come back as messages with line numbers, never as exceptions.
 */
import { parse as parseJsonc, ParseError, printParseErrorCode } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';

export const SUBMIT_ACTION = 'CreateVpnConnection';
const EDITOR_KEYS = ['$schema', 'Action', 'Version', 'Region'];

/** One document of the file, ready to submit. */
export interface SubmitDocument {
  /** 0-based position in the file (always 0 for JSON). */
  index: number;
  /** The document exactly as written, for validation. */
  value: unknown;
  /** The request parameters: the document without the editor-only keys. */
  params: Record<string, unknown>;
  /** The document's own `Region`, if any. */
  region?: string;
  name: string;
  vpnGatewayId?: string;
  customerGatewayId?: string;
}

export interface ParsedFile {
  documents: SubmitDocument[];
  /** Syntax problems and documents that cannot be submitted, as "line N: message". */
  problems: string[];
}

/** "yaml" for .yaml/.yml files and YAML language ids, else "json". */
export function syntaxOf(fileNameOrLanguage: string): 'json' | 'yaml' {
  return /(\.ya?ml$|yaml)/i.test(fileNameOrLanguage) ? 'yaml' : 'json';
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function toSubmitDocument(value: unknown, index: number, problems: string[]): SubmitDocument | undefined {
  const where = `document ${index + 1}`;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where}: expected an object of CreateVpnConnection parameters`);
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (record.Action !== undefined && record.Action !== SUBMIT_ACTION) {
    problems.push(`${where}: only ${SUBMIT_ACTION} can be submitted, not ${String(record.Action)}`);
  }
  const params = Object.fromEntries(Object.entries(record).filter(([key]) => !EDITOR_KEYS.includes(key)));
  const text = (key: string): string | undefined => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
  return {
    index,
    value,
    params,
    region: text('Region'),
    name: text('VpnConnectionName') ?? '',
    vpnGatewayId: text('VpnGatewayId'),
    customerGatewayId: text('CustomerGatewayId'),
  };
}

function parseJsonFile(text: string, problems: string[]): unknown[] {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: false });
  errors.forEach((error) => problems.push(`line ${lineOf(text, error.offset)}: ${printParseErrorCode(error.error)}`));
  return errors.length ? [] : [value];
}

function parseYamlFile(text: string, problems: string[]): unknown[] {
  const documents = parseAllDocuments(text, { uniqueKeys: true });
  const list = Array.isArray(documents) ? documents : [];
  for (const document of list) {
    document.errors.forEach((error) => problems.push(`line ${lineOf(text, error.pos[0])}: ${error.message.split('\n')[0]}`));
  }
  if (problems.length) return [];
  return list.map((document) => document.toJS({ maxAliasCount: 100 }) as unknown);
}

/** Parses a file's text into its documents and the problems that prevent submitting them. */
export function parseSubmitFile(text: string, syntax: 'json' | 'yaml'): ParsedFile {
  const problems: string[] = [];
  const values = syntax === 'yaml' ? parseYamlFile(text, problems) : parseJsonFile(text, problems);
  // An empty document (a stray "---" at the end) is not a request, but keeps its position in the numbering.
  const documents = values
    .map((value, index) => (value === null || value === undefined ? undefined : toSubmitDocument(value, index, problems)))
    .filter((document): document is SubmitDocument => document !== undefined);
  if (!problems.length && !documents.length) problems.push('the file holds no document to submit');
  return { documents, problems };
}
