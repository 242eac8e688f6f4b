/**
 * How an account rule is written: a Rule like every other one (registry, docs/rules.md, suppression by rule id
 * or API code, quick fixes), marked `needsAccount` so the engine runs it only when the caller knows the account.
 * Its check receives the document's view of its region instead of digging it out of the context.
 */
import type { Report, Rule, RuleMeta } from '../rule';
import type { AccountContext } from '../context';
import type { Params } from '../../values/values';

/** A check over the document and the account's resources in its region. */
export type AccountCheck = (doc: Params, account: AccountContext, report: Report) => void;

/** Where every account rule's facts come from, for the docs. */
const ACCOUNT_SOURCE =
  "the account (DescribeVpnGateways, DescribeCustomerGateways, DescribeVpcs, DescribeVpnConnections); the same check as the emulator's CreateVpnConnection";

/**
 * An account rule. Its findings are warnings unless told otherwise: the account may change before the file is
 * submitted, and the snapshot may be a minute old.
 */
export function accountRule(
  meta: Omit<RuleMeta, 'needsAccount' | 'source' | 'severity'> & { severity?: RuleMeta['severity'] },
  check: AccountCheck,
): Rule {
  return {
    severity: 'warning',
    source: ACCOUNT_SOURCE,
    ...meta,
    needsAccount: true,
    check(doc, context, report) {
      if (context.account) check(doc, context.account, report);
    },
  };
}
