/**
 * The baselines of `npm run bench`: bare Fastify + node-postgres, no Nest, no TypeORM, no session,
 * no logging, started in its own process exactly like the app. Pools have the app's size.
 *
 *   /live              `{"status":"ok"}`                                     P5, P5a
 *   /db                `select 1` as the owner                               P5b
 *   /case/:id          the case with its participants, persons and items in
 *                      one query as the owner: no access policy, no audit    P1
 *   /case-row/:id      only the casus row by primary key, as the owner       P1a
 *   /case-read/:id     `cst_case_read` as casustafel_app: the app's audited,
 *                      need-to-know read without Nest, session or mapping    P1b
 *   /cases?page=N      the statements of CasesService.list, verbatim, as
 *                      casustafel_app in one transaction (context, count,
 *                      page, audit record)                                   P2
 *
 * Environment: PORT, PG_URL (owner), POOL_SIZE, BENCH_ACTOR (JSON: userId, organisationId,
 * sessionId, roles, tables) for the endpoints that act for the signed-in benchmark user.
 */
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const poolSize = Number(process.env.POOL_SIZE ?? 10);
const common = {
  connectionString: process.env.PG_URL,
  max: poolSize,
  // As the app's pool (data-source-factory.ts), so both sides pay the same per-connection settings.
  statement_timeout: 30000,
  idle_in_transaction_session_timeout: 60000,
  connectionTimeoutMillis: 5000,
};
const owner = new pg.Pool({ ...common, application_name: 'bench-bare-owner' });
const app = new pg.Pool({ ...common, application_name: 'bench-bare-app', options: '-c role=casustafel_app' });
const actor = process.env.BENCH_ACTOR ? JSON.parse(process.env.BENCH_ACTOR) : undefined;
const hex = (bytes) => randomBytes(bytes).toString('hex');
const org = `jsonb_build_object('id', o.id, 'name', o.name, 'partnerType', o.partner_type)`;

const CASE_SQL = `
  select jsonb_build_object(
    'case', jsonb_build_object('id', c.id, 'number', c.number, 'state', c.state, 'openedAt', c.opened_at,
              'closedAt', c.closed_at, 'retentionUntil', c.retention_until, 'embargo', c.embargo, 'version', c.version,
              'tableId', t.id, 'tableName', t.name, 'theme', t.theme),
    'core', jsonb_build_object('reason', c.reason, 'goal', c.goal),
    'responsible', (select ${org} from organisation o where o.id = c.responsible_organisation_id),
    'procesregisseur', (select u.display_name from app_user u where u.id = c.procesregisseur_id),
    'participants', coalesce((select jsonb_agg(jsonb_build_object('organisation', ${org}, 'basis', p.basis,
              'since', p.since) order by o.name)
            from case_participant p join organisation o on o.id = p.organisation_id where p.case_id = c.id), '[]'),
    'persons', coalesce((select jsonb_agg(jsonb_build_object('id', per.id, 'role', cp.role, 'givenName', per.given_name,
              'familyName', per.family_name, 'dateOfBirth', per.date_of_birth, 'address', per.address) order by cp.position)
            from case_person cp join person per on per.id = cp.person_id where cp.case_id = c.id), '[]'),
    'items', coalesce((select jsonb_agg(jsonb_build_object('id', i.id, 'category', i.category,
              'sensitivity', i.sensitivity, 'title', i.title, 'body', i.body, 'legalGround', i.legal_ground,
              'authorOrganisation', ${org}, 'author', u.display_name, 'createdAt', i.created_at, 'version', i.version)
              order by i.created_at)
            from case_item i join organisation o on o.id = i.author_organisation_id join app_user u on u.id = i.author_id
            where i.case_id = c.id), '[]'),
    'mensenhandel', (select jsonb_build_object('version', m.version, 'forms', m.forms, 'victimStatus', m.victim_status,
              'comenshaReported', m.comensha_reported) from case_mensenhandel m where m.case_id = c.id)
  ) as result
  from casus c join case_table t on t.id = c.table_id
  where c.id = $1`;

