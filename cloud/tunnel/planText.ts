/**
 * The text of a plan, as `tcvpn plan` prints it and a confirmation shows it (English or Chinese): the tunnel, one
 * line per changed field (the members of a changed object), how each is made, and a closing count. The pre-shared
 * key is always masked (the plan holds it masked already). The tunnel's line is the service's answer (its name as
 * a user typed it): made single-line, so a line break or control character in it cannot break a confirmation.
 */
import type { Lang } from '../../language';
import { singleLine } from '../export/singleLine';
import type { FieldChange } from './diff';
import { defaultOf } from './fields';
import type { TunnelPlan, TunnelSummary } from './tunnelPlan';

const WORDS = {
  en: {
    notSet: '(not set)',
    default: 'default',
    inPlace: 'in place',
    newTunnel: 'needs a new tunnel',
    tagApi: 'not by ModifyVpnConnectionAttribute: tags change through the Tag API',
    whole: 'the object is sent whole',
    tunnel: 'Tunnel',
    pskKept: 'PreShareKey: not in the file, kept as it is on the service',
    inSync: 'No changes: the tunnel matches the file.',
    toChange: (n: number) => `${n} to change in place`,
    refused: (n: number, fields: string) => `${n} needing a new tunnel (${fields}), which apply refuses`,
    plan: (counts: string) => `Plan: ${counts}.`,
    on: 'on',
    with: 'with',
  },
  zh: {
    notSet: '（未设置）',
    default: '默认值',
    inPlace: '可原地修改',
    newTunnel: '需要新建通道',
    tagApi: 'ModifyVpnConnectionAttribute 无法修改：标签通过标签 API 修改',
    whole: '整个对象一并发送',
    tunnel: '通道',
    pskKept: 'PreShareKey：文件中没有，保持服务端现值',
    inSync: '无变更：通道与文件一致。',
    toChange: (n: number) => `${n} 项可原地修改`,
    refused: (n: number, fields: string) => `${n} 项需要新建通道（${fields}），apply 会拒绝`,
    plan: (counts: string) => `计划：${counts}。`,
    on: '位于',
    with: '对端',
  },
};

/** A value as a plan line shows it; a field left out shows its default, or that the service chooses it. */
function shown(field: string, value: unknown, lang: Lang): string {
  if (value !== undefined) return JSON.stringify(value);
  const fallback = defaultOf(field);
  return fallback === undefined ? WORDS[lang].notSet : `${JSON.stringify(fallback)} (${WORDS[lang].default})`;
}

/**
 * "vpnx-… "name" on vpngw-… with cgw-… (ap-guangzhou, AVAILABLE)": the tunnel a confirmation names, on one line
 * whatever the service answered (a control character shows as `\uNNNN`).
 */
export function tunnelLine(tunnel: TunnelSummary, lang: Lang = 'en'): string {
  const words = WORDS[lang];
  const name = tunnel.name ? ` "${tunnel.name}"` : '';
  const state = tunnel.state ? `, ${tunnel.state}` : '';
  return singleLine(
    `${tunnel.vpnConnectionId}${name} ${words.on} ${tunnel.vpnGatewayId ?? '?'} ${words.with} ${tunnel.customerGatewayId ?? '?'} (${tunnel.region}${state})`,
  );
}

function changeLine(change: FieldChange, lang: Lang): string {
  const words = WORDS[lang];
  // Tags count as needing a new tunnel for apply (the language's REPLACEMENT_FIELDS), but the words say why.
  const how = change.kind === 'inPlace' ? words.inPlace : change.field === 'Tags' ? words.tagApi : words.newTunnel;
  const what = change.members
    ? `${change.field}: ${change.members.join(', ')} (${words.whole})`
    : `${change.field}: ${shown(change.field, change.live, lang)} -> ${shown(change.field, change.file, lang)}`;
  return `  ${change.kind === 'inPlace' ? '~' : '!'} ${what}  [${how}]`;
}

/** The plan's lines. */
export function planLines(plan: TunnelPlan, lang: Lang = 'en'): string[] {
  const words = WORDS[lang];
  const lines = [`${words.tunnel} ${tunnelLine(plan.tunnel, lang)}`];
  if (plan.pskKeptOnService) lines.push(`  ${words.pskKept}`);
  if (plan.inSync) return [...lines, words.inSync];
  lines.push(...plan.changes.map((change) => changeLine(change, lang)));
  const counts = [words.toChange(plan.inPlace.length)];
  if (plan.needsNewTunnel.length)
    counts.push(words.refused(plan.needsNewTunnel.length, plan.needsNewTunnel.join(', ')));
  return [...lines, words.plan(counts.join(lang === 'zh' ? '，' : ', '))];
}
