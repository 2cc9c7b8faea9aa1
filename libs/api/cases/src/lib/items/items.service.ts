import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, Clock, ConflictError, NotFoundError, RequestValidationError } from '@casustafel/api/platform';
import {
  ALLOWED_ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  type AttachmentDto,
  type CreateCaseItemRequest,
  type PartnerType,
  type Sensitivity,
  type UpdateCaseItemRequest,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { accessRule, hasRoleAt, tableRoleRule, WRITER_ROLES } from '../case-roles';

export interface UploadedFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface Download {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * Case items, the unit of sharing: a note (and its attachments) with a data category, a
 * sensitivity and a legal ground, owned by the organisation that wrote it. Who sees what of it is
 * the access policy's decision (cst_case_read / cst_visibility).
 */
@Injectable()
export class ItemsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  create(actor: Actor, caseId: string, input: CreateCaseItemRequest): Promise<{ id: string }> {
    return this.tx.run(async (em) => {
      const target = await this.caseForWriting(em, actor, caseId);
      this.assertEmbargoAllowed(actor, input.sensitivity, target.embargoPartnerTypes);
      if (input.informationRequestId) {
        const answered = await queryRows(
          em,
          `update information_request set state = 'ANSWERED', answered_at = $3, answered_by = $4
           where id = $1 and case_id = $2 and to_organisation_id = $5 and state = 'OPEN' returning id`,
          [input.informationRequestId, caseId, this.clock.now(), actor.userId, actor.organisationId],
        );
        if (answered.length === 0) {
          throw new RequestValidationError([
            {
              field: 'informationRequestId',
              code: 'notOpenForYou',
              message: 'is not an open information request to your organisation',
            },
          ]);
        }
      }
      const id = randomUUID();
      const now = this.clock.now();
      await em.query(
        `insert into case_item (id, case_id, category, sensitivity, title, body, legal_ground, author_organisation_id,
           author_id, information_request_id, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
        [
          id,
          caseId,
          input.category,
          input.sensitivity,
          input.title.trim(),
          input.body,
          input.legalGround ?? null,
          actor.organisationId,
          actor.userId,
          input.informationRequestId ?? null,
          now,
        ],
      );
      await em.query('update casus set updated_at = $2 where id = $1', [caseId, now]);
      await this.audit.record(em, {
        action: 'case.item.create',
        objectType: 'case_item',
        objectId: id,
        subjects: { cases: [caseId] },
        category: input.category,
        authorisationRule: target.rule,
        processingActivityId: target.processingActivityId,
        details: { caseId, category: input.category, sensitivity: input.sensitivity },
      });
      return { id };
    });
  }

  /**
   * Corrects an item. Only the author organisation may, and only while the case is open; a stale
   * `version` is a 409, never a silent overwrite. The change is audited with what changed (codes
   * only, not the text).
   */
  update(
    actor: Actor,
    caseId: string,
    itemId: string,
    input: UpdateCaseItemRequest,
  ): Promise<{ id: string; version: number }> {
    return this.tx.run(async (em) => {
      const target = await this.caseForWriting(em, actor, caseId);
      const rows: Array<{ version: number; category: string; sensitivity: string }> = await em.query(
        `select version, category, sensitivity from case_item
          where id = $1 and case_id = $2 and author_organisation_id = $3 for update`,
        [itemId, caseId, actor.organisationId],
      );
      const current = rows[0];
      if (!current) {
        throw new NotFoundError('No such item.');
      }
      this.assertEmbargoAllowed(actor, input.sensitivity, target.embargoPartnerTypes);
      if (current.version !== input.version) {
        throw new ConflictError('The item was changed by someone else; reload and try again.');
      }
      const now = this.clock.now();
      await em.query(
        `update case_item set category = $2, sensitivity = $3, title = $4, body = $5, legal_ground = $6,
           updated_at = $7, version = version + 1 where id = $1`,
        [
          itemId,
          input.category,
          input.sensitivity,
          input.title.trim(),
          input.body,
          input.legalGround ?? null,
          now,
        ],
      );
      await em.query('update casus set updated_at = $2 where id = $1', [caseId, now]);
      await this.audit.record(em, {
        action: 'case.item.update',
        objectType: 'case_item',
        objectId: itemId,
        subjects: { cases: [caseId] },
        category: input.category,
        authorisationRule: target.rule,
        processingActivityId: target.processingActivityId,
        details: {
          caseId,
          category: input.category,
          sensitivity: input.sensitivity,
          previousCategory: current.category,
          previousSensitivity: current.sensitivity,
        },
      });
      return { id: itemId, version: current.version + 1 };
    });
  }

  /** Attaches a file to one of the organisation's own items; type and size are checked before anything is stored. */
  attach(actor: Actor, caseId: string, itemId: string, file: UploadedFile): Promise<AttachmentDto> {
    const declared = file.contentType.split(';')[0].trim().toLowerCase();
    if (
      !(ALLOWED_ATTACHMENT_TYPES as readonly string[]).includes(declared) ||
      !matchesContent(declared, file.content)
    ) {
      throw new RequestValidationError([
        {
          field: 'file',
          code: 'fileTypeNotAllowed',
          message: 'only PDF, PNG, JPEG, plain text, DOCX or ODT files',
        },
      ]);
    }
    if (file.content.length === 0 || file.content.length > MAX_ATTACHMENT_BYTES) {
      throw new RequestValidationError([
        { field: 'file', code: 'fileTooLarge', message: 'a file must be between 1 byte and 10 MB' },
      ]);
    }
    const fileName = file.fileName.replace(/[\\/\0]/g, '_').slice(0, 200) || 'bijlage';
    return this.tx.run(async (em) => {
      // Like creating or editing an item: an open case, a writer (or guest) of the table.
      const target = await this.caseForWriting(em, actor, caseId);
      const own: Array<{ category: string }> = await em.query(
        'select category from case_item where id = $1 and case_id = $2 and author_organisation_id = $3',
        [itemId, caseId, actor.organisationId],
      );
      if (own.length === 0) {
        throw new NotFoundError('No such item.');
      }
      const id = randomUUID();
      await em.query(
        `insert into case_item_attachment (id, item_id, file_name, content_type, size, sha256, content, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          itemId,
          fileName,
          declared,
          file.content.length,
          createHash('sha256').update(file.content).digest(),
          file.content,
          this.clock.now(),
        ],
      );
      await this.audit.record(em, {
        action: 'case.attachment.create',
        objectType: 'case_item_attachment',
        objectId: id,
        subjects: { cases: [caseId] },
        category: own[0].category,
        authorisationRule: target.rule,
        processingActivityId: target.processingActivityId,
        details: { caseId, itemId, size: file.content.length, contentType: declared },
      });
      return { id, fileName, contentType: declared, size: file.content.length };
    });
  }

  /** A file of an item the actor sees in full; anything else is "not found". Every download is audited. */
  download(actor: Actor, caseId: string, itemId: string, attachmentId: string): Promise<Download> {
    return this.tx
      .run(async (em) => {
        const rows: Array<{
          file_name: string;
          content_type: string;
          content: Buffer;
          category: string;
          access: string;
        }> = await em.query(
          `select a.file_name, a.content_type, a.content, i.category,
                cst_access(i.case_id, i.category, i.sensitivity, array[i.author_organisation_id], i.id) as access
         from case_item_attachment a join case_item i on i.id = a.item_id
         where a.id = $1 and a.item_id = $2 and i.case_id = $3`,
          [attachmentId, itemId, caseId],
        );
        const row = rows[0];
        const permitted = row?.access.startsWith('FULL') === true;
        await this.audit.record(em, {
          action: 'case.attachment.download',
          outcome: permitted ? 'OK' : 'DENIED',
          objectType: 'case_item_attachment',
          objectId: attachmentId,
          subjects: { cases: [caseId] },
          category: row?.category,
          authorisationRule: permitted ? accessRule(row.access) : undefined,
          breakGlass: permitted && row.access.startsWith('FULL:BREAK_GLASS:'),
          details: { caseId, itemId },
        });
        if (!permitted) {
          return undefined;
        }
        return { fileName: row.file_name, contentType: row.content_type, content: row.content };
      })
      .then((download) => {
        if (!download) {
          throw new NotFoundError('No such attachment.');
        }
        return download;
      });
  }

  private assertEmbargoAllowed(actor: Actor, sensitivity: Sensitivity, whitelist: PartnerType[]): void {
    if (sensitivity === 'EMBARGO' && !whitelist.includes(actor.partnerType)) {
      // Embargo hides an item from everyone but the whitelist (police, OM, …): another partner
      // marking its own information so would hand it to those organisations alone.
      throw new RequestValidationError([
        {
          field: 'sensitivity',
          code: 'embargoNotAllowed',
          message: 'only organisations on the embargo list can place an embargo',
        },
      ]);
    }
  }

  private async caseForWriting(
    em: EntityManager,
    actor: Actor,
    caseId: string,
  ): Promise<{ embargoPartnerTypes: PartnerType[]; processingActivityId: string; rule: string }> {
    const rows: Array<{
      table_id: string;
      embargo_partner_types: PartnerType[];
      processing_activity_id: string;
      basis: string | null;
    }> = await em.query(
      `select c.table_id, t.embargo_partner_types, t.processing_activity_id, p.basis
         from casus c join case_table t on t.id = c.table_id
         left join case_participant p on p.case_id = c.id and p.organisation_id = $2
         where c.id = $1 and c.state not in ('AFGESLOTEN', 'VERNIETIGD')`,
      [caseId, actor.organisationId],
    );
    const row = rows[0];
    const guest = row?.basis === 'GUEST';
    if (!row || (!guest && !hasRoleAt(actor, row.table_id, ...WRITER_ROLES))) {
      throw new NotFoundError('No such case.');
    }
    return {
      embargoPartnerTypes: row.embargo_partner_types,
      processingActivityId: row.processing_activity_id,
      rule: tableRoleRule(actor, row.table_id, WRITER_ROLES) ?? 'PARTICIPATION:GUEST',
    };
  }
}

/** The file's first bytes must agree with its declared type (no executable renamed to .pdf). */
function matchesContent(type: string, content: Buffer): boolean {
  const starts = (...bytes: number[]) => bytes.every((b, i) => content[i] === b);
  switch (type) {
    case 'application/pdf':
      return starts(0x25, 0x50, 0x44, 0x46);
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47);
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
    case 'application/vnd.oasis.opendocument.text':
      return starts(0x50, 0x4b, 0x03, 0x04);
    case 'text/plain':
      return !content.subarray(0, 4096).includes(0);
    default:
      return false;
  }
}
