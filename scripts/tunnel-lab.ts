/**
 * `npm run tunnel-lab -- FILE [--vendor strongswan] [--cloud-file FILE] [--lang en|zh] [--show-config] [--show-logs]`:
 * brings the file's tunnel up on this machine between a modelled Tencent gateway and the peer configuration
 * the generator writes for the file (lab/), in two network namespaces, and prints the SAs, the pings, the
 * diagnosis of a failed handshake and the timings. Linux, root and strongSwan (see lab/environment.ts) needed.
 * `--cloud-file` builds the Tencent side from another file, to see how a mismatch is explained.
 * Exit: 0 tunnel up and every ping as expected, 1 it is not, 2 the lab could not run.
 */
import { parseArgs } from 'node:util';
import type { Lang } from '../language';
import {
  LAB_PACKAGES,
  LabSetupError,
  generatedPeerConfig,
  labUnavailableReason,
  readLabFile,
  runTunnelLab,
} from '../lab';
import { reportText } from '../lab/report';

const USAGE =
  'usage: npm run tunnel-lab -- FILE [--vendor strongswan] [--cloud-file FILE] [--lang en|zh] [--show-config] [--show-logs]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        vendor: { type: 'string', default: 'strongswan' },
        'cloud-file': { type: 'string' },
        lang: { type: 'string' },
        'show-config': { type: 'boolean', default: false },
        'show-logs': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
}

function paramsOf(path: string): Record<string, unknown> {
  const file = readLabFile(path);
  if (!file.params) return fail(file.problems.join('\n'));
  return file.params;
}

async function main(): Promise<void> {
  const { values, positionals } = parse();
  if (positionals.length !== 1) fail(USAGE);
  if (values.vendor !== 'strongswan')
    fail(
      `the tunnel lab runs strongSwan only (this machine has no other IKE implementation): --vendor ${values.vendor}`,
    );
  const lang: Lang = (values.lang ?? process.env.LANG ?? '').startsWith('zh') ? 'zh' : 'en';
  const unavailable = await labUnavailableReason();
  if (unavailable)
    fail(
      `${unavailable}\nDebian/Ubuntu, as root: apt-get install -y --no-install-recommends ${LAB_PACKAGES.join(' ')}`,
    );
  const peerParams = paramsOf(positionals[0]);
  const cloudParams = values['cloud-file'] ? paramsOf(values['cloud-file']) : undefined;
  try {
    const result = await runTunnelLab(peerParams, { peerConfig: generatedPeerConfig('strongswan'), cloudParams });
    if (values['show-config'])
      console.log(`--- cloud swanctl.conf\n${result.configs.cloud}\n--- peer swanctl.conf\n${result.configs.peer}`);
    if (values['show-logs']) console.log(`--- cloud log\n${result.logs.cloud}\n--- peer log\n${result.logs.peer}`);
    console.log(reportText(result, lang));
    process.exitCode = result.established && result.probes.every((probe) => probe.asExpected) ? 0 : 1;
  } catch (error) {
    if (error instanceof LabSetupError) fail(`the lab cannot run this file:\n  ${error.problems.join('\n  ')}`);
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
