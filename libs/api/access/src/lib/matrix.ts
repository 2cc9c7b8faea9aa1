import type {
  DataCategory,
  PartnerType,
  VisibilityLevel,
  VisibilityRule,
} from '@casustafel/shared/contracts';

export type VisibilityMatrix = ReadonlyMap<DataCategory, ReadonlyMap<PartnerType, VisibilityLevel>>;

export function toMatrix(rules: readonly VisibilityRule[]): VisibilityMatrix {
  const matrix = new Map<DataCategory, Map<PartnerType, VisibilityLevel>>();
  for (const rule of rules) {
    let row = matrix.get(rule.category);
    if (!row) {
      row = new Map();
      matrix.set(rule.category, row);
    }
    row.set(rule.partnerType, rule.level);
  }
  return matrix;
}
