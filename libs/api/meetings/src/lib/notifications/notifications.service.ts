import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, Clock, NotFoundError } from '@casustafel/api/platform';
import type {
  NotificationDto,
  NotificationListResponse,
  NotificationType,
  UnreadCountDto,
} from '@casustafel/shared/contracts';

interface NotificationRow {
  id: string;
  type: NotificationType;
  action_id: string | null;
  meeting_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

/**
 * The user's in-app notifications: a type and opaque references only (never personal data), so
 * listing them is no read of personal data. Row-level security keeps them the user's own.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor, page = 1, pageSize = 20): Promise<NotificationListResponse> {
    return this.tx.run(async (em) => {
      const rows = await queryRows<NotificationRow & { total: string; unread: string }>(
        em,
        `select id, type, action_id, meeting_id, created_at, read_at,
                count(*) over () as total, count(*) filter (where read_at is null) over () as unread
           from notification where user_id = $1
          order by created_at desc, id desc limit $2 offset $3`,
        [actor.userId, pageSize, (page - 1) * pageSize],
      );
      const counts = rows[0]
        ? { total: Number(rows[0].total), unread: Number(rows[0].unread) }
        : await this.counts(actor);
      return { items: rows.map(toDto), ...counts, page, pageSize };
    });
  }

  unreadCount(actor: Actor): Promise<UnreadCountDto> {
    return this.tx.run(async (em) => {
      const rows = await queryRows<{ unread: string }>(
        em,
        'select count(*) as unread from notification where user_id = $1 and read_at is null',
        [actor.userId],
      );
      return { unread: Number(rows[0].unread) };
    });
  }

  markRead(actor: Actor, id: string): Promise<NotificationDto> {
    return this.tx.run(async (em) => {
      const rows = await queryRows<NotificationRow>(
        em,
        `update notification set read_at = coalesce(read_at, $3) where id = $1 and user_id = $2
         returning id, type, action_id, meeting_id, created_at, read_at`,
        [id, actor.userId, this.clock.now()],
      );
      if (!rows[0]) {
        throw new NotFoundError('No such notification.');
      }
      await this.audit.record(em, {
        action: 'notification.read',
        objectType: 'notification',
        objectId: id,
        authorisationRule: 'OWN_NOTIFICATION',
        details: { count: 1 },
      });
      return toDto(rows[0]);
    });
  }

  markAllRead(actor: Actor): Promise<UnreadCountDto> {
    return this.tx.run(async (em) => {
      const rows = await queryRows<{ id: string }>(
        em,
        'update notification set read_at = $2 where user_id = $1 and read_at is null returning id',
        [actor.userId, this.clock.now()],
      );
      await this.audit.record(em, {
        action: 'notification.read',
        objectType: 'notification',
        authorisationRule: 'OWN_NOTIFICATION',
        details: { count: rows.length },
      });
      return { unread: 0 };
    });
  }

  private async counts(actor: Actor): Promise<{ total: number; unread: number }> {
    return this.tx.run(async (em) => {
      const rows = await queryRows<{ total: string; unread: string }>(
        em,
        `select count(*) as total, count(*) filter (where read_at is null) as unread
           from notification where user_id = $1`,
        [actor.userId],
      );
      return { total: Number(rows[0].total), unread: Number(rows[0].unread) };
    });
  }
}

function toDto(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    type: row.type,
    actionId: row.action_id,
    meetingId: row.meeting_id,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}
