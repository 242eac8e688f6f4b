/**
 * The LSP test client's public surface, so a user imports it from one place: the client, how to start a server,
 * the helpers for waiting on diagnostics, and the framing of raw stdin bytes.
 */
export { DeadlineError, withDeadline } from './deadline';
export { fromVersion, type DiagnosticsCheck, type PublishedDiagnostics } from './diagnosticsLog';
export { SERVER_COMMAND, startOurServer } from './ourServer';
export { frame, frameAll } from './rawInput';
export { ServerProcess, type ExitStatus, type ServerCommand } from './serverProcess';
export { EDITOR_CAPABILITIES, type SettingsBySection, type StartOptions } from './startOptions';
export { LspTestClient } from './testClient';
