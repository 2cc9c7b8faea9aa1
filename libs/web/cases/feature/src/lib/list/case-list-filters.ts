import type { ParamMap, Params } from '@angular/router';
import { CASE_STATES, type CaseState } from '@casustafel/shared/contracts';

/** The filters of the case list, as kept in the URL (`?tafel=…&status=…&zoek=…&pagina=…`). */
export interface CaseListFilters {
  tableId: string;
  state: CaseState | '';
  q: string;
  page: number;
}

export const PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filters from the URL; anything unusable (a typo, an old link) counts as "not set". */
export function filtersFromParams(params: ParamMap): CaseListFilters {
  const tableId = params.get('tafel') ?? '';
  const state = params.get('status') ?? '';
  const page = Number(params.get('pagina') ?? '1');
  return {
    tableId: UUID.test(tableId) ? tableId : '',
    state: (CASE_STATES as readonly string[]).includes(state) ? (state as CaseState) : '',
    q: (params.get('zoek') ?? '').trim().slice(0, 100),
    page: Number.isInteger(page) && page >= 1 && page <= 10000 ? page : 1,
  };
}

/** The query parameters of the filters: only what is set, page 1 left out (short, shareable URLs). */
export function paramsFromFilters(filters: CaseListFilters): Params {
  const params: Params = {};
  if (filters.tableId) {
    params['tafel'] = filters.tableId;
  }
  if (filters.state) {
    params['status'] = filters.state;
  }
  if (filters.q.trim()) {
    params['zoek'] = filters.q.trim();
  }
  if (filters.page > 1) {
    params['pagina'] = String(filters.page);
  }
  return params;
}

export function sameFilters(a: CaseListFilters, b: CaseListFilters): boolean {
  return a.tableId === b.tableId && a.state === b.state && a.q.trim() === b.q.trim() && a.page === b.page;
}
