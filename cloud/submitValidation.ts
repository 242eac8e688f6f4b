/**
 * The last check before a request: the same schema and business rules the editor shows, on each document's
 * value. Errors block the submit; warnings are shown but do not.
 */
import { validateParams } from '../language/schema/paramsValidation';
import type { Lang, RuleFinding } from '../language/types';
import type { SubmitDocument } from './submitDocuments';

/** A finding with the document it belongs to. */
export interface DocumentFinding {
  documentIndex: number;
  finding: RuleFinding;
}

/** Every finding of every document, errors first. */
export function validateDocuments(documents: readonly SubmitDocument[]): DocumentFinding[] {
  const all = documents.flatMap((document) =>
    validateParams(document.value).map((finding) => ({ documentIndex: document.index, finding })),
  );
  return [...all.filter((item) => item.finding.severity === 'error'), ...all.filter((item) => item.finding.severity !== 'error')];
}

/** True when a finding blocks the submit. */
export function isBlocking(item: DocumentFinding): boolean {
  return item.finding.severity === 'error';
}

/** "document 2: IKEOptionsSpecification.DhGroupName: … [InvalidParameterValue]" */
export function formatFinding(item: DocumentFinding, lang: Lang = 'en'): string {
  const path = item.finding.path.join('.');
  const message = item.finding.message[lang];
  const where = message.startsWith(path) || !path ? '' : `${path}: `;
  return `document ${item.documentIndex + 1}: ${item.finding.severity}: ${where}${message} [${item.finding.code}]`;
}
