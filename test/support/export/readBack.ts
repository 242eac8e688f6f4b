/**
 * Reading each export back into CreateVpnConnection parameters, the way its tool would: the terraform text with an
 * HCL parser from npm (hcl2-parser, HashiCorp's hcl2 compiled to JavaScript) and the provider's mapping reversed;
 * the tccli line through a real `sh -c` (printf in tccli's place prints the words the shell hands it) and typed as
 * tccli's argument.py types them from the API spec; the SDK snippet run in a vm sandbox whose `require` gives a fake
 * tencentcloud-sdk-nodejs that records the client's configuration and the params it is called with.
 */
import { execFileSync } from 'node:child_process';
import * as vm from 'node:vm';
// hcl2-parser ships no type declarations that TypeScript finds under its "main".
const hcl = require('hcl2-parser') as { parseToObject(text: string): [unknown, unknown] };
import createSchema from '../../../schemas/CreateVpnConnection.schema.json';
import {
  FLATTENED_OBJECTS,
  NESTED_BLOCKS,
  PSK_ATTRIBUTE,
  TAGS_ATTRIBUTE,
  TOP_LEVEL_ATTRIBUTES,
  type AttributeMap,
} from '../../../cloud/export/terraformAttributes';

type Params = Record<string, unknown>;

/** The parsed HCL document (hcl2json's JSON shape: blocks as arrays, expressions as "${…}"). */
export function parseHcl(text: string): Record<string, any> {
  const [value, error] = hcl.parseToObject(text);
  if (error || !value) throw new Error(`not valid HCL: ${JSON.stringify(error)}\n${text}`);
  return value as Record<string, any>;
}

const fromTerraform = (map: AttributeMap, value: unknown) => (map.type === 'intString' ? String(value) : value);

function blockParams(body: Record<string, any>, params: Params): void {
  for (const map of NESTED_BLOCKS) {
    const blocks = body[map.block] as Record<string, unknown>[] | undefined;
    if (!blocks) continue;
    const objects = blocks.map((block) =>
      Object.fromEntries(
        Object.entries(block).map(([attribute, value]) => {
          const member = map.members.find((candidate) => candidate.attribute === attribute)!;
          return [member.member, fromTerraform(member, value)];
        }),
      ),
    );
    params[map.param] = map.repeated ? objects : objects[0];
  }
}

function attributeParam(attribute: string, value: unknown, params: Params): void {
  const top = TOP_LEVEL_ATTRIBUTES.find((map) => map.attribute === attribute);
  if (top) return void (params[top.member] = fromTerraform(top, value));
  if (attribute === PSK_ATTRIBUTE) return void (params.PreShareKey = value);
  if (attribute === TAGS_ATTRIBUTE)
    return void (params.Tags = Object.entries(value as object).map(([Key, Value]) => ({ Key, Value })));
  for (const [object, maps] of Object.entries(FLATTENED_OBJECTS)) {
    // The first member of an attribute is the one the provider sends (IntegrityAlgorith for both spellings).
    const map = maps.find((candidate) => candidate.attribute === attribute);
    if (!map) continue;
    ((params[object] ??= {}) as Params)[map.member] = fromTerraform(map, value);
    return;
  }
  throw new Error(`unknown attribute ${attribute}`);
}

/** The resource's parameters, its name, and the rest of the document (variables, imports). */
export function paramsFromTerraform(text: string): { params: Params; name: string; document: Record<string, any> } {
  const document = parseHcl(text);
  const resources = document.resource.tencentcloud_vpn_connection as Record<string, Record<string, any>[]>;
  const [[name, [body]]] = Object.entries(resources);
  const params: Params = {};
  for (const [attribute, value] of Object.entries(body)) {
    if (!NESTED_BLOCKS.some((map) => map.block === attribute)) attributeParam(attribute, value, params);
  }
  blockParams(body, params);
  return { params, name, document };
}

const TYPES = Object.fromEntries(
  Object.entries(createSchema.properties).map(([key, schema]) => [key, (schema as { type: string }).type]),
);

/** One tccli argument value, typed as tccli types it (argument.py: str_to_bool, int, json.loads). */
function tccliTyped(key: string, word: string): unknown {
  const type = TYPES[key];
  if (type === 'string') return word;
  if (type === 'integer') {
    if (!/^-?\d+$/.test(word)) throw new Error(`--${key}: tccli's int() refuses ${word}`);
    return Number(word);
  }
  if (type === 'boolean') return ['true', 't', '1'].includes(word.toLowerCase());
  if (type === 'object' || type === 'array') return JSON.parse(word);
  throw new Error(`tccli has no parameter ${key}`);
}

/** The words sh hands tccli: the line run by `sh -c` with printf in tccli's place. */
export function shellWords(line: string, env: NodeJS.ProcessEnv): string[] {
  if (!line.startsWith('tccli ')) throw new Error(`not a tccli line: ${line}`);
  const script = `printf '%s\\0' ${line.slice('tccli '.length)}`;
  const output = execFileSync('sh', ['-c', script], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
  return output.split('\0').slice(0, -1);
}

/** The request tccli would send for the line, and its --region. */
export function paramsFromTccli(line: string, env: NodeJS.ProcessEnv): { params: Params; region?: string } {
  const [service, action, ...rest] = shellWords(line, env);
  if (service !== 'vpc' || action !== 'CreateVpnConnection') throw new Error(`not vpc CreateVpnConnection: ${line}`);
  const params: Params = {};
  let region: string | undefined;
  for (let index = 0; index < rest.length; index += 2) {
    const [flag, word] = [rest[index], rest[index + 1]];
    if (!flag.startsWith('--') || word === undefined) throw new Error(`not a --Name value pair: ${flag} ${word}`);
    if (flag === '--region') region = word;
    else params[flag.slice(2)] = tccliTyped(flag.slice(2), word);
  }
  return { params, region };
}

/** What the snippet hands the SDK: the client's configuration and the CreateVpnConnection params. */
export function runSdkSnippet(text: string, env: Record<string, string>): { config: any; params: Params } {
  const seen: { config?: unknown; params?: unknown } = {};
  class Client {
    constructor(config: unknown) {
      seen.config = config;
    }
    CreateVpnConnection(params: unknown) {
      seen.params = params;
      return Promise.resolve({ RequestId: 'fake' });
    }
  }
  const sdk = { vpc: { v20170312: { Client } } };
  const sandbox = {
    require: (name: string) => {
      if (name !== 'tencentcloud-sdk-nodejs') throw new Error(`the snippet requires ${name}`);
      return sdk;
    },
    process: { env, exitCode: 0 },
    console: { log: () => undefined, error: () => undefined },
  };
  vm.runInNewContext(text, sandbox, { timeout: 5000 });
  if (!seen.params) throw new Error('the snippet never called CreateVpnConnection');
  // Values made in the sandbox have its prototypes: compare them as plain JSON.
  return { config: JSON.parse(JSON.stringify(seen.config)), params: JSON.parse(JSON.stringify(seen.params)) };
}
