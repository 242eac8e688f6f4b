/**
 * Where the repository is and which folders hold its programs, for the tests and scripts that walk the tree
 * (the build-freshness check, the layering test). A new program folder is added here once.
 */
import * as path from 'node:path';

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The folders of the shipped programs and the library they share (see ARCHITECTURE.md). */
export const PROGRAM_FOLDERS: readonly string[] = [
  'client',
  'server',
  'language',
  'protocol',
  'cloud',
  'peer',
  'cli',
  'emulator',
];
