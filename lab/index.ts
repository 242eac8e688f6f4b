/**
 * The tunnel lab's entry: bring a file's tunnel up between a modelled Tencent gateway and the generated peer
 * configuration on real strongSwan daemons (runTunnelLab), check whether this machine can (labUnavailableReason),
 * and explain a failed handshake from the daemons' logs (diagnose, also for the CLI).
 */
export { runTunnelLab, LabSetupError, type LabResult, type LabRunOptions, type PeerConfigSource } from './run';
export { labUnavailableReason, LAB_PACKAGES } from './environment';
export { diagnose, type Diagnosis, type HandshakeLogs } from './diagnose';
export { generatedPeerConfig } from './peerSource';
export { readLabFile, type LabFile } from './labFile';
export type { Algorithms, IkeSa, ChildSa } from './negotiated';
