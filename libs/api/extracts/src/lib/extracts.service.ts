import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { decide, toMatrix, type CaseAccess } from '@casustafel/api/access';
import { AuditWriter } from '@casustafel/api/audit';
import { NumberSequence } from '@casustafel/api/cases';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import {
  Actor,
  AppError,
  Clock,
  ConflictError,
  NotFoundError,
  RequestValidationError,
} from '@casustafel/api/platform';
import type {
  CaseState,
  CreateExtractRequest,
  DataCategory,
  ExtractCandidateDto,
  ExtractCandidatesDto,
  ExtractDecisionRequest,
  ExtractDto,
  ExtractItemDto,
  ExtractItemMode,
  ExtractState,
  FieldProblem,
  LegalGround,
  OrganisationRef,
  PartnerType,
  ReceivedExtractDto,
  RecallExtractRequest,
  Sensitivity,
  TableRole,
  VisibilityRule,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { ExtractDocuments, type ExtractContentItem } from './extract-documents';

const MANAGER_ROLES: TableRole[] = ['PROCESREGISSEUR', 'VOORZITTER'];
const ISSUED: ExtractState[] = ['VERSTREKT', 'INGETROKKEN', 'VERVANGEN'];
/** Extract numbers: UT-2026-0001 (uittreksel). */
const NUMBER_PREFIX = 'UT';

/** 410 Gone: the extract was recalled, replaced or has expired; its documents are no longer served. */
export class ExtractGoneError extends AppError {
  readonly status = 410;
  readonly code = 'extract.gone';
  readonly title = 'No longer available';
}

/** 403: four eyes — someone else than the composer decides on an extract (function level, the row is theirs to see). */
export class ExtractFourEyesError extends AppError {
  readonly status = 403;
  readonly code = 'extract.four_eyes';
  readonly title = 'Not allowed';
}

interface CaseRow {
  id: string;
  number: string;
  state: CaseState;
  table_id: string;
  matrix_version: number;
  embargo_partner_types: PartnerType[];
  extract_four_eyes: boolean;
  processing_activity_id: string;
}

interface Recipient {
  id: string;
  name: string;
  partner_type: PartnerType;
}

interface ItemRow {
  id: string;
  title: string;
  body: string;
  category: DataCategory;
  sensitivity: Sensitivity;
  author_organisation_id: string;
  author_name: string;
  author_type: PartnerType;
  created_at: Date;
  access: string;
}

interface ExtractRow {
  id: string;
  number: string;
  case_id: string;
  case_number: string;
  table_id: string;
  from_organisation_id: string;
  from_name: string;
  recipient_organisation_id: string;
  recipient_name: string;
  recipient_type: PartnerType;
  purpose: string;
  legal_ground: LegalGround;
  legal_reference: string;
  expires_on: string | null;
  state: ExtractState;
  four_eyes: boolean;
  composed_by: string;
  composed_by_name: string;
  composed_at: Date;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  issued_at: Date | null;
  recalled_at: Date | null;
  recall_reason: string | null;
  supersedes_extract_id: string | null;
  supersedes_number: string | null;
  superseded_by: string | null;
  superseded_by_number: string | null;
  pdf_sha256: string | null;
  json_sha256: string | null;
  version: number;
}

const EXTRACT_SELECT = `
  select e.id, e.number, e.case_id, c.number as case_number, c.table_id, e.from_organisation_id, f.name as from_name,
         e.recipient_organisation_id, r.name as recipient_name, r.partner_type as recipient_type, e.purpose,
         e.legal_ground, e.legal_reference, to_char(e.expires_on, 'YYYY-MM-DD') as expires_on, e.state, e.four_eyes,
         e.composed_by, cu.display_name as composed_by_name, e.composed_at, e.decided_by,
         du.display_name as decided_by_name, e.decided_at, e.decision_reason, e.issued_at, e.recalled_at,
         e.recall_reason, e.supersedes_extract_id, s.number as supersedes_number, n.id as superseded_by,
         n.number as superseded_by_number, encode(e.pdf_sha256, 'hex') as pdf_sha256,
         encode(e.json_sha256, 'hex') as json_sha256, e.version
    from extract e
    join casus c on c.id = e.case_id
    join organisation f on f.id = e.from_organisation_id
    join organisation r on r.id = e.recipient_organisation_id
    join app_user cu on cu.id = e.composed_by
    left join app_user du on du.id = e.decided_by
    left join extract s on s.id = e.supersedes_extract_id
    left join lateral (select x.id, x.number from extract x
                        where x.supersedes_extract_id = e.id and x.state in ('VERSTREKT', 'INGETROKKEN', 'VERVANGEN')
                        order by x.issued_at desc limit 1) n on true`;

/** The composer's (or reader's) full view of an item: the policy says FULL, and not through their own noodknop. */
const seesInFull = (access: string | null | undefined): boolean =>
  access !== null &&
  access !== undefined &&
  access.startsWith('FULL') &&
  !access.startsWith('FULL:BREAK_GLASS');

/**
 * Need-to-know extracts (uittreksels; issue 7, ADR 0024). The managers of a case's table
 * (procesregisseur, voorzitter) compose an extract for one organisation from the items they see in
 * full, each as much as the one access policy (decide()) allows that organisation as if it took
 * part: FULL content, a category summary, or not at all (embargo only to the whitelist). A second
 * manager approves where the table asks for four eyes; issuing generates the PDF and the JSON once,
 * stores them with their SHA-256, and records a disclosure that grants no access to the case. The
 * recipient organisation reads its extracts and downloads their documents while they stand. Every
 * read and download is audited; a failure anywhere rolls the whole issue back.
 */
@Injectable()
export class ExtractsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly numbers: NumberSequence,
    private readonly documents: ExtractDocuments,
  ) {}

  // ---- the managers' side ----------------------------------------------------------------------

  candidates(actor: Actor, caseId: string, recipientOrganisationId: string): Promise<ExtractCandidatesDto> {
    return this.tx.run(async (em) => {
      const c = await this.managedCase(em, actor, caseId);
      const recipient = await this.recipient(em, actor, recipientOrganisationId);
      const candidates = await this.offer(em, c, recipient);
      await this.audit.record(em, {
        action: 'extract.candidates',
        objectType: 'case',
        objectId: caseId,
        authorisationRule: roleRule(actor, c.table_id),
        processingActivityId: c.processing_activity_id,
        purpose: 'extract',
        details: { caseId, recipient: recipient.id, candidates: candidates.length },
      });
      return {
        recipient: orgRef(recipient.id, recipient.name, recipient.partner_type),
        fourEyes: c.extract_four_eyes,
        candidates: candidates.map(({ item, allowed }) => ({
          itemId: item.id,
          title: item.title,
          category: item.category,
          sensitivity: item.sensitivity,
          authorOrganisation: orgRef(item.author_organisation_id, item.author_name, item.author_type),
          createdAt: item.created_at.toISOString(),
          allowed,
        })) satisfies ExtractCandidateDto[],
      };
    });
  }

  create(actor: Actor, caseId: string, input: CreateExtractRequest): Promise<ExtractDto> {
    const expiresOn = input.expiresOn ?? null;
    if (expiresOn !== null && expiresOn <= amsterdamDay(this.clock.now())) {
      throw new RequestValidationError([
        { field: 'expiresOn', code: 'notInFuture', message: 'the expiry date must be after today' },
      ]);
    }
    return this.tx.run(async (em) => {
      const c = await this.managedCase(em, actor, caseId);
      const recipient = await this.recipient(em, actor, input.recipientOrganisationId);
      const offered = new Map((await this.offer(em, c, recipient)).map((o) => [o.item.id, o]));
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      input.items.forEach((choice, index) => {
        const offer = offered.get(choice.itemId);
        if (seen.has(choice.itemId)) {
          problems.push({
            field: `items[${index}].itemId`,
            code: 'duplicate',
            message: 'this item is chosen twice',
          });
        } else if (!offer) {
          problems.push({
            field: `items[${index}].itemId`,
            code: 'notForRecipient',
            message: 'the recipient may not receive this item',
          });
        } else if (choice.mode === 'FULL' && offer.allowed !== 'FULL') {
          problems.push({
            field: `items[${index}].mode`,
            code: 'onlySummary',
            message: 'the recipient may receive only a category summary of this item',
          });
        }
        seen.add(choice.itemId);
      });
      if (input.supersedesExtractId) {
        const old = await queryRows<{ state: ExtractState }>(
          em,
          `select state from extract where id = $1 and case_id = $2 and recipient_organisation_id = $3`,
          [input.supersedesExtractId, caseId, recipient.id],
        );
        if (old[0]?.state !== 'VERSTREKT') {
          problems.push({
            field: 'supersedesExtractId',
            code: 'notReplaceable',
            message: 'is not an issued extract of this case for this recipient',
          });
        }
      }
      if (problems.length > 0) {
        throw new RequestValidationError(problems);
      }

      const id = randomUUID();
      const now = this.clock.now();
      const number = await this.numbers.next(em, NUMBER_PREFIX, now);
      await em.query(
        `insert into extract (id, number, case_id, from_organisation_id, recipient_organisation_id, purpose, legal_ground,
           legal_reference, expires_on, state, four_eyes, composed_by, composed_at, supersedes_extract_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'TER_GOEDKEURING', $10, $11, $12, $13)`,
        [
          id,
          number,
          caseId,
          actor.organisationId,
          recipient.id,
          input.purpose.trim(),
          input.legalGround,
          (input.legalReference ?? '').trim(),
          expiresOn,
          c.extract_four_eyes,
          actor.userId,
          now,
          input.supersedesExtractId ?? null,
        ],
      );
      await em.query(
        `insert into extract_item (extract_id, position, item_id, mode, category)
         select $1, t.position - 1, t.item_id, t.mode, t.category
           from unnest($2::uuid[], $3::text[], $4::text[]) with ordinality as t (item_id, mode, category, position)`,
        [
          id,
          input.items.map((i) => i.itemId),
          input.items.map((i) => i.mode),
          input.items.map((i) => (offered.get(i.itemId) as Offer).item.category),
        ],
      );
      await this.audit.record(em, {
        action: 'extract.create',
        objectType: 'extract',
        objectId: id,
        subjects: { cases: [caseId] },
        authorisationRule: roleRule(actor, c.table_id),
        processingActivityId: c.processing_activity_id,
        legalGround: input.legalGround,
        purpose: 'extract',
        details: {
          caseId,
          recipient: recipient.id,
          items: input.items.length,
          fourEyes: c.extract_four_eyes,
          supersedes: input.supersedesExtractId ?? null,
        },
      });
      if (!c.extract_four_eyes) {
        await this.issue(em, actor, id, c);
      }
      return this.one(em, actor, id);
    });
  }

  list(actor: Actor, caseId: string): Promise<ExtractDto[]> {
    return this.tx.run(async (em) => {
      const c = await this.managedCase(em, actor, caseId);
      const rows = await queryRows<ExtractRow>(
        em,
        `${EXTRACT_SELECT} where e.case_id = $1 order by e.composed_at desc`,
        [caseId],
      );
      await this.audit.record(em, {
        action: 'extract.read',
        objectType: 'case',
        objectId: caseId,
        authorisationRule: roleRule(actor, c.table_id),
        processingActivityId: c.processing_activity_id,
        details: { caseId, extracts: rows.length },
      });
      return this.toDtos(em, actor, rows);
    });
  }

  get(actor: Actor, id: string): Promise<ExtractDto> {
    return this.tx.run(async (em) => {
      const row = await this.managed(em, actor, id);
      await this.audit.record(em, {
        action: 'extract.read',
        objectType: 'extract',
        objectId: id,
        subjects: { cases: [row.case_id] },
        authorisationRule: roleRule(actor, row.table_id),
        details: { caseId: row.case_id, state: row.state },
      });
      return (await this.toDtos(em, actor, [row]))[0];
    });
  }

  decide(actor: Actor, id: string, input: ExtractDecisionRequest): Promise<ExtractDto> {
    return this.tx.run(async (em) => {
      const row = await this.managed(em, actor, id, true);
      if (row.state !== 'TER_GOEDKEURING') {
        throw new ConflictError(`The extract is ${row.state}; there is nothing to decide.`, 'extract.state');
      }
      if (row.version !== input.version) {
        throw new ConflictError('The extract was changed by someone else; reload and try again.');
      }
      if (row.four_eyes && row.composed_by === actor.userId) {
        throw new ExtractFourEyesError('Someone else must approve an extract you composed (four eyes).');
      }
      const c = await this.managedCase(em, actor, row.case_id);
      if (input.approve) {
        await this.issue(em, actor, id, c);
      } else {
        await em.query(
          `update extract set state = 'AFGEWEZEN', decided_by = $2, decided_at = $3, decision_reason = $4,
             version = version + 1 where id = $1`,
          [id, actor.userId, this.clock.now(), (input.reason ?? '').trim()],
        );
      }
      await this.audit.record(em, {
        action: 'extract.decide',
        objectType: 'extract',
        objectId: id,
        subjects: { cases: [row.case_id] },
        authorisationRule: roleRule(actor, row.table_id),
        processingActivityId: c.processing_activity_id,
        legalGround: row.legal_ground,
        details: { caseId: row.case_id, approve: input.approve, recipient: row.recipient_organisation_id },
      });
      return this.one(em, actor, id);
    });
  }

  recall(actor: Actor, id: string, input: RecallExtractRequest): Promise<ExtractDto> {
    return this.tx.run(async (em) => {
      const row = await this.managed(em, actor, id, true);
      if (row.state !== 'VERSTREKT') {
        throw new ConflictError(
          `The extract is ${row.state}; only an issued extract can be recalled.`,
          'extract.state',
        );
      }
      if (row.version !== input.version) {
        throw new ConflictError('The extract was changed by someone else; reload and try again.');
      }
      const now = this.clock.now();
      const reason = input.reason.trim();
      await em.query(
        `update extract set state = 'INGETROKKEN', recalled_by = $2, recalled_at = $3, recall_reason = $4,
           version = version + 1 where id = $1`,
        [id, actor.userId, now, reason],
      );
      await em.query(
        `update disclosure set state = 'REVOKED', revoked_by = $2, revoked_at = $3, revoke_reason = $4
          where extract_id = $1 and state = 'APPROVED'`,
        [id, actor.userId, now, reason],
      );
      await this.audit.record(em, {
        action: 'extract.recall',
        objectType: 'extract',
        objectId: id,
        subjects: { cases: [row.case_id] },
        authorisationRule: roleRule(actor, row.table_id),
        details: { caseId: row.case_id, recipient: row.recipient_organisation_id },
      });
      return this.one(em, actor, id);
    });
  }

  // ---- documents (managers and the recipient) ---------------------------------------------------

  /**
   * The stored PDF or JSON, exactly the bytes whose SHA-256 was recorded at issue. The recipient
   * organisation downloads while the extract is VERSTREKT and not expired (otherwise 410); the
   * managers of the table any issued extract whose full items they can read themselves. Every
   * attempt is audited, a refusal too; anything else is "not found".
   */
  async download(
    actor: Actor,
    id: string,
    format: 'pdf' | 'json',
  ): Promise<{ fileName: string; contentType: string; content: Buffer }> {
    const result = await this.tx.run(async (em) => {
      const rows = await queryRows<{
        number: string;
        case_id: string;
        table_id: string;
        state: ExtractState;
        expires_on: string | null;
        recipient_organisation_id: string;
      }>(
        em,
        `select e.number, e.case_id, cst_case_table(e.case_id) as table_id, e.state,
                to_char(e.expires_on, 'YYYY-MM-DD') as expires_on, e.recipient_organisation_id
           from extract e where e.id = $1`,
        [id],
      );
      const row = rows[0];
      const asRecipient = row?.recipient_organisation_id === actor.organisationId;
      let verdict: 'OK' | 'GONE' | 'NOT_FOUND' = 'NOT_FOUND';
      if (row && asRecipient) {
        verdict = row.state === 'VERSTREKT' && !isExpired(row.expires_on, this.clock.now()) ? 'OK' : 'GONE';
      } else if (row && isManager(actor, row.table_id) && ISSUED.includes(row.state)) {
        verdict = (await this.readsAllFullItems(em, id)) ? 'OK' : 'NOT_FOUND';
      }
      const docs =
        verdict === 'OK'
          ? await queryRows<{ content: Buffer; sha256: string }>(
              em,
              format === 'pdf'
                ? `select pdf as content, encode(pdf_sha256, 'hex') as sha256 from extract_document where extract_id = $1`
                : `select json as content, encode(json_sha256, 'hex') as sha256 from extract_document where extract_id = $1`,
              [id],
            )
          : [];
      if (verdict === 'OK' && !docs[0]) {
        verdict = asRecipient ? 'GONE' : 'NOT_FOUND';
      }
      await this.audit.record(em, {
        action: 'extract.download',
        outcome: verdict === 'OK' ? 'OK' : 'DENIED',
        objectType: 'extract',
        objectId: id,
        subjects: row ? { cases: [row.case_id] } : undefined,
        authorisationRule:
          verdict === 'OK'
            ? asRecipient
              ? 'EXTRACT_RECIPIENT'
              : roleRule(actor, row?.table_id ?? '')
            : undefined,
        purpose: 'extract',
        details: {
          format,
          as: asRecipient ? 'recipient' : 'manager',
          state: row && (asRecipient || verdict === 'OK') ? row.state : null,
          sha256: docs[0]?.sha256 ?? null,
        },
      });
      return { verdict, number: row?.number ?? '', content: docs[0]?.content };
    });
    if (result.verdict === 'GONE') {
      throw new ExtractGoneError(
        'This extract was recalled, replaced or has expired; it can no longer be downloaded.',
      );
    }
    if (result.verdict !== 'OK' || !result.content) {
      throw new NotFoundError('No such extract.');
    }
    return {
      fileName: `uittreksel-${result.number}.${format}`,
      contentType: format === 'pdf' ? 'application/pdf' : 'application/json; charset=utf-8',
      content: result.content,
    };
  }

  // ---- the recipient's side ---------------------------------------------------------------------

  received(actor: Actor): Promise<ReceivedExtractDto[]> {
    return this.tx.run(async (em) => {
      const rows = await this.receivedRows(em, actor);
      await this.audit.record(em, {
        action: 'extract.received.list',
        objectType: 'organisation',
        objectId: actor.organisationId,
        subjects: rows.length > 0 ? { cases: [...new Set(rows.map((r) => r.case_id))] } : undefined,
        authorisationRule: 'EXTRACT_RECIPIENT',
        details: { extracts: rows.length },
      });
      return rows.map((r) => this.toReceived(r));
    });
  }

  receivedOne(actor: Actor, id: string): Promise<ReceivedExtractDto> {
    return this.tx
      .run(async (em) => {
        const rows = await this.receivedRows(em, actor, id);
        const row = rows[0];
        await this.audit.record(em, {
          action: 'extract.received.read',
          outcome: row ? 'OK' : 'DENIED',
          objectType: 'extract',
          objectId: id,
          subjects: row ? { cases: [row.case_id] } : undefined,
          authorisationRule: row ? 'EXTRACT_RECIPIENT' : undefined,
          details: { state: row?.state ?? null },
        });
        return row ? this.toReceived(row) : undefined;
      })
      .then((dto) => {
        if (!dto) {
          throw new NotFoundError('No such extract.');
        }
        return dto;
      });
  }

  // ---- internals ----------------------------------------------------------------------------------

  /**
   * Issues an extract inside the caller's transaction: re-checks the selection under the policy as
   * it stands now (the items still exist, the decider reads the full ones, the recipient may still
   * receive each as chosen), generates both documents, records the disclosure and stores everything.
   * Any failure throws and the caller's transaction leaves nothing behind.
   */
  private async issue(em: EntityManager, actor: Actor, id: string, c: CaseRow): Promise<void> {
    const head = (
      await queryRows<{
        number: string;
        purpose: string;
        legal_ground: LegalGround;
        legal_reference: string;
        expires_on: string | null;
        recipient_organisation_id: string;
        from_name: string;
        supersedes_extract_id: string | null;
        supersedes_number: string | null;
      }>(
        em,
        `select e.number, e.purpose, e.legal_ground, e.legal_reference, to_char(e.expires_on, 'YYYY-MM-DD') as expires_on,
                e.recipient_organisation_id, f.name as from_name, e.supersedes_extract_id, s.number as supersedes_number
           from extract e join organisation f on f.id = e.from_organisation_id
           left join extract s on s.id = e.supersedes_extract_id
          where e.id = $1`,
        [id],
      )
    )[0];
    const recipient = await this.recipientRow(em, head.recipient_organisation_id);
    const chosen = await queryRows<
      { item_id: string; mode: ExtractItemMode; found: string | null } & ItemRow
    >(
      em,
      `select x.item_id, x.mode, i.id as found, i.id, i.title, i.body, i.category, i.sensitivity,
              i.author_organisation_id, o.name as author_name, o.partner_type as author_type, i.created_at,
              cst_access(i.case_id, i.category, i.sensitivity, array[i.author_organisation_id], i.id) as access
         from extract_item x
         left join case_item i on i.id = x.item_id and i.case_id = $2
         left join organisation o on o.id = i.author_organisation_id
        where x.extract_id = $1 order by x.position`,
      [id, c.id],
    );
    if (chosen.some((x) => x.found === null || (x.mode === 'FULL' && !seesInFull(x.access)))) {
      throw new ConflictError(
        'An item of the extract no longer exists or you cannot read it in full; compose the extract anew.',
        'extract.item_unavailable',
      );
    }
    const access = await this.recipientAccess(em, c, recipient);
    if (chosen.some((x) => !modeFits(allowedFor(access, x), x.mode))) {
      throw new ConflictError(
        'The recipient may no longer receive an item of the extract as chosen; compose the extract anew.',
        'extract.no_longer_allowed',
      );
    }
    const now = this.clock.now();
    const items: ExtractContentItem[] = chosen.map((x) =>
      x.mode === 'FULL'
        ? {
            mode: 'FULL',
            category: x.category,
            authorOrganisation: x.author_name,
            createdAt: x.created_at,
            title: x.title,
            body: x.body,
          }
        : {
            mode: 'CATEGORY_SUMMARY',
            category: x.category,
            authorOrganisation: x.author_name,
            createdAt: x.created_at,
          },
    );
    const files = await this.documents.generate({
      number: head.number,
      issuedAt: now,
      caseNumber: c.number,
      from: head.from_name,
      recipient: recipient.name,
      purpose: head.purpose,
      legalGround: head.legal_ground,
      legalReference: head.legal_reference,
      expiresOn: head.expires_on,
      supersedes: head.supersedes_number,
      items,
    });
    const composer = await queryRows<{
      composed_by: string;
      composed_at: Date;
      from_organisation_id: string;
    }>(em, 'select composed_by, composed_at, from_organisation_id from extract where id = $1', [id]);
    // The disclosure record (verstrekking): parties, categories, legal ground, approver, date, purpose.
    // It names the extract, so the access policy leaves it out: it grants nothing in the case.
    await em.query(
      `insert into disclosure (id, case_id, from_organisation_id, to_organisation_id, item_ids, categories, purpose,
         legal_ground, legal_reference, state, proposed_by, proposed_at, decided_by, decided_at, extract_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'APPROVED', $10, $11, $12, $13, $14)`,
      [
        randomUUID(),
        c.id,
        composer[0].from_organisation_id,
        recipient.id,
        chosen.filter((x) => x.mode === 'FULL').map((x) => x.item_id),
        [...new Set(chosen.map((x) => x.category))],
        head.purpose,
        head.legal_ground,
        head.legal_reference,
        composer[0].composed_by,
        composer[0].composed_at,
        actor.userId,
        now,
        id,
      ],
    );
    await em.query(
      `update extract set state = 'VERSTREKT', decided_by = $2, decided_at = $3, issued_at = $3, pdf_sha256 = $4,
         json_sha256 = $5, version = version + 1 where id = $1`,
      [id, actor.userId, now, files.pdfSha256, files.jsonSha256],
    );
    await em.query(
      `insert into extract_document (extract_id, pdf, pdf_sha256, json, json_sha256) values ($1, $2, $3, $4, $5)`,
      [id, files.pdf, files.pdfSha256, files.json, files.jsonSha256],
    );
    if (head.supersedes_extract_id) {
      await em.query(
        `update extract set state = 'VERVANGEN', superseded_at = $2, version = version + 1
          where id = $1 and state = 'VERSTREKT'`,
        [head.supersedes_extract_id, now],
      );
    }
    await this.audit.record(em, {
      action: 'extract.issue',
      objectType: 'extract',
      objectId: id,
      subjects: { cases: [c.id] },
      authorisationRule: roleRule(actor, c.table_id),
      processingActivityId: c.processing_activity_id,
      legalGround: head.legal_ground,
      purpose: 'extract',
      details: {
        caseId: c.id,
        recipient: recipient.id,
        categories: [...new Set(chosen.map((x) => x.category))],
        full: chosen.filter((x) => x.mode === 'FULL').length,
        summaries: chosen.filter((x) => x.mode === 'CATEGORY_SUMMARY').length,
        pdfSha256: files.pdfSha256.toString('hex'),
        jsonSha256: files.jsonSha256.toString('hex'),
        supersedes: head.supersedes_extract_id,
      },
    });
  }

  /** What may go to the recipient: the items the composer sees in full, each as much as the policy allows it. */
  private async offer(em: EntityManager, c: CaseRow, recipient: Recipient): Promise<Offer[]> {
    const items = await queryRows<ItemRow>(
      em,
      `select i.id, i.title, i.body, i.category, i.sensitivity, i.author_organisation_id, o.name as author_name,
              o.partner_type as author_type, i.created_at,
              cst_access(i.case_id, i.category, i.sensitivity, array[i.author_organisation_id], i.id) as access
         from case_item i join organisation o on o.id = i.author_organisation_id
        where i.case_id = $1 order by i.created_at, i.id`,
      [c.id],
    );
    const access = await this.recipientAccess(em, c, recipient);
    return items
      .filter((item) => seesInFull(item.access))
      .flatMap((item) => {
        const allowed = allowedFor(access, item);
        return allowed ? [{ item, allowed }] : [];
      });
  }

  /**
   * The recipient under the one access policy, as if it took part in the case (as a member: the
   * matrix for its partner type applies), with the table's embargo whitelist and the disclosures
   * to it that stand — never an extract's own disclosure, and never anyone's noodknop.
   */
  private async recipientAccess(em: EntityManager, c: CaseRow, recipient: Recipient): Promise<CaseAccess> {
    const rules = await queryRows<VisibilityRule>(
      em,
      `select category, partner_type as "partnerType", level from visibility_rule where table_id = $1 and version = $2`,
      [c.table_id, c.matrix_version],
    );
    const disclosures = await queryRows<{
      from_organisation_id: string;
      item_ids: string[];
      categories: DataCategory[];
      consent_withdrawn: boolean;
    }>(
      em,
      `select d.from_organisation_id, d.item_ids, d.categories,
              exists (select 1 from consent_record k where k.id = d.consent_id and k.withdrawn_at is not null)
                as consent_withdrawn
         from disclosure d where d.case_id = $1 and d.to_organisation_id = $2 and d.state = 'APPROVED'
          and d.extract_id is null`,
      [c.id, recipient.id],
    );
    return {
      organisationId: recipient.id,
      partnerType: recipient.partner_type,
      participation: 'MEMBER',
      caseState: c.state,
      matrix: toMatrix(rules),
      embargoPartnerTypes: c.embargo_partner_types,
      disclosures: disclosures.map((d) => ({
        fromOrganisationId: d.from_organisation_id,
        itemIds: d.item_ids,
        categories: d.categories,
        consentWithdrawn: d.consent_withdrawn,
      })),
    };
  }

  /** The case, if the actor manages its table and sees it (row-level security); otherwise "not found". */
  private async managedCase(em: EntityManager, actor: Actor, caseId: string): Promise<CaseRow> {
    const rows = await queryRows<CaseRow>(
      em,
      `select c.id, c.number, c.state, c.table_id, t.matrix_version, t.embargo_partner_types, t.extract_four_eyes,
              t.processing_activity_id
         from casus c join case_table t on t.id = c.table_id
        where c.id = $1 and c.state <> 'VERNIETIGD'`,
      [caseId],
    );
    const c = rows[0];
    if (!c || !isManager(actor, c.table_id)) {
      throw new NotFoundError('No such case.');
    }
    return c;
  }

  /** An extract of a case the actor manages (row-level security and the role); otherwise "not found". */
  private async managed(em: EntityManager, actor: Actor, id: string, lock = false): Promise<ExtractRow> {
    const rows = await queryRows<ExtractRow>(
      em,
      `${EXTRACT_SELECT} where e.id = $1 and c.state <> 'VERNIETIGD'${lock ? ' for update of e' : ''}`,
      [id],
    );
    const row = rows[0];
    if (!row || !isManager(actor, row.table_id)) {
      throw new NotFoundError('No such extract.');
    }
    return row;
  }

  private async one(em: EntityManager, actor: Actor, id: string): Promise<ExtractDto> {
    const rows = await queryRows<ExtractRow>(em, `${EXTRACT_SELECT} where e.id = $1`, [id]);
    return (await this.toDtos(em, actor, rows))[0];
  }

  /** A recipient of the actor's region, not the actor's own organisation. */
  private async recipient(em: EntityManager, actor: Actor, organisationId: string): Promise<Recipient> {
    const rows = await queryRows<Recipient>(
      em,
      `select id, name, partner_type from organisation where id = $1 and region_id = $2 and active`,
      [organisationId, actor.regionId],
    );
    if (!rows[0]) {
      throw new RequestValidationError([
        {
          field: 'recipientOrganisationId',
          code: 'unknownOrganisation',
          message: 'is not an organisation of your region',
        },
      ]);
    }
    if (rows[0].id === actor.organisationId) {
      throw new RequestValidationError([
        { field: 'recipientOrganisationId', code: 'self', message: 'choose another organisation' },
      ]);
    }
    return rows[0];
  }

  private async recipientRow(em: EntityManager, organisationId: string): Promise<Recipient> {
    const rows = await queryRows<Recipient>(
      em,
      'select id, name, partner_type from organisation where id = $1',
      [organisationId],
    );
    return rows[0];
  }

  /** A manager downloads only an extract whose full items they can read themselves (need-to-know). */
  private async readsAllFullItems(em: EntityManager, id: string): Promise<boolean> {
    const rows = await queryRows<{ access: string | null }>(
      em,
      `select cst_access(i.case_id, i.category, i.sensitivity, array[i.author_organisation_id], i.id) as access
         from extract_item x join extract e on e.id = x.extract_id
         left join case_item i on i.id = x.item_id and i.case_id = e.case_id
        where x.extract_id = $1 and x.mode = 'FULL'`,
      [id],
    );
    // An item removed since issue does not stop the record of what went out from being read.
    return rows.every((r) => r.access === null || seesInFull(r.access));
  }

  private async toDtos(em: EntityManager, actor: Actor, rows: ExtractRow[]): Promise<ExtractDto[]> {
    if (rows.length === 0) {
      return [];
    }
    const items = await queryRows<{
      extract_id: string;
      item_id: string;
      mode: ExtractItemMode;
      category: DataCategory;
      title: string | null;
      access: string | null;
    }>(
      em,
      `select x.extract_id, x.item_id, x.mode, x.category, i.title,
              cst_access(i.case_id, i.category, i.sensitivity, array[i.author_organisation_id], i.id) as access
         from extract_item x join extract e on e.id = x.extract_id
         left join case_item i on i.id = x.item_id and i.case_id = e.case_id
        where x.extract_id = any($1::uuid[]) order by x.extract_id, x.position`,
      [rows.map((r) => r.id)],
    );
    const now = this.clock.now();
    return rows.map((r) => {
      const manager = isManager(actor, r.table_id);
      const issued = ISSUED.includes(r.state);
      return {
        id: r.id,
        number: r.number,
        caseId: r.case_id,
        caseNumber: r.case_number,
        recipient: orgRef(r.recipient_organisation_id, r.recipient_name, r.recipient_type),
        purpose: r.purpose,
        legalGround: r.legal_ground,
        legalReference: r.legal_reference,
        state: r.state,
        expiresOn: r.expires_on,
        expired: isExpired(r.expires_on, now),
        items: items
          .filter((i) => i.extract_id === r.id)
          .map(
            (i): ExtractItemDto => ({
              itemId: i.item_id,
              mode: i.mode,
              category: i.category,
              // The title only to whom the policy shows the item in full.
              title: seesInFull(i.access) ? i.title : null,
            }),
          ),
        composedBy: r.composed_by_name,
        composedAt: r.composed_at.toISOString(),
        decidedBy: r.decided_by_name,
        decidedAt: r.decided_at?.toISOString() ?? null,
        decisionReason: r.decision_reason,
        issuedAt: r.issued_at?.toISOString() ?? null,
        recalledAt: r.recalled_at?.toISOString() ?? null,
        recallReason: r.recall_reason,
        supersedes: r.supersedes_extract_id,
        supersedesNumber: r.supersedes_number,
        supersededBy: r.superseded_by,
        supersededByNumber: r.superseded_by_number,
        pdfSha256: r.pdf_sha256,
        jsonSha256: r.json_sha256,
        version: r.version,
        can: {
          decide:
            manager && r.state === 'TER_GOEDKEURING' && (!r.four_eyes || r.composed_by !== actor.userId),
          recall: manager && r.state === 'VERSTREKT',
          supersede: manager && r.state === 'VERSTREKT',
          download: manager && issued,
        },
      };
    });
  }

  private receivedRows(em: EntityManager, actor: Actor, id?: string) {
    return queryRows<{
      id: string;
      number: string;
      case_id: string;
      from_id: string;
      from_name: string;
      from_type: PartnerType;
      purpose: string;
      legal_ground: LegalGround;
      issued_at: Date;
      expires_on: string | null;
      state: ExtractState;
      recall_reason: string | null;
      pdf_sha256: string;
      json_sha256: string;
    }>(
      em,
      `select e.id, e.number, e.case_id, f.id as from_id, f.name as from_name, f.partner_type as from_type, e.purpose,
              e.legal_ground, e.issued_at, to_char(e.expires_on, 'YYYY-MM-DD') as expires_on, e.state, e.recall_reason,
              encode(e.pdf_sha256, 'hex') as pdf_sha256, encode(e.json_sha256, 'hex') as json_sha256
         from extract e join organisation f on f.id = e.from_organisation_id
        where e.recipient_organisation_id = $1 and e.state in ('VERSTREKT', 'INGETROKKEN', 'VERVANGEN')
          and ($2::uuid is null or e.id = $2)
        order by e.issued_at desc, e.number desc`,
      [actor.organisationId, id ?? null],
    );
  }

  private toReceived(r: Awaited<ReturnType<ExtractsService['receivedRows']>>[number]): ReceivedExtractDto {
    const expired = isExpired(r.expires_on, this.clock.now());
    return {
      id: r.id,
      number: r.number,
      from: orgRef(r.from_id, r.from_name, r.from_type),
      purpose: r.purpose,
      legalGround: r.legal_ground,
      issuedAt: r.issued_at.toISOString(),
      expiresOn: r.expires_on,
      state: r.state,
      expired,
      recallReason: r.state === 'INGETROKKEN' ? r.recall_reason : null,
      pdfSha256: r.pdf_sha256,
      jsonSha256: r.json_sha256,
      canDownload: r.state === 'VERSTREKT' && !expired,
    };
  }
}

