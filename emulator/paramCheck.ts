/**
 * Reads an API request's parameters and checks them before the action's handler runs. Actions with a generated schema go through the same
 * checkParams as the editor (schema plus business rules; the first error's code becomes the API error);
 * the read-only actions are checked against the spec's member list (unknown, missing, wrongly typed).
 */
import { ACTION_SCHEMAS, checkParams as checkDocumentParams } from '../language';
import spec from '../schemas/source/vpc-2017-03-12.vpn.json';
import { ApiError } from './apiErrors';

interface Member {
  name: string;
  type: string;
  member: string;
  required?: boolean;
}

const objects = spec.objects as unknown as Record<string, { members: Member[] }>;
const actions = spec.actions as unknown as Record<string, { input: string }>;

/** The actions the spec defines, i.e. the ones the emulator answers. */
export const SPEC_ACTIONS = new Set(Object.keys(actions));

/** Some read actions take Offset/Limit as strings in the spec (DescribeVpcs) while clients send numbers. */
const NUMERIC_STRING = new Set(['Offset', 'Limit']);

function typeMatches(value: unknown, member: Member): boolean {
  switch (member.type) {
    case 'string':
      return typeof value === 'string' || (NUMERIC_STRING.has(member.name) && typeof value === 'number');
    case 'int':
      return (
        Number.isInteger(value) || (NUMERIC_STRING.has(member.name) && typeof value === 'string' && /^\d+$/.test(value))
      );
    case 'float':
      return typeof value === 'number';
    case 'bool':
      return typeof value === 'boolean';
    case 'list':
      return (
        Array.isArray(value) &&
        value.every((item) => typeMatches(item, { ...member, type: primitiveOf(member.member) }))
      );
    default:
      return value !== null && typeof value === 'object' && !Array.isArray(value);
  }
}

const primitiveOf = (member: string): string =>
  member === 'string'
    ? 'string'
    : /^u?int/.test(member)
      ? 'int'
      : member === 'bool'
        ? 'bool'
        : member === 'float'
          ? 'float'
          : 'object';

/** UnknownParameter for a key the action's input does not define (a file's own keys, such as VpnConnectionId in a create file, included). */
function refuseUnknown(action: string, params: Record<string, unknown>): void {
  const members = objects[actions[action].input]?.members ?? [];
  for (const key of Object.keys(params)) {
    if (!members.some((member) => member.name === key))
      throw new ApiError('UnknownParameter', `the parameter ${key} is not defined for ${action}`);
  }
}

/** Checks parameters against the spec's input members of an action. */
function checkAgainstSpec(action: string, params: Record<string, unknown>): void {
  const members = objects[actions[action].input]?.members ?? [];
  refuseUnknown(action, params);
  for (const member of members) {
    const value = params[member.name];
    if (value === undefined) {
      if (member.required) throw new ApiError('MissingParameter', `the required parameter ${member.name} is missing`);
    } else if (!typeMatches(value, member)) {
      throw new ApiError(
        'InvalidParameter',
        `${member.name} must be of type ${member.type}${member.type === 'list' ? ` of ${member.member}` : ''}`,
      );
    }
  }
}

/** Throws the ApiError the service would answer for invalid parameters of `action`. */
export function checkParams(action: string, params: Record<string, unknown>): void {
  if (!ACTION_SCHEMAS[action]) return checkAgainstSpec(action, params);
  refuseUnknown(action, params);
  const finding = checkDocumentParams(params, action).find((candidate) => candidate.severity === 'error');
  if (finding) throw new ApiError(finding.code, { zh: finding.message.zh, en: finding.message.en });
}

/** The parameters of a JSON POST body; InvalidParameter for another content type or anything but a JSON object. */
export function parseBody(contentType: string, body: Buffer): Record<string, unknown> {
  if (!/^application\/json\b/i.test(contentType))
    throw new ApiError('InvalidParameter', 'the emulator takes Content-Type application/json only');
  let params: unknown;
  try {
    params = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    throw new ApiError('InvalidParameter', 'the request body is not valid JSON');
  }
  if (!params || typeof params !== 'object' || Array.isArray(params))
    throw new ApiError('InvalidParameter', 'the request body must be a JSON object');
  return params as Record<string, unknown>;
}
