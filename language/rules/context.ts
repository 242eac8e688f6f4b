/**
 * What a business rule may know besides the document's value: the action, the gateway's version and, when the
 * caller has credentials, the account. It lives with the rules (not in ../types.ts, which imports nothing, nor in
 * ../account/, which sits below the rules) because it is the rules' input: the account folder describes the
 * account, and this module turns that description into what a rule reads.
 */
import { accountViewOf, type AccountView } from '../account/documentFacts';
import type { AccountResources } from '../account/snapshot';

/** What the account rules read: the document's view of its region, and the whole account (to locate ids). */
export interface AccountContext {
  view: AccountView;
  resources: AccountResources;
}

/** What a rule may know besides the value itself. */
export interface RuleContext {
  /** The VPN gateway version ("4.0", "2.0"...) when the caller knows it (e.g. from DescribeVpnGateways). */
  gatewayVersion?: string;
  /** The API action the document describes (from its "Action" key, else CreateVpnConnection). */
  action: string;
  /** The account's resources in the document's region, when the caller has them (editor with credentials, `--live`). */
  account?: AccountContext;
}

/** What the rules learn from the account about a document: its view, and the gateway's version (for GCM). */
export function accountContextOf(
  value: unknown,
  account: AccountResources | undefined,
): Pick<RuleContext, 'account' | 'gatewayVersion'> {
  const view = accountViewOf(value, account);
  if (!view || !account) return {};
  return {
    account: { view, resources: account },
    ...(view.gateway?.version ? { gatewayVersion: view.gateway.version } : {}),
  };
}
