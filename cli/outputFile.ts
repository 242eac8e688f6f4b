/**
 * Where a command's output goes, one rule for `tcvpn import`, `export` and `peer-config`: standard output without
 * --out; else the file, never over an existing one unless --force, and readable by its owner only when it holds
 * the pre-shared key — an overwritten file too (its mode is set before the key is written: a mode given to open
 * applies only to a file it creates).
 */
import * as fs from 'node:fs';
import { UsageError } from './cloudArgs';

export interface OutputTarget {
  /** --out, or undefined for standard output. */
  out?: string;
  /** --force: an existing --out file may be replaced. */
  force: boolean;
  /** The text holds the pre-shared key (--include-psk). */
  secret: boolean;
}

/** UsageError when --out names an existing file and --force was not given: checked before any work is done. */
export function refuseExisting({ out, force }: OutputTarget, whatNot = 'nothing was written'): void {
  if (out !== undefined && !force && fs.existsSync(out))
    throw new UsageError(`${out} exists: --force overwrites it\n${whatNot}`);
}

/** Writes the text where the target says. */
export function writeOutput(target: OutputTarget, text: string): void {
  if (target.out === undefined) return void process.stdout.write(text);
  refuseExisting(target);
  const fd = fs.openSync(target.out, target.force ? 'w' : 'wx', target.secret ? 0o600 : 0o666);
  try {
    if (target.secret) fs.fchmodSync(fd, 0o600);
    fs.writeSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
}
