/**
 * The server's view of the user's settings. They come from initializationOptions, from
 * workspace/didChangeConfiguration payloads and, when the client supports it, from workspace/configuration;
 * a client that sends nothing gets the defaults, so the server also works outside VS Code.
 */
import type { Lang } from '../language/types';
import { DEFAULT_SERVER_SETTINGS, SETTINGS_SECTION, type ServerSettings } from '../protocol/settings';

/** Reads our settings from a `tencentcloudVpn` section object, nested (`files.include`) or flat (`files.include` keys). */
export function settingsFromSection(section: unknown): ServerSettings {
  const raw = (section && typeof section === 'object' ? section : {}) as Record<string, unknown>;
  const nested = (group: string, key: string) =>
    (raw[group] as Record<string, unknown> | undefined)?.[key] ?? raw[`${group}.${key}`];
  const docLanguage = raw.docLanguage === 'zh' || raw.docLanguage === 'en' ? raw.docLanguage : 'auto';
  return {
    docLanguage,
    filesInclude: stringList(nested('files', 'include')),
    disabledRules: stringList(nested('validation', 'disabledRules')),
    peerVendor: typeof raw.peerVendor === 'string' ? raw.peerVendor : '',
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The `tencentcloudVpn` section inside a settings payload that may or may not be wrapped in it. */
export function sectionOf(payload: unknown): unknown {
  if (!payload || typeof payload !== 'object') return undefined;
  const record = payload as Record<string, unknown>;
  return SETTINGS_SECTION in record ? record[SETTINGS_SECTION] : record;
}

/**
 * Settings from InitializationOptions (protocol/initialization.ts): `{ settings: {...} }`, `{ tencentcloudVpn: {...} }`
 * or the section itself. Takes `unknown`: whatever the contract says, the values come from any client.
 */
export function settingsFromInitOptions(options: unknown): ServerSettings {
  const record = (options && typeof options === 'object' ? options : {}) as Record<string, unknown>;
  const section = record.settings !== undefined ? sectionOf(record.settings) : sectionOf(record);
  return section ? settingsFromSection(section) : { ...DEFAULT_SERVER_SETTINGS };
}

/** The documentation language: the setting when forced, else the client's locale (zh* -> zh, anything else -> en). */
export function effectiveLang(settings: ServerSettings, clientLocale: string | undefined): Lang {
  if (settings.docLanguage !== 'auto') return settings.docLanguage;
  return clientLocale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
