/**
 * The list actions' shared query semantics: ids OR Filters (both -> InvalidParameter.Coexist), at most 100 ids,
 * 10 filters and 5 values per filter, values OR-ed within a filter and filters AND-ed, Offset/Limit paging
 * (Limit 20 by default, at most 100) with TotalCount counting every match.
 */
import { ApiError } from '../apiErrors';
import type { Regional } from '../types';
import type { Params } from './context';

/** How one list action names its ids and filters. */
export interface ListSpec {
  idsKey: string;
  idField: string;
  idPrefix: string;
  /** Filter name -> the field values of an item it compares against (exact, case-sensitive). */
  filters: Record<string, (item: Regional) => unknown>;
  /** Filter names that match by substring (DescribeVpcs' vpc-name). */
  fuzzy?: string[];
  /** Prefix filters such as "tag:<key>" -> matcher. */
  prefixed?: Record<string, (item: Regional, suffix: string, value: string) => boolean>;
  /** The error for a well-formed id that does not exist, where the action reports one. */
  notFound?: (id: string) => ApiError;
  malformedCode?: string;
}

interface Filter {
  Name: string;
  Values: string[];
}

function checkFilters(filters: unknown): Filter[] {
  if (filters === undefined) return [];
  const list = filters as Filter[];
  if (list.length > 10) throw new ApiError('InvalidParameterValue.LimitExceeded', 'at most 10 Filters');
  for (const filter of list) {
    if (
      typeof filter?.Name !== 'string' ||
      !Array.isArray(filter.Values) ||
      filter.Values.some((value) => typeof value !== 'string')
    ) {
      throw new ApiError('InvalidParameter', 'each filter needs a string Name and a list of string Values');
    }
    if (filter.Values.length > 5)
      throw new ApiError('InvalidParameterValue.LimitExceeded', `at most 5 values in filter ${filter.Name}`);
  }
  return list;
}

function matcherOf(filter: Filter, spec: ListSpec): (item: Regional) => boolean {
  const field = spec.filters[filter.Name];
  if (field) {
    const fuzzy = spec.fuzzy?.includes(filter.Name);
    return (item) =>
      filter.Values.some((value) => (fuzzy ? String(field(item)).includes(value) : String(field(item)) === value));
  }
  const prefix = Object.keys(spec.prefixed ?? {}).find((candidate) => filter.Name.startsWith(candidate));
  if (!prefix) throw new ApiError('InvalidParameter.FilterInvalidKey', `unknown filter ${filter.Name}`);
  const suffix = filter.Name.slice(prefix.length);
  return (item) => filter.Values.some((value) => spec.prefixed![prefix](item, suffix, value));
}

function page(params: Params): { offset: number; limit: number } {
  const offset = params.Offset === undefined ? 0 : Number(params.Offset);
  const limit = params.Limit === undefined ? 20 : Number(params.Limit);
  if (!Number.isInteger(offset) || offset < 0)
    throw new ApiError('InvalidParameterValue.Range', 'Offset must be an integer >= 0');
  if (!Number.isInteger(limit) || limit < 0 || limit > 100)
    throw new ApiError('InvalidParameterValue.LimitExceeded', 'Limit must be 0-100');
  return { offset, limit };
}

/** Selects, counts and pages the items of one region for a list request. */
export function listResources(items: Regional[], params: Params, spec: ListSpec): { total: number; page: Regional[] } {
  const ids = params[spec.idsKey] as string[] | undefined;
  if (ids !== undefined && params.Filters !== undefined)
    throw new ApiError('InvalidParameter.Coexist', `${spec.idsKey} and Filters cannot be given together`);
  const filters = checkFilters(params.Filters);
  const { offset, limit } = page(params);
  let selected = items;
  if (ids !== undefined) {
    if (ids.length > 100) throw new ApiError('InvalidParameterValue.LimitExceeded', `at most 100 ${spec.idsKey}`);
    const bad = ids.find((id) => !id.startsWith(spec.idPrefix));
    if (bad)
      throw new ApiError(
        spec.malformedCode ?? 'InvalidParameterValue.Malformed',
        `${bad} is not a ${spec.idPrefix} id`,
      );
    const missing = spec.notFound && ids.find((id) => !items.some((item) => item[spec.idField] === id));
    if (missing) throw spec.notFound!(missing);
    selected = items.filter((item) => ids.includes(String(item[spec.idField])));
  }
  for (const filter of filters) selected = selected.filter(matcherOf(filter, spec));
  return { total: selected.length, page: selected.slice(offset, offset + limit) };
}
