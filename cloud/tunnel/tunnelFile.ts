/**
 * Reads a tunnel file for plan and apply: the one pipeline's check (as `tcvpn submit` checks, silenced errors
 * still block), then its one document's parameters, the tunnel it names (`VpnConnectionId`; none: a tunnel to
 * create) and its `Region`. A file whose check has errors, or with several documents, is refused with every reason.
 */
import { checkSubmissionFile, type PlanFile, type PlanInput } from '../plan';
import { TUNNEL_ID_FIELD } from './fields';

type Params = Record<string, unknown>;

/** A tunnel file as plan and apply read it. */
export interface ReadTunnelFile {
  /** The create inputs: the document without the editor keys and without VpnConnectionId. */
  params: Params;
  /** The existing tunnel the file describes; undefined: the file describes a tunnel to create. */
  vpnConnectionId?: string;
  region?: string;
  name: string;
  /** Why the file cannot be planned (each a line); empty when it can. */
  problems: string[];
  /** Shown findings that do not block (warnings, hints). */
  notices: string[];
}

/** Checks and reads a tunnel file; never throws for what the file holds. */
export function readTunnelFile(file: PlanFile, options: PlanInput['check']): ReadTunnelFile {
  const checked = checkSubmissionFile(file, options, { allowTunnelId: true });
  const problems = [...checked.problems];
  if (checked.documents.length > 1)
    problems.push(`the file holds ${checked.documents.length} documents; plan and apply read a file of one tunnel`);
  const document = checked.documents[0];
  const { [TUNNEL_ID_FIELD]: id, ...params } = document?.params ?? {};
  return {
    params,
    vpnConnectionId: typeof id === 'string' && id ? id : undefined,
    region: document?.region,
    name: document?.name ?? '',
    problems,
    notices: checked.notices,
  };
}
