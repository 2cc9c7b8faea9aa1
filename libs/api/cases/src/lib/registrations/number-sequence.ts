import { Injectable } from '@nestjs/common';
import { queryRows } from '@casustafel/api/database';
import type { EntityManager } from 'typeorm';

/** Human-readable numbers per prefix and year: MH-2026-0007. Gap-free within a committed transaction. */
@Injectable()
export class NumberSequence {
  async next(em: EntityManager, prefix: string, now: Date): Promise<string> {
    const year = now.getUTCFullYear();
    const rows = await queryRows<{ value: number }>(
      em,
      `insert into number_sequence (scope, value) values ($1, 1)
       on conflict (scope) do update set value = number_sequence.value + 1 returning value`,
      [`${prefix}-${year}`],
    );
    return `${prefix}-${year}-${String(rows[0].value).padStart(4, '0')}`;
  }
}
