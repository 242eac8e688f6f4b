/**
 * Import: a live tunnel as a tunnel file (`tcvpn import`, the editor's "Open as File"). Reads the tunnel
 * (live.ts), takes its input form (inputForm.ts) and renders it in the asked format (render.ts), without the
 * pre-shared key unless asked.
 */
import type { Lang } from '../../language';
import type { VpcClient } from '../tcClient';
import { fetchLiveTunnel, type LiveTunnel } from './live';
import { renderTunnelFile, type RenderedFile } from './render';

export interface ImportOptions {
  format: 'yaml' | 'json';
  includePsk: boolean;
  /** The import's time, for the file's head comment (default now). */
  now?: Date;
  /** The language of the file's notes (default en). */
  lang?: Lang;
}

/** The file of a live tunnel, and the tunnel it was made from. */
export interface ImportedTunnel extends RenderedFile {
  live: LiveTunnel;
}

/** Reads tunnel `id` in `region` and renders it; throws TunnelNotFoundError or the read's API error. */
export async function importTunnel(
  client: VpcClient,
  region: string,
  id: string,
  options: ImportOptions,
): Promise<ImportedTunnel> {
  const live = await fetchLiveTunnel(client, region, id);
  const at = (options.now ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z');
  const rendered = renderTunnelFile(live.form, {
    format: options.format,
    vpnConnectionId: id,
    region,
    includePsk: options.includePsk,
    lang: options.lang,
    heading: `Imported from ${id} (${region}) at ${at} by tcvpn import: this file is the tunnel; tcvpn plan compares it with the live one.`,
  });
  return { ...rendered, live };
}
