import { randomUUID } from 'node:crypto';
import type { Clock } from '@casustafel/api/platform';
import type { EntityManager } from 'typeorm';
import type { DemoRefs } from './demo-case-seeder';

/**
 * One planned case conference at the demo mensenhandel table (issue 6): the agenda is out for
 * tomorrow 10:00 (Dutch time), Victor Voorzitter chairs, Petra Procesregisseur takes the minutes, and
 * two open cases in which the police and the GGZ take part are on the agenda with both invited.
 */
export async function insertDemoMeeting(em: EntityManager, refs: DemoRefs, clock: Clock): Promise<void> {
  const table = refs.tables.get('mensenhandel');
  const chair = refs.users.get('voorzitter');
  const minuteTaker = refs.users.get('procesregisseur');
  const politie = refs.organisations.get('politie');
  const ggz = refs.organisations.get('ggz');
  if (!table || !chair || !minuteTaker || !politie || !ggz) {
    throw new Error(
      'Demo meeting: the mensenhandel table, voorzitter, procesregisseur, police and GGZ must exist',
    );
  }
  const cases: Array<{ id: string }> = await em.query(
    `select c.id from casus c
      where c.table_id = $1 and c.state not in ('AFGESLOTEN', 'VERNIETIGD')
        and exists (select 1 from case_participant p where p.case_id = c.id and p.organisation_id = $2)
        and exists (select 1 from case_participant p where p.case_id = c.id and p.organisation_id = $3)
      order by c.opened_at limit 2`,
    [table.id, politie.id, ggz.id],
  );
  if (cases.length < 2) {
    throw new Error('Demo meeting: two open mensenhandel cases with the police and the GGZ are needed');
  }
  const meetingId = randomUUID();
  const now = clock.now();
  await em.query(
    `insert into meeting (id, table_id, type, scheduled_at, duration_minutes, location, chair_user_id,
       minute_taker_user_id, status, created_by, created_at, updated_at)
     values ($1, $2, 'CASUSOVERLEG', (($3::date + 1) + time '10:00') at time zone 'Europe/Amsterdam', 90,
       'Zorg- en Veiligheidshuis Gooi en Vechtstreek, zaal 2 (fictief)', $4, $5, 'AGENDA_VERZONDEN', $4, $6, $6)`,
    [meetingId, table.id, clock.today(), chair.id, minuteTaker.id, now],
  );
  for (const [position, c] of cases.entries()) {
    const itemId = randomUUID();
    await em.query(
      `insert into agenda_item (id, meeting_id, case_id, position, timebox_minutes, created_at)
       values ($1, $2, $3, $4, $5, $6)`,
      [itemId, meetingId, c.id, position, position === 0 ? 20 : 15, now],
    );
    await em.query(
      `insert into agenda_invitee (agenda_item_id, organisation_id, basis)
       select $1, o, case when m.status = 'SIGNATORY' then 'MEMBER' else 'GUEST' end
         from unnest($2::uuid[]) as o
         left join table_membership m on m.table_id = $3 and m.organisation_id = o`,
      [itemId, [politie.id, ggz.id], table.id],
    );
  }
  await em.query(
    `insert into meeting_event (meeting_id, seq, type, data, actor_user_id, actor_organisation_id, occurred_at)
     values ($1, 1, 'STATUS_CHANGED', '{"status":"AGENDA_VERZONDEN","transition":"AGENDA_VERZENDEN"}', $2, $3, $4)`,
    [meetingId, chair.id, refs.organisations.get('zvh')?.id ?? null, now],
  );
  await em.query('update meeting set last_seq = 1 where id = $1', [meetingId]);
}
