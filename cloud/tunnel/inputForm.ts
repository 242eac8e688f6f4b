/**
 * A live tunnel (a VpnConnection of DescribeVpnConnections) in the form the create and modify actions take, and the
 * notes on where the service's answer differs from that input. The differences, from the spec's response object
 * `VpnConnection` against `CreateVpnConnectionRequest` (schemas/source/vpc-2017-03-12.vpn.json) and what the
 * service is known to answer (schemas/source/NOTES.md):
 * - `SecurityPolicyDatabaseSet` is the input `SecurityPolicyDatabases`; `TagSet` is the input `Tags`;
 * - the IPsec integrity algorithm comes back as `IntegrityAlgorith` (sic), a valid input spelling beside the current
 *   `IntegrityAlgorithm` (not both together): kept as answered, so no note;
 * - `BgpConfig` is a `BgpConfigAndAsn`: its `LocalBgpAsn` / `RemoteBgpAsn` are the gateways' own ASNs, no input;
 * - old tunnels answer `DpdEnable: -1` and empty `DpdTimeout` / `DpdAction`, which no input takes (DPD never set:
 *   the defaults apply); a `DpdTimeout` answered as a number is the input's string;
 * - a CCN gateway's tunnel answers `VpcId: ""`, which the input leaves out;
 * - State, NetStatus, CreatedTime, VpnProto, EncryptProto and HealthCheckStatus are answers only.
 * Fields equal to their default are left out (fields.ts reads the defaults from the generated schema), so the form
 * is what a person would have written. The pre-shared key is kept here; whoever writes a file decides (render.ts).
 */
import type { Localized } from '../../language';
import type { VpnConnectionSummary } from '../tunnelLookup';
import { CREATE_FIELDS, defaultOf, INTEGRITY, LEGACY_INTEGRITY, memberDefaults, OBJECT_FIELDS } from './fields';

type Params = Record<string, unknown>;

/** Where the service's answer differs from its input, for a comment in the file (path: the input's key path). */
export interface FieldNote {
  path: string[];
  text: Localized;
}

/** A live tunnel in input form. */
export interface InputForm {
  params: Params;
  notes: FieldNote[];
}

const isRecord = (value: unknown): value is Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** What a tunnel with its health check off still answers, and no input sets then. */
const HEALTH_CHECK_SETTINGS = ['HealthCheckLocalIp', 'HealthCheckRemoteIp', 'HealthCheckConfig'];

/** The response's name of an input field, where it differs. */
const ANSWER_NAMES: Record<string, string> = { SecurityPolicyDatabases: 'SecurityPolicyDatabaseSet', Tags: 'TagSet' };
/** Members of the answered BgpConfig that are no input. */
const BGP_ANSWER_ONLY = ['LocalBgpAsn', 'RemoteBgpAsn'];

/** Two plain values equal as the API sees them ("30" and 30 alike: the service has answered both). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return String(a) === String(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An answered object's members in input form, without defaults and empty members. */
function objectInput(field: string, answered: Params, notes: FieldNote[]): Params | undefined {
  const defaults = memberDefaults(field);
  const members: Params = {};
  for (const [name, value] of Object.entries(answered)) {
    if (field === 'BgpConfig' && BGP_ANSWER_ONLY.includes(name)) continue;
    // The service answers IntegrityAlgorith (sic), which the input takes as well as IntegrityAlgorithm: the file
    // keeps the answer's spelling (what completion offers and terraform sends); its default is kept under INTEGRITY.
    const defaultKey = name === LEGACY_INTEGRITY ? INTEGRITY : name;
    if (isEmpty(value) || (defaultKey in defaults && sameValue(value, defaults[defaultKey]))) continue;
    members[name] = value;
  }
  if (field === 'BgpConfig' && BGP_ANSWER_ONLY.some((name) => !isEmpty(answered[name])))
    notes.push({
      path: [field],
      text: {
        en: `the answer also holds LocalBgpAsn ${String(answered.LocalBgpAsn ?? '')} and RemoteBgpAsn ${String(answered.RemoteBgpAsn ?? '')}: the gateways' own ASNs, no input`,
        zh: `返回中还有 LocalBgpAsn ${String(answered.LocalBgpAsn ?? '')} 与 RemoteBgpAsn ${String(answered.RemoteBgpAsn ?? '')}：两端网关自身的 ASN，不是输入参数`,
      },
    });
  return Object.keys(members).length ? members : undefined;
}

/** DPD fields of tunnels made before DPD: -1 and "" are answers no input takes. */
function dpdInput(field: string, value: unknown, notes: FieldNote[]): unknown {
  if (field === 'DpdEnable' && Number(value) === -1) {
    notes.push({
      path: [],
      text: {
        en: 'the service answers DpdEnable -1 (DPD never set on this tunnel); left out: default 0',
        zh: '服务返回 DpdEnable -1（该通道从未设置 DPD）；此处省略，即默认值 0',
      },
    });
    return undefined;
  }
  if (field === 'DpdTimeout' && typeof value === 'number') {
    notes.push({
      path: [field],
      text: {
        en: `answered as the number ${value}; the input is a string`,
        zh: `服务返回数字 ${value}；输入参数为字符串`,
      },
    });
    return String(value);
  }
  return value;
}

/** One field of the answer in input form (undefined: left out). */
function fieldInput(field: string, tunnel: VpnConnectionSummary, notes: FieldNote[]): unknown {
  const answerName = ANSWER_NAMES[field] ?? field;
  const answered = tunnel[answerName];
  if (isEmpty(answered)) return undefined;
  if (answerName !== field)
    notes.push({
      path: [field],
      text: {
        en: `answered as ${answerName}; the input is ${field}`,
        zh: `服务返回的是 ${answerName}；输入参数为 ${field}`,
      },
    });
  if (OBJECT_FIELDS.includes(field)) return isRecord(answered) ? objectInput(field, answered, notes) : undefined;
  const value = dpdInput(field, answered, notes);
  const fallback = defaultOf(field);
  return value === undefined || (fallback !== undefined && sameValue(value, fallback)) ? undefined : value;
}

/** The live tunnel as create/modify input: every create field it holds, defaults left out, with the notes. */
export function inputFormOf(tunnel: VpnConnectionSummary): InputForm {
  const notes: FieldNote[] = [];
  const params: Params = {};
  for (const field of CREATE_FIELDS) {
    const value = fieldInput(field, tunnel, notes);
    if (value !== undefined) params[field] = value;
  }
  // With the health check off the service still answers its addresses (and settings); no input sets them then, so
  // they are left out (a file holding them would only be warned that they are ignored: health-check-disabled).
  if (params.EnableHealthCheck !== true)
    for (const field of HEALTH_CHECK_SETTINGS)
      if (field in params) {
        delete params[field];
        notes.push({
          path: [],
          text: {
            en: `the health check is off: the answered ${field} is left out (it applies only with EnableHealthCheck: true)`,
            zh: `健康检查未开启：返回的 ${field} 已省略（仅在 EnableHealthCheck 为 true 时生效）`,
          },
        });
      }
  // A note on a field left out has nowhere to go in the file but its head.
  return {
    params,
    notes: notes.map((note) => (note.path.length && !(note.path[0] in params) ? { ...note, path: [] } : note)),
  };
}
