import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IdentityFactory, TestAgent } from '@casustafel/api/testing';
import type { MembershipStatus, PartnerType, TableRole, TableTheme } from '@casustafel/shared/contracts';
import { signIn } from './sign-in';

export interface Party {
  organisationId: string;
  userId: string;
  email: string;
  agent: TestAgent;
}

/**
 * A small region for case tests: one table with organisations of the given partner types and
 * covenant statuses, one signed-in user per organisation with the given role.
 */
export async function buildWorld(
  app: NestFastifyApplication,
  factory: IdentityFactory,
  spec: {
    theme?: TableTheme;
    parties: Record<string, { partnerType: PartnerType; membership?: MembershipStatus | null; roles: TableRole[] }>;
  },
): Promise<{ regionId: string; tableId: string; parties: Record<string, Party> }> {
  const regionId = await factory.region();
  const tableId = await factory.table(regionId, spec.theme ?? 'MENSENHANDEL');
  const parties: Record<string, Party> = {};
  for (const [key, party] of Object.entries(spec.parties)) {
    const organisationId = await factory.organisation(regionId, party.partnerType, `${key} ${regionId.slice(0, 6)}`);
    if (party.membership !== null) {
      await factory.membership(tableId, organisationId, party.membership ?? 'SIGNATORY');
    }
    const user = await factory.user(organisationId, {
      isDemo: true,
      displayName: `${key} (fictief)`,
      roles: party.roles.map((role) => ({ tableId, role })),
    });
    parties[key] = { organisationId, userId: user.id, email: user.email, agent: await signIn(app, user.email) };
  }
  return { regionId, tableId, parties };
}
