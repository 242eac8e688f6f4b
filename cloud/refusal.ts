/**
 * The one error a submit raises when it refuses to send anything: the file is being submitted already (here, or
 * another process holds the tunnel's lock), or an unfinished record (of any process) is creating the same tunnel.
 */
import type { SubmissionRecord } from './submissionTypes';

/** Why a submit was refused before anything was sent. */
export class SubmitRefusedError extends Error {
  override name = 'SubmitRefusedError';
  constructor(
    message: string,
    readonly reason: 'inFlight' | 'stillRunning',
    /** The file (inFlight) or the running record's name (stillRunning). */
    readonly subject: string,
    /** The record that holds the tunnel (stillRunning). */
    readonly running?: SubmissionRecord,
  ) {
    super(message);
  }
}
