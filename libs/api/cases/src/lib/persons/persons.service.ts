import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { bsnContext, personMatchKey } from '@casustafel/api/database';
import { KeyedHasher, SecretBox } from '@casustafel/api/platform';
import type { PersonInput } from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Persons (betrokkenen). The BSN is stored sealed (AES-256-GCM, key from configuration) plus a
 * keyed hash for matching; name and date of birth give a second matching key. Each person gets a
 * pseudonym for the audit log. Every registration and case has its own person rows: matching
 * across cases happens through the person index, which reveals no content.
 */
@Injectable()
export class PersonsService {
  constructor(
    private readonly box: SecretBox,
    private readonly hasher: KeyedHasher,
  ) {}

  /** Inserts a person (no RETURNING: the row becomes visible through its link) and returns the id. */
  async create(em: EntityManager, input: PersonInput): Promise<string> {
    const id = randomUUID();
    const bsn = input.bsn?.trim() || null;
    await em.query(
      `insert into person (id, given_name, family_name, date_of_birth, address, bsn_enc, bsn_hash, match_hash, pseudonym)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        input.givenName.trim(),
        input.familyName.trim(),
        input.dateOfBirth || null,
        input.address?.trim() || null,
        bsn ? this.box.seal(bsn, bsnContext(id)) : null,
        bsn ? this.bsnHash(bsn) : null,
        this.matchHash(input.givenName, input.familyName, input.dateOfBirth ?? null),
        this.hasher.hex('person-pseudonym', id).slice(0, 32),
      ],
    );
    return id;
  }

  bsnHash(bsn: string): Buffer {
    return this.hasher.digest('bsn', bsn.trim());
  }

  /** Name and date of birth, normalised; no key without a date of birth (too many false matches). */
  matchHash(givenName: string, familyName: string, dateOfBirth: string | null): Buffer | null {
    const key = personMatchKey(givenName, familyName, dateOfBirth);
    return key ? this.hasher.digest('person-match', key) : null;
  }

  openBsn(personId: string, sealedBase64: string | null | undefined): string | null {
    return sealedBase64 ? this.box.openText(Buffer.from(sealedBase64, 'base64'), bsnContext(personId)) : null;
  }
}
