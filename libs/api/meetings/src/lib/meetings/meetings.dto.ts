import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank } from '@casustafel/api/platform';
import {
  ATTENDANCE_STATUSES,
  MEETING_TRANSITIONS,
  MEETING_TYPES,
  type AttendanceStatus,
  type CreateMeetingRequest,
  type MeetingTransition,
  type MeetingTransitionRequest,
  type MeetingType,
  type SetAttendanceRequest,
  type UpdateMeetingRequest,
} from '@casustafel/shared/contracts';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class ListMeetingsQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() tableId?: string;
}

class MeetingFieldsDto {
  @ApiProperty({ enum: MEETING_TYPES }) @IsIn(MEETING_TYPES) type!: MeetingType;
  @ApiProperty({ description: 'ISO 8601 date-time with offset' })
  @IsISO8601({ strict: true, strictSeparator: true })
  scheduledAt!: string;
  @ApiProperty() @IsInt() @Min(5) @Max(600) durationMinutes!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string | null;
  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(500)
  onlineLink?: string | null;
  @ApiProperty() @IsUUID() chairUserId!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() minuteTakerUserId?: string | null;
}

export class CreateMeetingDto extends MeetingFieldsDto implements CreateMeetingRequest {
  @ApiProperty() @IsUUID() tableId!: string;
}

export class UpdateMeetingDto extends MeetingFieldsDto implements UpdateMeetingRequest {
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class MeetingTransitionDto implements MeetingTransitionRequest {
  @ApiProperty({ enum: MEETING_TRANSITIONS }) @IsIn(MEETING_TRANSITIONS) transition!: MeetingTransition;
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotBlank() @MaxLength(1000) reason?: string;
}

export class SetAttendanceDto implements SetAttendanceRequest {
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) @IsIn(ATTENDANCE_STATUSES) status!: AttendanceStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string | null;
}
