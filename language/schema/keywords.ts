/**
 * Annotation keywords the generated schemas carry besides standard JSON Schema (draft-07).
 * Validators must register them (ajv strict mode rejects unknown keywords); editors ignore them.
 */
export const ANNOTATION_KEYWORDS = [
  'enumDescriptions', // English description per enum value, as VS Code's JSON support reads it
  'x-enum-descriptions-zh', // Chinese description per enum value
  'x-doc-zh', // the API's own Chinese documentation of the parameter
  'x-doc-en', // the API's own English documentation, null when the English spec lacks the field
  'x-en-fallback', // true when `description` fell back to the Chinese text
  'x-doc-url', // { zh, en } link to the API's page
  'x-action', // the API action a schema describes
  'x-version', // the API version
  'x-async', // true when the action runs as an asynchronous task
  'x-rule', // id of the validation rule (validation-rules.json) that set a constraint
  'x-object', // the spec's object type name of an object-valued property
  'x-modifiable', // CreateVpnConnection: the inputs ModifyVpnConnectionAttribute also takes (changeable in place)
  'x-replacement', // CreateVpnConnection: the inputs only Create takes (a change needs a new tunnel)
  'x-modifiable-from-gateway-version', // CreateVpnConnection: modifiable inputs limited to gateways of this version on
] as const;

/** Maps each annotation keyword to the value type it carries, for documentation only. */
export type AnnotationKeyword = (typeof ANNOTATION_KEYWORDS)[number];
