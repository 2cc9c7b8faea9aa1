import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIsoDate, IsNotBlank } from '@casustafel/api/platform';
import {
  EXTRACT_ITEM_MODES,
  LEGAL_GROUNDS,
  type CreateExtractRequest,
  type ExtractDecisionRequest,
  type ExtractItemMode,
  type LegalGround,
  type RecallExtractRequest,
} from '@casustafel/shared/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class ExtractCandidatesQueryDto {
  @ApiProperty({ description: 'The organisation the extract is for' })
  @IsUUID()
  recipientOrganisationId!: string;
}

export class ExtractItemInputDto {
  @ApiProperty() @IsUUID() itemId!: string;
  @ApiProperty({ enum: EXTRACT_ITEM_MODES }) @IsIn(EXTRACT_ITEM_MODES) mode!: ExtractItemMode;
}

export class CreateExtractDto implements CreateExtractRequest {
  @ApiProperty() @IsUUID() recipientOrganisationId!: string;

  @ApiProperty({ description: 'What the recipient needs it for' })
  @IsString()
  @IsNotBlank({ message: 'give the purpose' })
  @MaxLength(2000)
  purpose!: string;

  @ApiProperty({ enum: LEGAL_GROUNDS }) @IsIn(LEGAL_GROUNDS) legalGround!: LegalGround;

  @ApiPropertyOptional({ description: 'Required when legalGround is OTHER' })
  @ValidateIf((o: CreateExtractDto) => o.legalGround === 'OTHER' || o.legalReference !== undefined)
  @IsNotBlank({ message: 'give the legal reference' })
  @MaxLength(1000)
  legalReference?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD, after today' })
  @IsOptional()
  @IsIsoDate()
  expiresOn?: string | null;

  @ApiProperty({ type: [ExtractItemInputDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one item' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ExtractItemInputDto)
  items!: ExtractItemInputDto[];

  @ApiPropertyOptional({ description: 'The extract this one replaces' })
  @IsOptional()
  @IsUUID()
  supersedesExtractId?: string | null;
}

export class ExtractDecisionDto implements ExtractDecisionRequest {
  @ApiProperty() @IsBoolean() approve!: boolean;

  @ApiPropertyOptional({ description: 'Required when refusing' })
  @ValidateIf((o: ExtractDecisionDto) => o.approve === false || (o.reason !== undefined && o.reason !== null))
  @IsString()
  @IsNotBlank({ message: 'give the reason' })
  @MaxLength(2000)
  reason?: string;

  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class RecallExtractDto implements RecallExtractRequest {
  @ApiProperty({ description: 'Why the extract is withdrawn (the recipient reads it)' })
  @IsString()
  @IsNotBlank({ message: 'give the reason' })
  @MaxLength(2000)
  reason!: string;

  @ApiProperty() @IsInt() @Min(1) version!: number;
}
