import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIsoDate, IsNotBlank } from '@casustafel/api/platform';
import {
  ATTENDANCE_STATUSES,
  DATA_CATEGORIES,
  DECISION_TYPES,
  SENSITIVITIES,
  type ActionMessage,
  type AttendanceMessage,
  type AttendanceStatus,
  type CurrentItemMessage,
  type DataCategory,
  type DecisionMessage,
  type DecisionType,
  type JoinMeetingMessage,
  type NoteMessage,
  type ResyncMessage,
  type Sensitivity,
  type TimerMessage,
} from '@casustafel/shared/contracts';
import { Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

/** REST twin of `meeting:join`. */
export class JoinBodyDto {
  @ApiProperty({ description: 'Must be true: the confidentiality statement was acknowledged' })
  @IsBoolean()
  @Equals(true, { message: 'the confidentiality statement must be accepted' })
  confidentialityAccepted!: boolean;
}

export class EventsQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(0) since!: number;
}

/** Every client write carries an idempotency key (a retry stores nothing twice). */
class WriteBodyDto {
  @ApiProperty({ description: '8–100 characters, unique per write of this user in this meeting' })
  @IsString()
  @Length(8, 100)
  idempotencyKey!: string;
}

export class CurrentItemBodyDto extends WriteBodyDto {
  @ApiProperty({ nullable: true }) @ValidateIf((_, v) => v !== null) @IsUUID() agendaItemId!: string | null;
}
export class TimerBodyDto extends WriteBodyDto {
  @ApiProperty() @IsUUID() agendaItemId!: string;
  @ApiProperty({ enum: ['START', 'PAUSE', 'RESET'] }) @IsIn(['START', 'PAUSE', 'RESET']) command!:
    | 'START'
    | 'PAUSE'
    | 'RESET';
}
export class AttendanceBodyDto extends WriteBodyDto {
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) @IsIn(ATTENDANCE_STATUSES) status!: AttendanceStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string | null;
}
export class NoteBodyDto extends WriteBodyDto {
  @ApiProperty() @IsUUID() agendaItemId!: string;
  @ApiProperty({ enum: DATA_CATEGORIES }) @IsIn(DATA_CATEGORIES) category!: DataCategory;
  @ApiProperty({ enum: SENSITIVITIES }) @IsIn(SENSITIVITIES) sensitivity!: Sensitivity;
  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(20000) text!: string;
}
export class DecisionBodyDto extends WriteBodyDto {
  @ApiProperty() @IsUUID() agendaItemId!: string;
  @ApiProperty({ enum: DECISION_TYPES }) @IsIn(DECISION_TYPES) type!: DecisionType;
  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(2000) text!: string;
}
export class ActionBodyDto extends WriteBodyDto {
  @ApiProperty() @IsUUID() agendaItemId!: string;
  @ApiProperty() @IsString() @IsNotBlank() @MaxLength(1000) description!: string;
  @ApiProperty() @IsUUID() ownerOrganisationId!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ownerUserId?: string | null;
  @ApiProperty({ description: 'YYYY-MM-DD, today or later' }) @IsIsoDate() dueDate!: string;
}

// The socket messages: the same fields plus the meeting (validated by the service, not a pipe).
export class JoinMessageDto extends JoinBodyDto implements JoinMeetingMessage {
  @IsUUID() meetingId!: string;
}
export class ResyncMessageDto implements ResyncMessage {
  @IsUUID() meetingId!: string;
  @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) sinceSeq!: number;
}
export class CurrentItemMessageDto extends CurrentItemBodyDto implements CurrentItemMessage {
  @IsUUID() meetingId!: string;
}
export class TimerMessageDto extends TimerBodyDto implements TimerMessage {
  @IsUUID() meetingId!: string;
}
export class AttendanceMessageDto extends AttendanceBodyDto implements AttendanceMessage {
  @IsUUID() meetingId!: string;
  @IsUUID() organisationId!: string;
}
export class NoteMessageDto extends NoteBodyDto implements NoteMessage {
  @IsUUID() meetingId!: string;
}
export class DecisionMessageDto extends DecisionBodyDto implements DecisionMessage {
  @IsUUID() meetingId!: string;
}
export class ActionMessageDto extends ActionBodyDto implements ActionMessage {
  @IsUUID() meetingId!: string;
}
