import { IsIsoDate, IsNotBlank, RequestValidationError, toFieldProblems } from '@casustafel/api/platform';
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
import { plainToInstance } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  validate,
} from 'class-validator';

/**
 * Every client message of the live room as a class-validator class, checked exactly like an HTTP
 * body (unknown fields refused, every problem named by field) before anything else happens.
 */

const TIMER_COMMANDS = ['START', 'PAUSE', 'RESET'] as const;

export class MeetingRefMessageDto {
  @IsUUID() meetingId!: string;
}

export class JoinMeetingMessageDto implements JoinMeetingMessage {
  @IsUUID() meetingId!: string;
  @IsBoolean()
  @Equals(true, { message: 'acknowledge the confidentiality statement first' })
  confidentialityAccepted!: boolean;
}

export class ResyncMessageDto implements ResyncMessage {
  @IsUUID() meetingId!: string;
  @IsInt() @Min(0) @Max(2_147_483_647) sinceSeq!: number;
}

export abstract class LiveWriteDto {
  @IsUUID() meetingId!: string;
  /** Chosen by the client per write; a retry sends the same key (stored once). */
  @IsString()
  @Length(8, 100)
  @Matches(/^[A-Za-z0-9_.:-]+$/, { message: 'idempotencyKey may hold letters, digits and - _ . : only' })
  idempotencyKey!: string;
}

export class CurrentItemMessageDto extends LiveWriteDto implements CurrentItemMessage {
  /** null = no current item (between items). Required: leaving it out is an error, not null. */
  @ValidateIf((o: CurrentItemMessageDto) => o.agendaItemId !== null)
  @IsUUID()
  agendaItemId!: string | null;
}

export class TimerMessageDto extends LiveWriteDto implements TimerMessage {
  @IsUUID() agendaItemId!: string;
  @IsIn(TIMER_COMMANDS) command!: (typeof TIMER_COMMANDS)[number];
}

export class AttendanceMessageDto extends LiveWriteDto implements AttendanceMessage {
  @IsUUID() organisationId!: string;
  @IsIn(ATTENDANCE_STATUSES) status!: AttendanceStatus;
  @IsOptional() @IsString() @MaxLength(500) note?: string | null;
}

export class NoteMessageDto extends LiveWriteDto implements NoteMessage {
  @IsUUID() agendaItemId!: string;
  @IsIn(DATA_CATEGORIES) category!: DataCategory;
  @IsIn(SENSITIVITIES) sensitivity!: Sensitivity;
  @IsString() @IsNotBlank() @MaxLength(20_000) text!: string;
}

export class DecisionMessageDto extends LiveWriteDto implements DecisionMessage {
  @IsUUID() agendaItemId!: string;
  @IsIn(DECISION_TYPES) type!: DecisionType;
  @IsString() @IsNotBlank() @MaxLength(5_000) text!: string;
}

export class ActionMessageDto extends LiveWriteDto implements ActionMessage {
  @IsUUID() agendaItemId!: string;
  @IsString() @IsNotBlank() @MaxLength(2_000) description!: string;
  @IsUUID() ownerOrganisationId!: string;
  @IsOptional() @IsUUID() ownerUserId?: string | null;
  @IsIsoDate() dueDate!: string;
}

/**
 * The message as an instance of its class, or a RequestValidationError naming every bad field.
 * Anything but one plain object (an array, a string, null) is refused as a whole.
 */
export async function validateMessage<T extends object>(type: new () => T, payload: unknown): Promise<T> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new RequestValidationError([
      { field: 'payload', code: 'isObject', message: 'the message must be one JSON object' },
    ]);
  }
  const instance = plainToInstance(type, payload, { enableImplicitConversion: false });
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) {
    throw new RequestValidationError(toFieldProblems(errors));
  }
  return instance;
}
