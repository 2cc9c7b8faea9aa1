import { randomBytes, randomUUID } from 'node:crypto';
import { Clock, KeyedHasher, SecretBox } from '@casustafel/api/platform';
import { DemoCasePlan, DemoRefs } from './demo-case-seeder';
import {
  DEMO_CASES,
  DEMO_REGISTRATIONS,
  JOURNEY_CASE,
  type DemoCase,
  type DemoTableKey,
  type DemoUserKey,
} from './demo-cases';
import { DEMO_ORGANISATIONS, DEMO_TABLES, DEMO_USERS } from './demo-region';

function refs(): DemoRefs {
  const organisations = new Map(
    DEMO_ORGANISATIONS.map((o) => [o.key, { id: randomUUID(), partnerType: o.partnerType }]),
  );
  return {
    organisations,
    tables: new Map(
      DEMO_TABLES.map((t) => [
        t.key as DemoTableKey,
        { id: randomUUID(), memberships: new Map(t.memberships.map((m) => [m.org, m.status])) },
      ]),
    ),
    users: new Map(
      DEMO_USERS.map((u) => [
        u.email.split('@')[0] as DemoUserKey,
        { id: randomUUID(), organisation: u.org },
      ]),
    ),
  };
}

const crypto = {
  clock: new Clock(),
  box: new SecretBox([{ id: 'k1', key: randomBytes(32) }]),
  hasher: new KeyedHasher(randomBytes(32)),
};
const prefixes = new Map<DemoTableKey, string>([
  ['mensenhandel', 'MH'],
  ['complex', 'CC'],
]);
const plan = (cases: DemoCase[] = DEMO_CASES) =>
  new DemoCasePlan(refs(), crypto, prefixes, cases, DEMO_REGISTRATIONS);
const journey = DEMO_CASES.find((c) => c.key === JOURNEY_CASE.key) as DemoCase;

describe('DemoCasePlan', () => {
  it('plans every demo case with its registration, numbered without gaps', () => {
    const p = plan();
    expect(p.cases).toHaveLength(DEMO_CASES.length);
    expect(p.registrations).toHaveLength(DEMO_CASES.length + DEMO_REGISTRATIONS.length);
    expect(p.registrations.filter((r) => r['state'] === 'CASE_CREATED').every((r) => r['case_id'])).toBe(
      true,
    );
    const numbers = p.cases.map((c) => c['number'] as string);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const [scope, last] of p.sequences) {
      const used = [...numbers, ...p.registrations.map((r) => r['number'] as string)].filter((n) =>
        n.startsWith(`${scope}-`),
      );
      expect(used).toHaveLength(last);
    }
  });

  it('gives the journey case exactly its documented participants, without shelter or B8', () => {
    const r = refs();
    const p = new DemoCasePlan(r, crypto, prefixes, [journey], []);
    const ids = new Map([...r.organisations].map(([key, o]) => [o.id, key]));
    expect(p.participants.map((x) => ids.get(x['organisation_id'] as string)).sort()).toEqual(
      [...JOURNEY_CASE.participants].sort(),
    );
    expect(p.mensenhandel[0]).toMatchObject({ shelter_address_enc: null, b8_owner_id: null });
    expect(p.items.some((i) => i['sensitivity'] === 'EMBARGO')).toBe(false);
  });

  it('refuses data the application could not have produced', () => {
    expect(() => plan([{ ...journey, members: [...journey.members, 'om'] }])).toThrow(
      /om does not take part/,
    );
    expect(() =>
      plan([
        {
          ...journey,
          items: [{ category: 'C6', title: 'x', body: 'x', author: 'reclassering', daysAgo: 1 }],
        },
      ]),
    ).toThrow(/does not take part in/);
    expect(() =>
      plan([
        {
          ...journey,
          items: [
            { category: 'C7', sensitivity: 'EMBARGO', title: 'x', body: 'x', author: 'ggz', daysAgo: 1 },
          ],
        },
      ]),
    ).toThrow(/embargo list/);
    expect(() =>
      plan([{ ...journey, persons: [{ givenName: 'Echt', familyName: 'Persoon', role: 'OVERIG' }] }]),
    ).toThrow(/fictional/);
    expect(() =>
      plan([
        {
          ...journey,
          persons: [{ givenName: 'A', familyName: 'B (fictief)', bsn: '111222333', role: 'OVERIG' }],
        },
      ]),
    ).toThrow(/test range/);
    expect(() => plan([{ ...journey, state: 'AFGESLOTEN' }])).toThrow(/closing date/);
  });
});
