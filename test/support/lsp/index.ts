/**
 * The LSP test client's public surface, so a user imports it from one place: the client, how to start a server,
 * and the helpers for waiting on diagnostics.
 */
export { DeadlineError } from './deadline';
export { fromVersion, type DiagnosticsCheck, type PublishedDiagnostics } from './diagnosticsLog';
export { SERVER_COMMAND, startOurServer } from './ourServer';
export type { ExitStatus, ServerCommand } from './serverProcess';
export { EDITOR_CAPABILITIES, type SettingsBySection, type StartOptions } from './startOptions';
export { LspTestClient } from './testClient';
