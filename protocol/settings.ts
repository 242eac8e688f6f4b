/**
 * Every setting id of the extension, in one place: the client reads them, the server receives them through
 * workspace/configuration, and a test checks that package.json `contributes.configuration` declares exactly these.
 */
/** The section every setting id starts with; the server asks for it by this name in workspace/configuration. */
export const SETTINGS_SECTION = 'tencentcloudVpn';

/** Each setting id, by the name the code uses for it. */
export const Settings = {
  /** "auto" (follow VS Code's display language), "zh" or "en": language of hovers and diagnostics. */
  docLanguage: 'tencentcloudVpn.docLanguage',
  /** Glob patterns of other JSON/YAML files to treat as VPN connection files. */
  filesInclude: 'tencentcloudVpn.files.include',
  /** Rule ids (or API error codes) to silence in every file. */
  disabledRules: 'tencentcloudVpn.validation.disabledRules',
  /** Region used when a file has no "Region" key; empty = the tccli profile's, else ap-guangzhou. */
  region: 'tencentcloudVpn.region',
  /** API endpoint host (or URL); default vpc.tencentcloudapi.com. */
  endpoint: 'tencentcloudVpn.endpoint',
  /** Where credentials come from: auto, secretStorage, environment or tccliProfile. */
  credentialSource: 'tencentcloudVpn.credentialSource',
  /** tccli profile name, default "default". */
  tccliProfile: 'tencentcloudVpn.tccliProfile',
  /** Language of API error messages: "auto" (follow the display language, the default), zh-CN or en-US. */
  requestLanguage: 'tencentcloudVpn.requestLanguage',
  /** Request timeout in seconds. */
  requestTimeout: 'tencentcloudVpn.requestTimeout',
  /** "yaml" or "json": the format of the file "Open as File" makes from an existing tunnel. */
  importFormat: 'tencentcloudVpn.importFormat',
  /** The customer gateway's device (a peer-config vendor id, empty = none): its limits are shown as warnings. */
  peerVendor: 'tencentcloudVpn.peerVendor',
} as const;

/** The settings the language server uses, with the defaults a client that sends none gets. */
export interface ServerSettings {
  docLanguage: 'auto' | 'zh' | 'en';
  filesInclude: string[];
  disabledRules: string[];
  /** A peer-config vendor id, or "" for none; a `# tcvpn-peer:` comment in a file wins. */
  peerVendor: string;
}

/** What the server uses until (or unless) a client sends settings. */
export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  docLanguage: 'auto',
  filesInclude: [],
  disabledRules: [],
  peerVendor: '',
};

/**
 * The `tencentcloudVpn` section as clients send it (workspace/configuration answers, didChangeConfiguration
 * payloads, initializationOptions): keys nested as VS Code sends them (`files: { include }`) or dotted
 * (`'files.include'`), as some editors' settings files write them. Every key is optional.
 */
export interface SettingsSection {
  docLanguage?: ServerSettings['docLanguage'];
  files?: { include?: string[] };
  validation?: { disabledRules?: string[] };
  peerVendor?: string;
  'files.include'?: string[];
  'validation.disabledRules'?: string[];
}
