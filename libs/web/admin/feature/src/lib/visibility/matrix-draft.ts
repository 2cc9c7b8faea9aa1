import {
  DATA_CATEGORIES,
  PARTNER_TYPES,
  type DataCategory,
  type PartnerType,
  type PutVisibilityMatrixRequest,
  type VisibilityLevel,
  type VisibilityMatrixDto,
  type VisibilityRule,
} from '@casustafel/shared/contracts';

/** One cell of the matrix: the name of its form control. */
export type CellKey = `${DataCategory}:${PartnerType}`;

export type Levels = Record<CellKey, VisibilityLevel>;

export interface Cell {
  key: CellKey;
  category: DataCategory;
  partnerType: PartnerType;
}

/** Every cell, in the order of the grid: partner types as rows, categories as columns. */
export const CELLS: readonly Cell[] = PARTNER_TYPES.flatMap((partnerType) =>
  DATA_CATEGORIES.map((category) => ({ key: cellKey(category, partnerType), category, partnerType })),
);

export function cellKey(category: DataCategory, partnerType: PartnerType): CellKey {
  return `${category}:${partnerType}`;
}

/**
 * The level of every cell. The API always sends the whole matrix; a missing cell (a category
 * added later) counts as NONE, the policy's own default, so that saving sends a complete matrix.
 */
export function levelsOf(matrix: Pick<VisibilityMatrixDto, 'rules'>): Levels {
  const levels = Object.fromEntries(CELLS.map((cell) => [cell.key, 'NONE'])) as Levels;
  for (const rule of matrix.rules) {
    const key = cellKey(rule.category, rule.partnerType);
    if (key in levels) {
      levels[key] = rule.level;
    }
  }
  return levels;
}

/** The cells whose level differs from the saved matrix, in grid order. */
export function changedCells(saved: Levels, draft: Partial<Levels>): CellKey[] {
  return CELLS.filter((cell) => (draft[cell.key] ?? saved[cell.key]) !== saved[cell.key]).map(
    (cell) => cell.key,
  );
}

/** Same partner types, whatever order they were ticked in. */
export function sameTypes(a: readonly PartnerType[], b: readonly PartnerType[]): boolean {
  return a.length === b.length && a.every((type) => b.includes(type));
}

/**
 * The PUT body: the version being replaced and every cell exactly once (the API refuses an
 * incomplete matrix), the whitelist in the order of the partner types, the reason trimmed.
 */
export function matrixRequest(
  version: number,
  levels: Levels,
  embargo: readonly PartnerType[],
  reason: string,
): PutVisibilityMatrixRequest {
  const rules: VisibilityRule[] = CELLS.map(({ key, category, partnerType }) => ({
    category,
    partnerType,
    level: levels[key],
  }));
  return {
    version,
    rules,
    embargoPartnerTypes: PARTNER_TYPES.filter((type) => embargo.includes(type)),
    reason: reason.trim(),
  };
}
