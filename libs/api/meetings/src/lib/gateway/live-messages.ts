import { IsUUID } from 'class-validator';

/**
 * Socket messages that have no REST twin (the others are the DTO classes of live/live.dto.ts,
 * checked with the same options as HTTP bodies by `validated`).
 */
export class MeetingRefMessageDto {
  @IsUUID() meetingId!: string;
}
