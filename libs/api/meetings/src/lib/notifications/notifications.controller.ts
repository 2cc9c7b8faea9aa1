import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type { NotificationDto, NotificationListResponse, UnreadCountDto } from '@casustafel/shared/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { NotificationsService } from './notifications.service';

export class ListNotificationsQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

/** The notification bell: the user's own notifications (opaque ids only). */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @Authenticated({ permission: 'meetings.attend' })
  list(@Query() query: ListNotificationsQueryDto): Promise<NotificationListResponse> {
    return this.notifications.list(this.context.actor, query.page ?? 1, query.pageSize ?? 20);
  }

  @Get('unread-count')
  @Authenticated({ permission: 'meetings.attend' })
  unreadCount(): Promise<UnreadCountDto> {
    return this.notifications.unreadCount(this.context.actor);
  }

  @Post('read-all')
  @Authenticated({ permission: 'meetings.attend' })
  @HttpCode(HttpStatus.OK)
  readAll(): Promise<UnreadCountDto> {
    return this.notifications.markAllRead(this.context.actor);
  }

  @Post(':id/read')
  @Authenticated({ permission: 'meetings.attend' })
  @HttpCode(HttpStatus.OK)
  read(@IdParam() id: string): Promise<NotificationDto> {
    return this.notifications.markRead(this.context.actor, id);
  }
}
