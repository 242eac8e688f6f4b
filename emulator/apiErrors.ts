/**
 * API errors as the service answers them: a dotted code and a message in the request's language
 * (X-TC-Language: zh-CN by default, en-US). Descriptions come from the copied reference data (the common codes and
 * each action's codes), so the emulator says what the real service says, plus a detail that helps debugging.
 */
import commonErrors from '../schemas/source/common-errors.json';
import spec from '../schemas/source/vpc-2017-03-12.vpn.json';

export type Language = 'zh' | 'en';
export type Detail = string | { zh: string; en: string };

interface Described {
  zh?: string | null;
  en?: string | null;
}

const descriptions = new Map<string, Described>();
for (const error of commonErrors.errors) descriptions.set(error.code, { zh: error.desc_zh, en: error.desc_en });
for (const action of Object.values(spec.actions) as {
  errors: { code: string; desc_zh: string | null; desc_en: string | null }[];
}[]) {
  for (const error of action.errors) {
    if (!descriptions.has(error.code)) descriptions.set(error.code, { zh: error.desc_zh, en: error.desc_en });
  }
}

/** An error the emulator answers with HTTP 200 and Response.Error, as the service does. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly detail?: Detail,
    /** Values for the `%(key)s` / `%(value)s` placeholders some of the service's descriptions carry. */
    readonly params: Record<string, string> = {},
  ) {
    super(`${code}${detail ? `: ${typeof detail === 'string' ? detail : detail.en}` : ''}`);
  }
}

/** The language a request asked for: en-US gives English, anything else the service's default, Chinese. */
export function languageOf(header: string | string[] | undefined): Language {
  return String(header ?? '').toLowerCase() === 'en-us' ? 'en' : 'zh';
}

/** The description of a code, falling back to its parent ("InvalidParameterValue.X" -> "InvalidParameterValue"). */
function describe(code: string, language: Language): string {
  for (let current = code; current; current = current.includes('.') ? current.slice(0, current.lastIndexOf('.')) : '') {
    const text = descriptions.get(current)?.[language] ?? descriptions.get(current)?.[language === 'zh' ? 'en' : 'zh'];
    if (text) return text;
  }
  return code;
}

/** The Message of an error in one language: the service's description, then the emulator's detail. */
export function messageOf(error: ApiError, language: Language): string {
  const base = describe(error.code, language).replace(
    /%\((\w+)\)s/g,
    (whole, name: string) => error.params[name] ?? whole,
  );
  if (!error.detail) return base;
  const detail = typeof error.detail === 'string' ? error.detail : error.detail[language];
  return language === 'zh' ? `${base}（${detail}）` : `${base} (${detail})`;
}

/** The body of an error response. */
export function errorBody(error: ApiError, language: Language, requestId: string): object {
  return { Response: { Error: { Code: error.code, Message: messageOf(error, language) }, RequestId: requestId } };
}

/** Turns anything thrown by a handler into an ApiError; unexpected exceptions become InternalError. */
export function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof ApiError) return thrown;
  return new ApiError('InternalError', thrown instanceof Error ? thrown.message : String(thrown));
}
