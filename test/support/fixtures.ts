/**
 * The shared VPN connection fixtures: the official CreateVpnConnection request example (from the copied API
 * reference), a medium file with 500 security-policy entries and a ~1 MB one, in JSON and YAML. The two small
 * ones are committed under test/fixtures; the large one is generated on demand (see writeFixtureFiles).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify as yamlStringify } from 'yaml';

export const FIXTURE_DIR = join(__dirname, '..', 'fixtures');
export type FixtureSize = 'typical' | 'medium' | 'large';
export type FixtureKind = 'json' | 'yaml';

/** SPD entries per size; 7000 entries make the pretty-printed JSON about 1 MB. */
export const SPD_ENTRIES: Record<FixtureSize, number> = { typical: 1, medium: 500, large: 7000 };

/** The official example's shape, as far as tests read into it (its nested option objects are plain records). */
export type OfficialExample = Record<string, unknown> & {
  IKEOptionsSpecification: Record<string, unknown>;
  IPSECOptionsSpecification: Record<string, unknown>;
};

/** The official request example of CreateVpnConnection: the JSON body after the HTTP headers. */
export function officialExample(): OfficialExample {
  const spec = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'schemas', 'source', 'vpc-2017-03-12.vpn.json'), 'utf8'),
  );
  const input: string = spec.actions.CreateVpnConnection.examples[0].input;
  return JSON.parse(input.slice(input.indexOf('\n\n') + 2));
}

/** The official example with `count` distinct, non-overlapping security-policy entries. */
export function exampleWithSpd(count: number): Record<string, unknown> {
  const value = officialExample();
  if (count <= 1) return value;
  value.SecurityPolicyDatabases = Array.from({ length: count }, (_, i) => ({
    LocalCidrBlock: `10.${(i >> 8) & 255}.${i & 255}.0/24`,
    RemoteCidrBlock: [
      `172.${16 + (i >> 12)}.${(i >> 4) & 255}.${(i & 15) << 4}/28`,
      `100.${64 + (i >> 14)}.${(i >> 6) & 255}.${(i & 63) << 2}/30`,
    ],
  }));
  return value;
}

/** The text of a value in one language, as a person would write it (2-space indentation). */
export function render(value: unknown, kind: FixtureKind): string {
  return kind === 'json' ? `${JSON.stringify(value, null, 2)}\n` : yamlStringify(value, { lineWidth: 0 });
}

export function fixtureName(size: FixtureSize, kind: FixtureKind): string {
  const base = { typical: 'official-example', medium: 'medium-500-spd', large: 'large-1mb' }[size];
  return `${base}.vpnconn.${kind}`;
}

/** A fixture's text: from test/fixtures for the committed ones, generated for the large one. */
export function fixtureText(size: FixtureSize, kind: FixtureKind): string {
  if (size === 'large') return render(exampleWithSpd(SPD_ENTRIES.large), kind);
  return readFileSync(join(FIXTURE_DIR, fixtureName(size, kind)), 'utf8');
}

/**
 * The minified variant: the example with enough SPD entries that the JSON, written on one line with no whitespace
 * as a minifier or `JSON.stringify` writes it, is about 1 MB, as large as the pretty-printed large fixture.
 */
export const MINIFIED_SPD_ENTRIES = 10800;

export function minifiedFixtureName(): string {
  return 'minified-1mb.vpnconn.json';
}

/** The minified ~1 MB JSON fixture, generated on demand like the large one (one line, no trailing newline). */
export function minifiedFixtureText(): string {
  return JSON.stringify(exampleWithSpd(MINIFIED_SPD_ENTRIES));
}

/** Regenerates the committed fixtures: `npx tsx test/support/fixtures.ts`. */
export function writeFixtureFiles(): void {
  for (const kind of ['json', 'yaml'] as const) {
    for (const size of ['typical', 'medium'] as const)
      writeFileSync(join(FIXTURE_DIR, fixtureName(size, kind)), render(exampleWithSpd(SPD_ENTRIES[size]), kind));
  }
}

if (require.main === module) writeFixtureFiles();
