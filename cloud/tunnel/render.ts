/**
 * Writes a tunnel's input form as a tunnel file, in the user's format: YAML (through the `yaml` library, with the
 * notes as comments on the keys they concern) or JSON (2-space, which has no comments: the notes are returned for
 * the host to show, and `tcvpn import` prints them on stderr). The file starts with `$schema` (so a plain .json or
 * .yaml file opts in to the editor's checks), then `VpnConnectionId` and `Region` (what names the tunnel), then
 * the create inputs in the schema's order. The pre-shared key is written only when asked; otherwise the file says
 * (YAML: a comment; JSON: the returned notes) that it is kept on the service, and plan and apply leave it alone.
 */
import { Document, isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Lang, Localized } from '../../language';
import { TUNNEL_ID_FIELD } from './fields';
import type { InputForm } from './inputForm';

export const SCHEMA_REF = 'tencentcloud-vpn://schemas/CreateVpnConnection.schema.json';

/** The note a file without the pre-shared key carries. */
export const PSK_KEPT_NOTE: Localized = {
  en: 'PreShareKey is kept on the service and not written here (tcvpn import --include-psk writes it); plan and apply leave it alone while the file has none.',
  zh: 'PreShareKey 保留在服务端，未写入本文件（tcvpn import --include-psk 会写入）；文件中没有它时，plan 与 apply 不会改动它。',
};

export interface RenderOptions {
  format: 'yaml' | 'json';
  vpnConnectionId: string;
  region: string;
  /** Write the pre-shared key (the user asked: --include-psk). */
  includePsk: boolean;
  /** The first line of the file's head comment (YAML), e.g. where and when it was imported. */
  heading?: string;
  /** The language of the notes (default en). */
  lang?: Lang;
}

/** A rendered file: its text and the notes a JSON file could not hold (every note, for JSON). */
export interface RenderedFile {
  text: string;
  notes: string[];
}

/** The file's value: $schema, the tunnel's id and region, then its inputs (without the PSK unless asked). */
export function fileValueOf(form: InputForm, options: Omit<RenderOptions, 'format'>): Record<string, unknown> {
  const params = Object.entries(form.params).filter(([key]) => options.includePsk || key !== 'PreShareKey');
  return {
    $schema: SCHEMA_REF,
    [TUNNEL_ID_FIELD]: options.vpnConnectionId,
    Region: options.region,
    ...Object.fromEntries(params),
  };
}

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

/** The pair of `path` in a YAML map, if there is one. */
function pairAt(map: YAMLMap, path: readonly string[]): Pair | undefined {
  const pair = map.items.find((item) => keyOf(item) === path[0]);
  if (!pair || path.length === 1) return pair;
  return isMap(pair.value) ? pairAt(pair.value, path.slice(1)) : undefined;
}

/** A note in one language, on a key path. */
interface KeyNote {
  path: string[];
  text: string;
}

function noteLines(form: InputForm, options: RenderOptions): { head: string[]; keyed: KeyNote[] } {
  const pskKept = !options.includePsk || form.params.PreShareKey === undefined;
  const lang = options.lang ?? 'en';
  const head = [
    ...(options.heading ? [options.heading] : []),
    ...(pskKept ? [PSK_KEPT_NOTE[lang]] : []),
    ...form.notes.filter((note) => !note.path.length).map((note) => note.text[lang]),
  ];
  const keyed = form.notes
    .filter((note) => note.path.length)
    .map((note) => ({ path: note.path, text: note.text[lang] }));
  return { head, keyed };
}

/** The YAML text, with the notes as comments. */
function yamlText(value: Record<string, unknown>, form: InputForm, options: RenderOptions): string {
  const doc = new Document(value);
  const { head, keyed } = noteLines(form, options);
  doc.commentBefore = head.map((line) => ` ${line}`).join('\n');
  for (const note of keyed) {
    const pair = doc.contents && isMap(doc.contents) ? pairAt(doc.contents, note.path) : undefined;
    if (pair && isScalar(pair.key)) (pair.key as Node).commentBefore = ` ${note.text}`;
  }
  return doc.toString({ lineWidth: 0 });
}

/** Renders a live tunnel's input form as a file in the asked format. */
export function renderTunnelFile(form: InputForm, options: RenderOptions): RenderedFile {
  const value = fileValueOf(form, options);
  if (options.format === 'json') {
    const { head, keyed } = noteLines(form, options);
    const notes = [
      ...head.slice(options.heading ? 1 : 0),
      ...keyed.map((note) => `${note.path.join('.')}: ${note.text}`),
    ];
    return { text: `${JSON.stringify(value, null, 2)}\n`, notes };
  }
  return { text: yamlText(value, form, options), notes: [] };
}