interface Offer {
  item: ItemRow;
  allowed: ExtractItemMode;
}

/** What the recipient may receive of an item: FULL → FULL, SUMMARY → a category summary, NONE → nothing. */
function allowedFor(
  access: CaseAccess,
  item: Pick<ItemRow, 'id' | 'category' | 'sensitivity' | 'author_organisation_id'>,
): ExtractItemMode | null {
  const decision = decide(access, {
    id: item.id,
    category: item.category,
    sensitivity: item.sensitivity,
    owners: [item.author_organisation_id],
  });
  return decision.visibility === 'FULL'
    ? 'FULL'
    : decision.visibility === 'SUMMARY'
      ? 'CATEGORY_SUMMARY'
      : null;
}

const modeFits = (allowed: ExtractItemMode | null, mode: ExtractItemMode): boolean =>
  allowed !== null && (mode === 'CATEGORY_SUMMARY' || allowed === 'FULL');

function isManager(actor: Actor, tableId: string): boolean {
  return actor.tableRoles.some((r) => r.tableId === tableId && MANAGER_ROLES.includes(r.role));
}

function roleRule(actor: Actor, tableId: string): string | undefined {
  const role = actor.tableRoles.find((r) => r.tableId === tableId && MANAGER_ROLES.includes(r.role))?.role;
  return role ? `TABLE_ROLE:${role}` : undefined;
}

function orgRef(id: string, name: string, partnerType: PartnerType): OrganisationRef {
  return { id, name, partnerType };
}

/** The calendar day in the Netherlands, as YYYY-MM-DD. */
export function amsterdamDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** An extract counts through its expiry day (Dutch time), as the database's download policy counts it. */
export function isExpired(expiresOn: string | null, now: Date): boolean {
  return expiresOn !== null && expiresOn < amsterdamDay(now);
}
