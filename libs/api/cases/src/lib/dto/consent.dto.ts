import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIsoDate, IsNotBlank } from '@casustafel/api/platform';
import {
  CONSENT_EVIDENCE_TYPES,
  CONSENT_FORMS,
  CONSENT_GIVERS,
  CONSENT_KINDS,
  DATA_CATEGORIES,
  DEFERRAL_REASONS,
  INFORMING_STATUSES,
  NOT_INFORMED_EXCEPTIONS,
  type ConsentEvidenceType,
  type ConsentForm,
  type ConsentGiver,
  type ConsentKind,
  type CreateConsentRequest,
  type DataCategory,
  type InformingReasonCode,
  type InformingStatus,
  type PutInformingRequest,
  type WithdrawConsentRequest,
} from '@casustafel/shared/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
} from 'class-validator';

const REASON_CODES = [...new Set<InformingReasonCode>([...DEFERRAL_REASONS, ...NOT_INFORMED_EXCEPTIONS])];

export class CreateConsentDto implements CreateConsentRequest {
  @ApiProperty({ description: 'A person of the case' }) @IsUUID() personId!: string;
  @ApiProperty({ enum: CONSENT_KINDS }) @IsIn(CONSENT_KINDS) kind!: ConsentKind;

  @ApiProperty({ description: 'The organisations the consent covers' })
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one organisation' })
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  scopeOrganisationIds!: string[];

  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one category' })
  @ArrayMaxSize(DATA_CATEGORIES.length)
  @ArrayUnique()
  @IsIn(DATA_CATEGORIES, { each: true })
  scopeCategories!: DataCategory[];

  @ApiProperty() @IsString() @Length(1, 2000) @IsNotBlank() purpose!: string;
  @ApiProperty({ enum: CONSENT_GIVERS }) @IsIn(CONSENT_GIVERS) givenBy!: ConsentGiver;
  @ApiProperty({ enum: CONSENT_FORMS }) @IsIn(CONSENT_FORMS) form!: ConsentForm;
  @ApiProperty({ enum: CONSENT_EVIDENCE_TYPES })
  @IsIn(CONSENT_EVIDENCE_TYPES)
  evidenceType!: ConsentEvidenceType;
  @ApiPropertyOptional({ description: 'A case item of this case, e.g. with the signed form attached' })
  @IsOptional()
  @IsUUID()
  evidenceItemId?: string | null;
  @ApiProperty({ example: '2026-11-20', description: 'Not in the future' }) @IsIsoDate() givenAt!: string;
}

/** No moment here: a withdrawal takes effect when the server receives it (a `withdrawnAt` is refused). */
export class WithdrawConsentDto implements WithdrawConsentRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string | null;
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class PutInformingDto implements PutInformingRequest {
  @ApiProperty({ enum: INFORMING_STATUSES }) @IsIn(INFORMING_STATUSES) status!: InformingStatus;
  @ApiPropertyOptional({ enum: REASON_CODES, description: 'For DEFERRED and NOT_INFORMED' })
  @IsOptional()
  @IsIn(REASON_CODES)
  reasonCode?: InformingReasonCode | null;
  @ApiPropertyOptional({ description: 'Required with reason code ANDERS' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
  @ApiPropertyOptional({ example: '2026-12-15', description: 'For DEFERRED: today or later' })
  @IsOptional()
  @IsIsoDate()
  reviewAt?: string | null;
  @ApiProperty({ description: 'The current version (0 while nothing was recorded)' })
  @IsInt()
  @Min(0)
  version!: number;
}
