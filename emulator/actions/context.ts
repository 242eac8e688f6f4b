/**
 * What an action handler gets and returns. Handlers are synchronous and know nothing of HTTP: they read and change
 * the store, start tasks, and either return the Response fields (RequestId is added by the pipeline) or throw an
 * ApiError.
 */
import type { FaultController } from '../faults';
import type { EmulatorStore } from '../store';
import type { TaskRunner } from '../tasks';
import type { Regional } from '../types';

export type Params = Record<string, unknown>;

export interface ActionContext {
  region: string;
  /** This request's RequestId: the TaskId of the async task it starts, if any. */
  requestId: string;
  params: Params;
  store: EmulatorStore;
  tasks: TaskRunner;
  faults: FaultController;
  now: () => Date;
}

export type ActionHandler = (context: ActionContext) => Params;

/** A stored resource as the API returns it: without the emulator's Region bookkeeping field. */
export function publicView(resource: Regional): Params {
  const { Region: _region, ...fields } = resource;
  return fields;
}
