/**
 * The account as plain data, for the validation worker: the main thread's AccountLookup (accountLookup.ts) cannot
 * cross a thread, so a call carries a view of what it holds (the snapshots, the located ids, the default region),
 * the worker answers the features from that view, and it records what they asked. The main thread then asks the
 * same questions of the real lookup, which starts the background lookups a missing or aged answer needs; when one
 * arrives the documents are validated again, as they are when the features run on the main thread.
 */
import type { AccountResources, ResourceKind, ResourceSnapshot } from '../language/account/snapshot';
import { itemsOf } from '../language/account/snapshot';

/** What the lookup knows, as plain data. Keys are regions; '' is the user's default region. */
export interface AccountView {
  defaultRegion?: string;
  snapshots: Array<[string, ResourceSnapshot]>;
  /** Regions being looked up with no snapshot yet. */
  loading: string[];
  /** `kind|id|except` → the region found (null: looked for, not found). */
  located: Array<[string, string | null]>;
}

/**
 * Whether two views say the same: the same snapshot objects (a lookup replaces a snapshot when an answer comes),
 * the same default region, regions loading and located ids.
 */
export function sameView(a: AccountView, b: AccountView): boolean {
  const sameList = <T>(x: readonly T[], y: readonly T[], same: (p: T, q: T) => boolean) =>
    x.length === y.length && x.every((item, i) => same(item, y[i]));
  return (
    a.defaultRegion === b.defaultRegion &&
    sameList(a.snapshots, b.snapshots, (p, q) => p[0] === q[0] && p[1] === q[1]) &&
    sameList(a.loading, b.loading, (p, q) => p === q) &&
    sameList(a.located, b.located, (p, q) => p[0] === q[0] && p[1] === q[1])
  );
}

/** An AccountResources that can give its view to a worker. */
export interface ViewableAccount extends AccountResources {
  view(): AccountView;
}

/** The questions a feature asked of the account, to ask again of the live lookup. */
export interface AccountQuestions {
  regions: Array<string | null>;
  locates: Array<[ResourceKind, string, string]>;
}

export function isViewable(account: AccountResources | undefined): account is ViewableAccount {
  return typeof (account as Partial<ViewableAccount> | undefined)?.view === 'function';
}

/** The key of a locate question, as AccountLookup keeps it. */
export const locateKey = (kind: ResourceKind, id: string, except: string): string => `${kind}|${id}|${except}`;

/** An AccountResources over a view (in the worker), and the questions asked of it so far. */
export function viewedAccount(view: AccountView): { resources: AccountResources; asked: AccountQuestions } {
  const snapshots = new Map(view.snapshots);
  const located = new Map(view.located);
  const asked: AccountQuestions = { regions: [], locates: [] };
  const resources: AccountResources = {
    defaultRegion: () => view.defaultRegion,
    snapshot: (region) => {
      if (!asked.regions.includes(region ?? null)) asked.regions.push(region ?? null);
      return snapshots.get(region ?? '');
    },
    loading: (region) => view.loading.includes(region ?? ''),
    locate: (kind, id, except) => {
      for (const snapshot of snapshots.values()) {
        if (snapshot.region !== except && itemsOf(snapshot, kind).some((item) => item.id === id))
          return snapshot.region;
      }
      asked.locates.push([kind, id, except]);
      return located.get(locateKey(kind, id, except)) ?? undefined;
    },
  };
  return { resources, asked };
}

/** Asks the live lookup what the worker's features asked, so it fetches what is missing or aged. */
export function askAgain(account: AccountResources, questions: AccountQuestions | undefined): void {
  for (const region of questions?.regions ?? []) account.snapshot(region ?? undefined);
  for (const [kind, id, except] of questions?.locates ?? []) account.locate(kind, id, except);
}