// CasesService.list, verbatim (libs/api/cases/src/lib/cases/cases.service.ts); bench-cases.mjs
// checks that both return the same page before measuring.
const WHERE = `c.table_id = any($2::uuid[]) and c.state <> 'VERNIETIGD'
      and ($3::text is null or c.state = $3)
      and ($4::text is null or c.number ilike $4 or exists (
            select 1 from case_person sp join person sper on sper.id = sp.person_id
            where sp.case_id = c.id and (sper.given_name || ' ' || sper.family_name) ilike $4
              and cst_visibility(c.id, 'C1', 'NORMAAL', array[sp.owner_organisation_id], null) = 'FULL'))`;
const COUNT_SQL = `select count(*) from casus c join case_participant mine on mine.case_id = c.id and mine.organisation_id = $1 where ${WHERE}`;
const PAGE_SQL = `select c.id, c.number, c.table_id, t.name as table_name, c.state, c.opened_at, c.updated_at, c.embargo,
                u.display_name as procesregisseur,
                coalesce((select jsonb_agg(jsonb_build_object('role', cp.role, 'name',
                            case when cst_visibility(c.id, 'C1', 'NORMAAL', array[cp.owner_organisation_id], null) = 'FULL'
                                 then per.given_name || ' ' || per.family_name end) order by cp.position)
                          from case_person cp join person per on per.id = cp.person_id where cp.case_id = c.id), '[]') as persons
         from casus c
         join case_participant mine on mine.case_id = c.id and mine.organisation_id = $1
         join case_table t on t.id = c.table_id
         left join app_user u on u.id = c.procesregisseur_id
         where ${WHERE}
         order by c.updated_at desc, c.id
         limit $5 offset $6`;
const AUDIT_SQL = `insert into audit_event (occurred_at, action, outcome, actor_user_id, actor_organisation_id, actor_roles,
         session_id, origin, object_type, object_id, processing_activity_id, legal_ground, purpose, trace_id,
         span_id, details)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`;

const fastify = Fastify({ logger: false });
fastify.get('/live', async () => ({ status: 'ok' }));
fastify.get('/db', async () => {
  await owner.query('select 1');
  return { status: 'ok' };
});

fastify.get('/case/:id', async (request, reply) => {
  const { rows } = await owner.query(CASE_SQL, [request.params.id]);
  return rows[0] ? rows[0].result : reply.code(404).send({ status: 404 });
});

fastify.get('/case-row/:id', async (request, reply) => {
  const { rows } = await owner.query('select * from casus where id = $1', [request.params.id]);
  return rows[0] ?? reply.code(404).send({ status: 404 });
});

fastify.get('/case-read/:id', async (request, reply) => {
  const { rows } = await app.query('select cst_case_read($1, $2, $3, $4, $5, $6, $7, $8, $9) as result', [
    request.params.id,
    actor.userId,
    actor.organisationId,
    actor.sessionId,
    actor.roles,
    request.ip,
    hex(16),
    hex(8),
    new Date(),
  ]);
  return rows[0]?.result ?? reply.code(404).send({ status: 404 });
});

fastify.get('/cases', async (request) => {
  const page = Number(request.query.page ?? 1);
  const pageSize = Number(request.query.pageSize ?? 50);
  const client = await app.connect();
  try {
    await client.query('START TRANSACTION');
    await client.query(
      `select set_config('app.user_id', $1, true), set_config('app.organisation_id', $2, true),
                  set_config('app.session_id', $3, true)`,
      [actor.userId, actor.organisationId, actor.sessionId],
    );
    const params = [actor.organisationId, actor.tables, null, null];
    const total = await client.query(COUNT_SQL, params);
    const { rows } = await client.query(PAGE_SQL, [...params, pageSize, (page - 1) * pageSize]);
    const items = rows.map((r) => ({
      id: r.id,
      number: r.number,
      tableId: r.table_id,
      tableName: r.table_name,
      state: r.state,
      openedAt: r.opened_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      procesregisseur: r.procesregisseur,
      persons: r.persons,
      embargo: r.embargo,
    }));
    const count = Number(total.rows[0].count);
    await client.query(AUDIT_SQL, [
      new Date(),
      'case.list',
      'OK',
      actor.userId,
      actor.organisationId,
      actor.roles,
      actor.sessionId,
      request.ip,
      'case',
      null,
      null,
      null,
      null,
      hex(16),
      hex(8),
      JSON.stringify({ returned: items.map((i) => i.id), total: count, page, filtered: false }),
    ]);
    await client.query('COMMIT');
    return { items, total: count, page, pageSize };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
});

fastify.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => console.log('BARE READY'));
