import { ApiProperty } from '@nestjs/swagger';
import { IsNotBlank } from '@casustafel/api/platform';
import {
  DATA_CATEGORIES,
  type DataCategory,
  type EstablishMinutesRequest,
  type ReviseMinutesRequest,
  type UpdateMinutesItemRequest,
} from '@casustafel/shared/contracts';
import { IsIn, IsInt, IsString, Length, MaxLength, Min } from 'class-validator';

export class UpdateMinutesItemDto implements UpdateMinutesItemRequest {
  @ApiProperty({ enum: DATA_CATEGORIES }) @IsIn(DATA_CATEGORIES) category!: DataCategory;
  @ApiProperty({ description: "The minute-taker's summary of the item" })
  @IsString()
  @MaxLength(20000)
  text!: string;
  @ApiProperty({ description: 'The summary version as read; 0 when there is none yet' })
  @IsInt()
  @Min(0)
  version!: number;
}

export class EstablishMinutesDto implements EstablishMinutesRequest {
  @ApiProperty({ description: 'MinutesDto.rowVersion as read' }) @IsInt() @Min(1) version!: number;
}

export class ReviseMinutesDto implements ReviseMinutesRequest {
  @ApiProperty({ description: 'Why the established minutes change (kept with the new version)' })
  @IsString()
  @IsNotBlank()
  @Length(1, 1000)
  reason!: string;
  @ApiProperty({ description: 'MinutesDto.rowVersion as read' }) @IsInt() @Min(1) version!: number;
}
