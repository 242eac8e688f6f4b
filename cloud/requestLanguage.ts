/**
 * The `Language` of API requests, which is also the language of the service's error messages: the user's choice
 * when set, else the user's own language (VS Code's display language in the extension, the shell's locale in
 * `tcvpn`), so an English UI never shows a Chinese API error next to English text.
 */
import type { RequestLanguage } from './tcClient';

/** The requestLanguage setting's values: "auto" (the default) follows the UI. */
export type RequestLanguageSetting = 'auto' | RequestLanguage;

/** The request language for a UI language tag ("zh-cn", "zh-TW", "en", "de", ...): zh-CN for any zh, else en-US. */
export function requestLanguageForUi(uiLanguage: string | undefined): RequestLanguage {
  return uiLanguage?.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

/** The setting when it names a language, else (auto, unset or anything unknown) the UI's. */
export function requestLanguageOf(setting: unknown, uiLanguage: string | undefined): RequestLanguage {
  return setting === 'zh-CN' || setting === 'en-US' ? setting : requestLanguageForUi(uiLanguage);
}
