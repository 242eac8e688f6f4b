/**
 * Which documents are ours and in which syntax. A file named `*.vpnconn.json`, `*.vpnconn.yaml` or `*.vpnconn.yml`
 * always is, whatever language id the client sends, and its name decides the syntax; so are our own languages.
 * Plain json/jsonc/yaml files opt in by naming our schema (a `$schema` key or a yaml-language-server modeline) or
 * by matching a user glob.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';

export type LanguageKind = 'json' | 'yaml';

const KIND_BY_LANGUAGE: Record<string, LanguageKind> = {
  'tencentcloud-vpn-json': 'json',
  json: 'json',
  jsonc: 'json',
  'tencentcloud-vpn-yaml': 'yaml',
  yaml: 'yaml',
};
const OWN_LANGUAGES = new Set(['tencentcloud-vpn-json', 'tencentcloud-vpn-yaml']);
const OWN_LANGUAGE_OF_KIND: Record<LanguageKind, string> = {
  json: 'tencentcloud-vpn-json',
  yaml: 'tencentcloud-vpn-yaml',
};
/** Our file names, as the extension's `filenamePatterns` and `tcvpn validate` know them. */
const OWN_FILE_NAME = /\.vpnconn\.(json|ya?ml)$/i;

/** JSON or YAML for a language id we handle, else undefined. */
export function languageKindOf(languageId: string): LanguageKind | undefined {
  return KIND_BY_LANGUAGE[languageId];
}

/** JSON or YAML for one of our file names (`…/x.vpnconn.yaml`), else undefined. */
export function fileKindOf(uri: string): LanguageKind | undefined {
  const extension = OWN_FILE_NAME.exec(pathOfUri(uri))?.[1];
  if (!extension) return undefined;
  return extension.toLowerCase() === 'json' ? 'json' : 'yaml';
}

/**
 * The syntax of a document: its file name's for one of our names, else its language id's; undefined when neither
 * is one we read.
 */
export function documentKindOf(doc: Pick<TextDocument, 'uri' | 'languageId'>): LanguageKind | undefined {
  return fileKindOf(doc.uri) ?? languageKindOf(doc.languageId);
}

/**
 * The language id to keep a document under: our own language of the syntax its name says for one of our file
 * names (so every reader of the language id agrees with the name), else the id the client sent.
 */
export function effectiveLanguageId(uri: string, languageId: string): string {
  const kind = fileKindOf(uri);
  return kind ? OWN_LANGUAGE_OF_KIND[kind] : languageId;
}

// A schema reference names ours by its id scheme or by a path ending in "<Action>.schema.json".
const SCHEMA_REF =
  /(?:tencentcloud-vpn:\/\/schemas\/|[\\/]|^)(CreateVpnConnection|ModifyVpnConnectionAttribute|DeleteVpnConnection|ResetVpnConnection)\.schema\.json$/;
const JSON_SCHEMA_KEY = /"\$schema"\s*:\s*"([^"]*)"/;
const YAML_MODELINE = /^#\s*yaml-language-server\s*:\s*\$schema=(\S+)/m;
const YAML_SCHEMA_KEY = /^["']?\$schema["']?\s*:\s*["']?([^"'\s#]+)/m;
/** Only the head of a file is searched, so opting in costs nothing on large files. */
const HEAD_LENGTH = 4096;

/** The schema reference a document declares for itself, if any. */
export function declaredSchema(text: string, kind: LanguageKind): string | undefined {
  const head = text.slice(0, HEAD_LENGTH);
  const match = kind === 'json' ? JSON_SCHEMA_KEY.exec(head) : (YAML_MODELINE.exec(head) ?? YAML_SCHEMA_KEY.exec(head));
  return match?.[1];
}

/** The action named by a schema reference such as "tencentcloud-vpn://schemas/CreateVpnConnection.schema.json". */
export function actionOfSchemaRef(ref: string | undefined): string | undefined {
  return ref ? SCHEMA_REF.exec(ref)?.[1] : undefined;
}

/**
 * True when the document is a VPN connection file: one of our file names (any language id), one of our languages,
 * or a json/jsonc/yaml document that names our schema or whose path matches one of the `filesInclude` globs.
 */
export function isVpnConnectionDocument(doc: TextDocument, filesInclude: readonly string[] = []): boolean {
  if (fileKindOf(doc.uri) || OWN_LANGUAGES.has(doc.languageId)) return true;
  const kind = languageKindOf(doc.languageId);
  if (!kind) return false;
  if (actionOfSchemaRef(declaredSchema(doc.getText(), kind))) return true;
  const path = pathOfUri(doc.uri);
  return filesInclude.some((glob) => globToRegExp(glob).test(path));
}

function pathOfUri(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/**
 * A glob as a regular expression: `**` crosses folders, `*` and `?` do not, `{a,b}` picks one. A glob without a
 * slash matches the file name anywhere, as in VS Code's files.associations.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{' || (c === '}' && braces > 0)) {
      source += c === '{' ? '(?:' : ')';
      braces += c === '{' ? 1 : -1;
    } else if (c === ',' && braces > 0) source += '|';
    else source += c.replace(/[.+^$(){}|[\]\\]/g, '\\$&');
  }
  return new RegExp(glob.includes('/') ? `(?:^|/)${source.replace(/^\\?\//, '')}$` : `(?:^|/)${source}$`);
}
