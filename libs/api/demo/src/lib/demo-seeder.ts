import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  AppUser,
  CaseTable,
  DatabaseService,
  installDefaultTableConfig,
  Organisation,
  Region,
  TableMembership,
  UserTableRole,
} from '@casustafel/api/database';
import { Clock, KeyedHasher, SecretBox } from '@casustafel/api/platform';
import type { MembershipStatus } from '@casustafel/shared/contracts';
import { hash, argon2id } from 'argon2';
import type { EntityManager } from 'typeorm';
import { DemoCasePlan, DemoRefs, insertDemoCasePlan } from './demo-case-seeder';
import type { DemoTableKey, DemoUserKey } from './demo-cases';
import { insertDemoMeeting } from './demo-meeting';
import { insertDemoRightsRequests } from './demo-rights';
import {
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_REGION,
  DEMO_TABLES,
  DEMO_USERS,
  type DemoTable,
} from './demo-region';

export interface DemoLogin {
  email: string;
  displayName: string;
  roles: string[];
}

/**
 * Seeds the fictional demo region exactly once (the region row is the marker), in one transaction:
 * organisations, tables, users, the demo cases (demo-cases.ts) dated relative to today, and a
 * planned case conference for tomorrow (demo-meeting.ts).
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly database: DatabaseService,
    private readonly clock: Clock,
    private readonly box: SecretBox,
    private readonly hasher: KeyedHasher,
  ) {}

  async seedOnce(): Promise<'seeded' | 'already-present'> {
    return this.database.asOwner(async (manager) => {
      // Two instances starting together must not both seed.
      await manager.query('select pg_advisory_xact_lock(727275)');
      const existing = await manager.findOne(Region, { where: { code: DEMO_REGION.code } });
      if (existing) {
        return 'already-present';
      }
      await this.seed(manager);
      this.logger.log('Seeded the fictional demo region');
      return 'seeded';
    });
  }

  logins(): DemoLogin[] {
    return DEMO_USERS.map((u) => ({
      email: u.email,
      displayName: u.displayName,
      roles: [...new Set(u.roles.map((r) => r.role))],
    }));
  }

  get password(): string {
    return DEMO_PASSWORD;
  }

  private async seed(manager: EntityManager): Promise<void> {
    const region = await manager.save(manager.create(Region, { ...DEMO_REGION, isDemo: true }));
    const orgIds = new Map<string, string>();
    const refs: DemoRefs = { organisations: new Map(), tables: new Map(), users: new Map() };
    for (const org of DEMO_ORGANISATIONS) {
      const saved = await manager.save(
        manager.create(Organisation, {
          regionId: region.id,
          name: org.name,
          partnerType: org.partnerType,
          legalRegimes: org.legalRegimes,
        }),
      );
      orgIds.set(org.key, saved.id);
      refs.organisations.set(org.key, { id: saved.id, partnerType: org.partnerType });
    }
    const tableIds = new Map<string, string>();
    for (const table of DEMO_TABLES) {
      // The register texts first: a table whose activity is not registered yet would get a
      // generated first version (the table's foreign key is checked at commit).
      const id = randomUUID();
      await this.registerActivity(manager, region.id, id, table);
      const saved = await manager.save(
        manager.create(CaseTable, {
          id,
          regionId: region.id,
          name: table.name,
          theme: table.theme,
          description: table.description,
          defaultRetentionMonths: table.retentionMonths,
          processingActivityId: table.processingActivityId,
        }),
      );
      tableIds.set(table.key, saved.id);
      refs.tables.set(table.key as DemoTableKey, {
        id: saved.id,
        memberships: new Map<string, MembershipStatus>(table.memberships.map((m) => [m.org, m.status])),
      });
      await installDefaultTableConfig(manager, saved.id, table.theme);
      await manager.save(
        table.memberships.map((m) =>
          manager.create(TableMembership, {
            tableId: saved.id,
            organisationId: need(orgIds, m.org),
            status: m.status,
            since: m.since,
            documentRef: m.documentRef,
          }),
        ),
      );
    }
    const passwordHash = await hash(DEMO_PASSWORD, { type: argon2id });
    for (const user of DEMO_USERS) {
      const saved = await manager.save(
        manager.create(AppUser, {
          organisationId: need(orgIds, user.org),
          email: user.email,
          displayName: user.displayName,
          passwordHash,
          isDemo: true,
        }),
      );
      refs.users.set(user.email.split('@')[0] as DemoUserKey, { id: saved.id, organisation: user.org });
      await manager.save(
        user.roles.map((r) =>
          manager.create(UserTableRole, { userId: saved.id, tableId: need(tableIds, r.table), role: r.role }),
        ),
      );
    }
    const prefixes: Array<{ id: string; number_prefix: string }> = await manager.query(
      'select id, number_prefix from case_table where id = any($1::uuid[])',
      [[...tableIds.values()]],
    );
    const prefixByKey = new Map<DemoTableKey, string>(
      [...refs.tables].map(([key, t]) => [key, prefixes.find((p) => p.id === t.id)?.number_prefix ?? '']),
    );
    const crypto = { clock: this.clock, box: this.box, hasher: this.hasher };
    const plan = new DemoCasePlan(refs, crypto, prefixByKey);
    await insertDemoCasePlan(manager, plan);
    await insertDemoRightsRequests(manager, refs, crypto, 'contactpunt');
    await insertDemoMeeting(manager, refs, this.clock);
  }

  /** The first version of a demo table's processing activity, under the id the table points to. */
  private async registerActivity(
    manager: EntityManager,
    regionId: string,
    tableId: string,
    table: DemoTable,
  ): Promise<void> {
    const r = table.register;
    await manager.query(
      `insert into processing_activity (id, activity_key, version, region_id, table_id, name, purpose, legal_grounds,
         controllers, data_categories, subject_categories, retention, valid_from)
       values ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        table.processingActivityId,
        randomUUID(),
        regionId,
        tableId,
        r.name,
        r.purpose,
        r.legalGrounds,
        r.controllers,
        r.dataCategories,
        r.subjectCategories,
        r.retention,
        this.clock.now(),
      ],
    );
  }
}

function need(map: Map<string, string>, key: string): string {
  const value = map.get(key);
  if (!value) {
    throw new Error(`Demo seed refers to unknown key ${key}`);
  }
  return value;
}
