import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { Clock } from '@casustafel/api/platform';
import type { PersonIndexHit } from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';

/**
 * "Is this person known in another active case?" — for triage and case management. The matching
 * keys of the given persons are read through RLS (so only persons the actor may see), then a
 * SECURITY DEFINER function looks across all cases and returns only the table, the procesregisseur
 * and since when: never a case id, never content. Every look-up is audited.
 */
@Injectable()
export class PersonIndex {
  constructor(
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  async lookup(
    em: EntityManager,
    personIds: string[],
    excludeCase: string | null,
  ): Promise<PersonIndexHit[]> {
    const keys: Array<{ id: string; bsn_hash: Buffer | null; match_hash: Buffer | null }> = await em.query(
      'select id, bsn_hash, match_hash from person where id = any($1::uuid[])',
      [personIds],
    );
    const byHash = new Map<string, string>();
    for (const key of keys) {
      for (const hash of [key.bsn_hash, key.match_hash]) {
        if (hash) {
          byHash.set(hash.toString('hex'), key.id);
        }
      }
    }
    if (byHash.size === 0) {
      return [];
    }
    const rows: Array<{
      hash: Buffer;
      table_name: string;
      procesregisseur: string | null;
      since: Date;
      closed_at: Date | null;
    }> = await em.query(
      'select hash, table_name, procesregisseur, since, closed_at from cst_person_index($1::bytea[], $2::uuid, $3)',
      [[...byHash.keys()].map((h) => Buffer.from(h, 'hex')), excludeCase, this.clock.now()],
    );
    const hits = new Map<string, PersonIndexHit>();
    for (const row of rows) {
      const personRef = byHash.get(row.hash.toString('hex')) as string;
      const key = `${personRef}|${row.table_name}|${row.procesregisseur}`;
      if (!hits.has(key)) {
        hits.set(key, {
          personRef,
          tableName: row.table_name,
          procesregisseur: row.procesregisseur,
          since: row.since.toISOString(),
          closedAt: row.closed_at ? row.closed_at.toISOString() : null,
        });
      }
    }
    await this.audit.record(em, {
      action: 'person.index.lookup',
      objectType: 'person',
      subjects: { persons: personIds },
      details: { persons: personIds, hits: hits.size },
    });
    return [...hits.values()];
  }
}
