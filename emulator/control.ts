/**
 * The control endpoints for out-of-process users (the CLI's emulator, scripts, other test runners). They are not
 * part of the VPC API, take no signature (the server listens on 127.0.0.1 only) and answer plain JSON:
 *   POST   /__emulator/faults   a FaultSpec or an array of them -> { faults }
 *   GET    /__emulator/faults   -> { faults }
 *   DELETE /__emulator/faults   -> { faults: [] }
 *   GET    /__emulator/state    -> { connections (pre-shared keys masked), tasks, faults, requests }
 *   POST   /__emulator/reset    back to the seed -> { ok: true }
 */
import type { EmulatorCore } from './requestPipeline';

export const CONTROL_PREFIX = '/__emulator/';

/** An HTTP status and a JSON body. */
export interface ControlAnswer {
  status: number;
  body: unknown;
}

function injectFaults(core: EmulatorCore, body: Buffer): ControlAnswer {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8') || 'null');
    const specs = Array.isArray(parsed) ? parsed : [parsed];
    for (const spec of specs) core.faults.inject(spec);
    return { status: 200, body: { faults: core.faults.list() } };
  } catch (error) {
    return { status: 400, body: { error: (error as Error).message } };
  }
}

/** Answers one control request; `reset` restores the whole emulator. */
export function handleControl(
  core: EmulatorCore,
  method: string,
  path: string,
  body: Buffer,
  reset: () => void,
): ControlAnswer {
  const route = `${method} ${path.slice(CONTROL_PREFIX.length).replace(/\/$/, '')}`;
  switch (route) {
    case 'POST faults':
      return injectFaults(core, body);
    case 'GET faults':
      return { status: 200, body: { faults: core.faults.list() } };
    case 'DELETE faults':
      core.faults.clear();
      return { status: 200, body: { faults: [] } };
    case 'GET state':
      return { status: 200, body: { ...core.store.snapshot(), faults: core.faults.list(), requests: core.requests } };
    case 'POST reset':
      reset();
      return { status: 200, body: { ok: true } };
    default:
      return { status: 404, body: { error: `no control endpoint ${method} ${path}` } };
  }
}
