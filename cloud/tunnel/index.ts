/**
 * The tunnel-lifecycle library (issue 16): a file is the tunnel. Import a live tunnel as a file, plan a file against
 * its live tunnel, apply the in-place changes, delete and reset, all through the shared records. No VS Code and no
 * CLI here: the extension and `tcvpn` (cli/tunnel*.ts) are its two hosts, and differ only in how they ask for a
 * confirmation and show the result.
 */
export { applyTunnelPlan, modifyParamsOf, NeedsNewTunnelError } from './apply';
export { changesBetween, valueToSend, type FieldChange } from './diff';
export { CREATE_FIELDS, TUNNEL_ID_FIELD, type ChangeKind } from './fields';
export { importTunnel, type ImportedTunnel, type ImportOptions } from './importTunnel';
export { inputFormOf, type FieldNote, type InputForm } from './inputForm';
export { fetchLiveTunnel, TunnelNotFoundError, type LiveTunnel } from './live';
export { runTunnelOperation, TUNNEL_OPERATIONS, type TunnelOperation } from './operations';
export { planLines, tunnelLine } from './planText';
export { renderTunnelFile, SCHEMA_REF, type RenderedFile, type RenderOptions } from './render';
export type { SendOptions, TunnelAction } from './send';
export { readTunnelFile, type ReadTunnelFile } from './tunnelFile';
export { maskTopLevelKey, topLevelString, type TopLevelString } from './fileFacts';
export { planTunnel, summaryOf, type TunnelPlan, type TunnelSummary } from './tunnelPlan';
