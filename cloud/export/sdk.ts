/**
 * The Node SDK export: a CommonJS snippet that sends the file's request with tencentcloud-sdk-nodejs
 * (`tencentcloud.vpc.v20170312.Client`, `CreateVpnConnection(params)`). The credentials are read from the
 * environment variables the SDK and tccli document (TENCENTCLOUD_SECRET_ID / _SECRET_KEY / _SESSION_TOKEN), never
 * written in; the pre-shared key from an environment variable too unless the user asks for the key itself. The
 * parameters are JSON literals, which are JavaScript literals, so any name reads back as itself.
 */
import { connectionName, knownParams, PSK_ENV_NAME, PSK_PARAM, type ExportRequest } from './request';
import type { ExportResult } from './result';
import { singleLine } from './singleLine';

const PSK_EXPRESSION = `process.env.${PSK_ENV_NAME}`;

/** The `params` object literal, two-space indented, with the pre-shared key as `psk` (an expression). */
function paramsLiteral(entries: [string, unknown][], psk: string): string {
  const members = entries.map(([key, value]) => {
    const literal = key === PSK_PARAM ? psk : JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    return `  ${JSON.stringify(key)}: ${literal},`;
  });
  return ['const params = {', ...members, '};'].join('\n');
}

function clientLiteral(region: string | undefined): string {
  return [
    'const client = new tencentcloud.vpc.v20170312.Client({',
    '  credential: {',
    '    secretId: process.env.TENCENTCLOUD_SECRET_ID,',
    '    secretKey: process.env.TENCENTCLOUD_SECRET_KEY,',
    '    token: process.env.TENCENTCLOUD_SESSION_TOKEN,',
    '  },',
    `  region: ${region ? JSON.stringify(region) : 'process.env.TENCENTCLOUD_REGION'},`,
    '});',
  ].join('\n');
}

const CALL = `client.CreateVpnConnection(params).then(
  (response) => console.log(JSON.stringify(response, null, 2)),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);`;

/** Renders the SDK export of a request. */
export function toSdk(request: ExportRequest, includePsk: boolean): ExportResult {
  const { known, unknown } = knownParams(request.params);
  const given = known.find(([key]) => key === PSK_PARAM)?.[1];
  const literalPsk = includePsk && typeof given === 'string';
  const entries: [string, unknown][] = given === undefined ? [...known, [PSK_PARAM, undefined]] : known;
  const name = connectionName(request.params);
  const header = [
    `// CreateVpnConnection ${JSON.stringify(singleLine(name))} with tencentcloud-sdk-nodejs (npm install tencentcloud-sdk-nodejs).`,
    `// Credentials come from TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY${literalPsk ? '' : `, the pre-shared key from ${PSK_ENV_NAME}`}.`,
    "const tencentcloud = require('tencentcloud-sdk-nodejs');",
  ];
  const guard = literalPsk
    ? []
    : [`if (!${PSK_EXPRESSION}) throw new Error('set ${PSK_ENV_NAME} to the pre-shared key');`];
  const psk = literalPsk ? JSON.stringify(given) : PSK_EXPRESSION;
  const parts = [header.join('\n'), ...guard, clientLiteral(request.region), paramsLiteral(entries, psk), CALL];
  const notes = request.region ? [] : ['no region in the file: the snippet reads TENCENTCLOUD_REGION'];
  return { text: `${parts.join('\n\n')}\n`, unsupported: unknown, notes };
}
