/**
 * "Did you mean": the closest known word to a mistyped one, when it is close enough to be the user's intent. For
 * enum values there is a step before the edit distance: algorithm names written the way other vendors write them
 * (strongSwan's `aes256gcm16` and `modp2048`, Cisco's `group14`, `sha-1`) are read as the algorithm they name and
 * matched onto the one allowed value that names the same algorithm (Tencent's `AES256GCM128`, `GROUP14`, `SHA`).
 */

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The one candidate the word most likely meant: equal ignoring case (or "-"/"_"), else the single nearest
 * within a small distance. Undefined when nothing is close or two candidates are equally close.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const folded = fold(word);
  const sameFolded = candidates.filter((candidate) => fold(candidate) === folded);
  if (sameFolded.length === 1) return sameFolded[0];
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const candidate of candidates) {
    const distance = editDistance(folded, fold(candidate), limit);
    if (distance < bestDistance) [best, bestDistance, tie] = [candidate, distance, false];
    else if (distance === bestDistance) tie = true;
  }
  return best && !tie ? best : undefined;
}

/**
 * The allowed value a mistyped enum value meant. Equal ignoring case and separators wins; then a value that names
 * a known algorithm gets the allowed value naming the same algorithm, or nothing when none does (an edit-distance
 * guess between `SHA-224` and `SHA-256` would change the algorithm); anything else goes to `closestMatch`.
 */
export function closestValue(word: string, allowed: readonly string[]): string | undefined {
  const folded = fold(word);
  const sameFolded = allowed.filter((candidate) => fold(candidate) === folded);
  if (sameFolded.length === 1) return sameFolded[0];
  const algorithm = algorithmOf(word);
  if (algorithm === undefined) return closestMatch(word, allowed);
  const same = allowed.filter((candidate) => algorithmOf(candidate) === algorithm);
  return same.length === 1 ? same[0] : undefined;
}

function fold(word: string): string {
  return word.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * The algorithm a name stands for, as one canonical token ("aes-256-gcm", "sha1", "dh14", "3des"), whoever's
 * spelling it is; undefined for a word that names no algorithm this knows.
 */
export function algorithmOf(word: string): string | undefined {
  const name = word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return dhGroupOf(name) ?? hashOf(name) ?? cipherOf(name);
}

/** RFC 3526 / RFC 5903 / RFC 5114 group sizes by the names strongSwan and others use for them. */
const DH_GROUP_BY_NAME: Record<string, number> = {
  modp768: 1,
  modp1024: 2,
  modp1536: 5,
  modp2048: 14,
  modp3072: 15,
  modp4096: 16,
  modp6144: 17,
  modp8192: 18,
  modp1024s160: 22,
  modp2048s224: 23,
  modp2048s256: 24,
  ecp256: 19,
  ecp384: 20,
  ecp521: 21,
  ecp192: 25,
  ecp224: 26,
};

/** "dh14" for GROUP14, DH-GROUP14, dh-group-14, group14, DH14, 14, modp2048; "null" for no PFS. */
function dhGroupOf(name: string): string | undefined {
  const numbered = /^(?:(?:dh-?|pfs-?)?(?:group|grp)|dh|pfs)?-?(\d{1,2})$/.exec(name);
  if (numbered) return `dh${Number(numbered[1])}`;
  const group = DH_GROUP_BY_NAME[name.replace(/-/g, '')];
  if (group !== undefined) return `dh${group}`;
  return /^(?:null|none|no-?pfs|disabled?)$/.test(name) ? 'null' : undefined;
}

/** "sha1" for SHA, SHA1, sha-1, hmac-sha1-96; "sha256" for SHA-256, sha2-256, sha256-128; md5, sm3 likewise. */
function hashOf(name: string): string | undefined {
  const core = (text: string) => {
    if (/^(?:md5|sm3)$/.test(text)) return text;
    if (/^sha(?:-?1)?$/.test(text)) return 'sha1';
    const sized = /^sha-?(?:2-?)?(224|256|384|512)$/.exec(text);
    return sized ? `sha${sized[1]}` : undefined;
  };
  const bare = name.replace(/^hmac-?/, '');
  return core(name) ?? core(bare) ?? core(bare.replace(/-(?:96|128|160|192|256)$/, ''));
}

/**
 * "aes-256-gcm" for AES256GCM128, AES-GCM-256, aes256gcm, aes256gcm16, AES256-GCM; "aes-128-cbc" for AES-CBC-128,
 * AES-128, aes128, AES128-CBC; "3des" for 3DES, 3DES-CBC, des3; "des", "sm4" and "null" likewise. A GCM tag other
 * than 128 bits (16 bytes) is a different algorithm.
 */
function cipherOf(name: string): string | undefined {
  if (/^(?:3-?des|des-?3|triple-?des|des-?ede-?3?)(?:-cbc)?$/.test(name)) return '3des';
  if (/^(?:des|sm4)(?:-cbc)?$/.test(name)) return name.replace(/-cbc$/, '');
  if (/^(?:null|none|enc-?null)$/.test(name)) return 'null';
  const aes = /^aes(?:(cbc|gcm|ctr|ccm)(128|192|256)|(128|192|256)(cbc|gcm|ctr|ccm)?)(\d+)?$/.exec(
    name.replace(/-/g, ''),
  );
  if (!aes) return undefined;
  const [size, mode, tag] = [aes[2] ?? aes[3], aes[1] ?? aes[4] ?? 'cbc', aes[5]];
  if (tag === undefined || (mode === 'gcm' && (tag === '16' || tag === '128'))) return `aes-${size}-${mode}`;
  return `aes-${size}-${mode}-${tag}`;
}
