import { ApiProperty } from '@nestjs/swagger';
import type { AddAgendaItemRequest, UpdateAgendaItemRequest } from '@casustafel/shared/contracts';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsUUID, Max, Min } from 'class-validator';

export class AddAgendaItemDto implements AddAgendaItemRequest {
  @ApiProperty() @IsUUID() caseId!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(240) timeboxMinutes!: number;
  @ApiProperty({ type: [String], description: 'At least one; every one a participant of the case' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  invitedOrganisationIds!: string[];
}

export class UpdateAgendaItemDto implements UpdateAgendaItemRequest {
  @ApiProperty() @IsInt() @Min(1) @Max(240) timeboxMinutes!: number;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  invitedOrganisationIds!: string[];
  @ApiProperty({ description: 'The position on the agenda, 1-based (moved there; the rest shift)' })
  @IsInt()
  @Min(1)
  @Max(1000)
  order!: number;
}
