/**
 * Checks a SARIF log against the SARIF 2.1.0 JSON schema itself (test/fixtures/sarif/, a copy of the published
 * schema, draft-04, validated with ajv-draft-04 and ajv-formats), plus the one rule the schema cannot state: a
 * result's `ruleIndex` points at the descriptor whose id is the result's `ruleId`. Returns every violation as
 * "<JSON pointer>: <message>"; an empty list means the log is valid.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const SCHEMA_FILE = path.join(__dirname, '..', '..', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json');

// The schema's language pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) is not valid with the u flag: match as JSON Schema
// draft-04 did, without it.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));

type Json = Record<string, unknown>;

/** Results whose ruleIndex names a descriptor with another id (or none). */
function ruleIndexViolations(log: Json): string[] {
  const runs = Array.isArray(log.runs) ? (log.runs as Json[]) : [];
  return runs.flatMap((run, runIndex) => {
    const rules = (((run.tool as Json | undefined)?.driver as Json | undefined)?.rules ?? []) as Json[];
    const results = (Array.isArray(run.results) ? run.results : []) as Json[];
    return results.flatMap((result, index) =>
      typeof result.ruleIndex === 'number' && rules[result.ruleIndex]?.id !== result.ruleId
        ? [`/runs/${runIndex}/results/${index}/ruleIndex: does not point at rule ${String(result.ruleId)}`]
        : [],
    );
  });
}

/** Every way the log breaks the SARIF 2.1.0 schema, or its rule indexes; empty when it is valid. */
export function sarifViolations(log: unknown): string[] {
  const schemaErrors = validateSarif(log)
    ? []
    : (validateSarif.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? error.keyword}`);
  return [...schemaErrors, ...(log && typeof log === 'object' ? ruleIndexViolations(log as Json) : [])];
}
