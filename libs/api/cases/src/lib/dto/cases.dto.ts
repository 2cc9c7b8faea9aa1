import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIsoDate, IsNotBlank } from '@casustafel/api/platform';
import {
  AANGIFTE_OPTIONS,
  CASE_TRANSITIONS,
  COMENSHA_DOSSIER_TYPES,
  DATA_CATEGORIES,
  EXPLOITATION_FORMS,
  LEGAL_GROUNDS,
  PARTICIPATION_BASES,
  PARTNER_TYPES,
  PERMIT_STATUSES,
  PERSON_ROLES,
  SENSITIVITIES,
  SHELTER_TYPES,
  TRIAGE_OUTCOMES,
  VICTIM_STATUSES,
  VISIBILITY_LEVELS,
  type Aangifte,
  type AddParticipantRequest,
  type CaseTransition,
  type CaseTransitionRequest,
  type ComenshaDossierType,
  type CreateCaseItemRequest,
  type CreateDisclosureRequest,
  type CreateInformationRequestRequest,
  type CreateRegistrationRequest,
  type DataCategory,
  type DeclineInformationRequestRequest,
  type ExploitationForm,
  type IntakeCriteria,
  type LegalGround,
  type ParticipationBasis,
  type PartnerType,
  type PermitStatus,
  type PersonInput,
  type PersonRole,
  type ProposedParticipant,
  type PutB8Request,
  type PutExploitationRequest,
  type PutShelterRequest,
  type PutVisibilityMatrixRequest,
  type Sensitivity,
  type ShelterType,
  type SignalAnswer,
  type TriageDecisionRequest,
  type TriageOutcome,
  type UpdateCaseItemRequest,
  type UpdateCaseRequest,
  type UpdateRegistrationRequest,
  type VictimStatus,
  type VisibilityLevel,
  type VisibilityRule,
} from '@casustafel/shared/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
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
  ValidateNested,
} from 'class-validator';

export class IntakeCriteriaDto implements IntakeCriteria {
  @ApiProperty() @IsBoolean() multipleDomains!: boolean;
  @ApiProperty() @IsBoolean() crossChain!: boolean;
  @ApiProperty() @IsBoolean() systemAffected!: boolean;
  @ApiProperty() @IsBoolean() localSafetyProblem!: boolean;
  @ApiProperty() @IsString() @MaxLength(5000) motivation!: string;
}

export class SignalAnswerDto implements SignalAnswer {
  @ApiProperty() @IsString() @Length(1, 60) @IsNotBlank() signalId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class PersonInputDto implements PersonInput {
  @ApiProperty() @IsString() @Length(1, 200) @IsNotBlank() givenName!: string;
  @ApiProperty() @IsString() @Length(1, 200) @IsNotBlank() familyName!: string;
  @ApiPropertyOptional({ example: '1999-04-01' }) @IsOptional() @IsIsoDate() dateOfBirth?: string | null;
  @ApiPropertyOptional({ description: 'Nine digits; checked with the elfproef' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'must be nine digits' })
  bsn?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string | null;
  @ApiProperty({ enum: PERSON_ROLES }) @IsIn(PERSON_ROLES) role!: PersonRole;
}

export class ProposedParticipantDto implements ProposedParticipant {
  @ApiProperty() @IsUUID() organisationId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) contact?: string;
}

export class CreateRegistrationDto implements CreateRegistrationRequest {
  @ApiProperty() @IsUUID() tableId!: string;
  @ApiProperty() @IsString() @Length(1, 10000) @IsNotBlank() reason!: string;
  @ApiProperty() @IsString() @MaxLength(10000) goal!: string;
  @ApiProperty() @IsBoolean() discussedWithPerson!: boolean;

  @ApiPropertyOptional({ description: 'Required when discussedWithPerson is false' })
  @ValidateIf((dto: CreateRegistrationDto) => dto.discussedWithPerson === false)
  @IsString({ message: 'give the reason why it was not discussed with the person' })
  @Length(1, 2000, { message: 'give the reason why it was not discussed with the person' })
  @IsNotBlank({ message: 'give the reason why it was not discussed with the person' })
  notDiscussedReason?: string | null;

  @ApiProperty({ type: IntakeCriteriaDto })
  @ValidateNested()
  @Type(() => IntakeCriteriaDto)
  criteria!: IntakeCriteriaDto;

  @ApiProperty({ type: [SignalAnswerDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SignalAnswerDto)
  signals!: SignalAnswerDto[];

  @ApiProperty({ type: [PersonInputDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PersonInputDto)
  persons!: PersonInputDto[];

  @ApiProperty({ type: [ProposedParticipantDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ProposedParticipantDto)
  proposedParticipants!: ProposedParticipantDto[];

  @ApiProperty() @IsBoolean() submit!: boolean;
}

export class UpdateRegistrationDto extends CreateRegistrationDto implements UpdateRegistrationRequest {
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class TriageDecisionDto implements TriageDecisionRequest {
  @ApiProperty({ enum: TRIAGE_OUTCOMES }) @IsIn(TRIAGE_OUTCOMES) outcome!: TriageOutcome;
  @ApiProperty() @IsString() @MaxLength(10000) advice!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) referral?: string | null;
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class CaseTransitionDto implements CaseTransitionRequest {
  @ApiProperty({ enum: CASE_TRANSITIONS }) @IsIn(CASE_TRANSITIONS) transition!: CaseTransition;
  @ApiProperty() @IsString() @MaxLength(5000) reason!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) handoverTo?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) handoverData?: string | null;
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class AddParticipantDto implements AddParticipantRequest {
  @ApiProperty() @IsUUID() organisationId!: string;
  @ApiProperty({ enum: PARTICIPATION_BASES }) @IsIn(PARTICIPATION_BASES) basis!: ParticipationBasis;
}

export class CreateCaseItemDto implements CreateCaseItemRequest {
  @ApiProperty({ enum: DATA_CATEGORIES }) @IsIn(DATA_CATEGORIES) category!: DataCategory;
  @ApiProperty({ enum: SENSITIVITIES }) @IsIn(SENSITIVITIES) sensitivity!: Sensitivity;
  @ApiProperty() @IsString() @Length(1, 300) @IsNotBlank() title!: string;
  @ApiProperty() @IsString() @MaxLength(50000) body!: string;
  @ApiPropertyOptional({ enum: LEGAL_GROUNDS })
  @IsOptional()
  @IsIn(LEGAL_GROUNDS)
  legalGround?: LegalGround | null;
  @ApiPropertyOptional() @IsOptional() @IsUUID() informationRequestId?: string | null;
}

export class UpdateCaseItemDto extends CreateCaseItemDto implements UpdateCaseItemRequest {
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class UpdateCaseDto implements UpdateCaseRequest {
  @ApiProperty() @IsString() @Length(1, 10000) @IsNotBlank() reason!: string;
  @ApiProperty() @IsString() @MaxLength(10000) goal!: string;
  @ApiPropertyOptional({ description: 'A user of an organisation that takes part in the case' })
  @IsOptional()
  @IsUUID()
  casusregisseurId!: string | null;
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class CreateDisclosureDto implements CreateDisclosureRequest {
  @ApiProperty() @IsUUID() toOrganisationId!: string;
  @ApiProperty()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  itemIds!: string[];
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(DATA_CATEGORIES, { each: true })
  categories!: DataCategory[];
  @ApiProperty() @IsString() @Length(1, 2000) @IsNotBlank() purpose!: string;
  @ApiProperty({ enum: LEGAL_GROUNDS }) @IsIn(LEGAL_GROUNDS) legalGround!: LegalGround;

  @ApiProperty({ description: 'Article or explanation; required for OTHER' })
  @IsString()
  @MaxLength(1000)
  @ValidateIf((dto: CreateDisclosureDto) => dto.legalGround === 'OTHER')
  @Length(1, 1000, { message: 'describe the legal ground when it is OTHER' })
  @IsNotBlank({ message: 'describe the legal ground when it is OTHER' })
  legalReference!: string;

  @ApiPropertyOptional({ description: 'A recorded consent of this case that covers this disclosure' })
  @IsOptional()
  @IsUUID()
  consentId?: string | null;
}

export class RevokeDisclosureDto {
  @ApiProperty() @IsString() @Length(1, 2000) @IsNotBlank() reason!: string;
}

export class CreateInformationRequestDto implements CreateInformationRequestRequest {
  @ApiProperty() @IsUUID() toOrganisationId!: string;
  @ApiProperty() @IsString() @Length(1, 5000) @IsNotBlank() question!: string;
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMinSize(1, { message: 'ask for at least one category' })
  @ArrayMaxSize(DATA_CATEGORIES.length)
  @IsIn(DATA_CATEGORIES, { each: true })
  categories!: DataCategory[];
  @ApiProperty({ example: '2026-12-15' }) @IsIsoDate() dueAt!: string;
}

export class DeclineInformationRequestDto implements DeclineInformationRequestRequest {
  @ApiProperty() @IsString() @Length(1, 2000) @IsNotBlank() reason!: string;
}

export class ComenshaDto {
  @ApiProperty() @IsBoolean() reported!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsIsoDate() reportedAt!: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) reference!: string | null;
  @ApiPropertyOptional({ enum: COMENSHA_DOSSIER_TYPES })
  @IsOptional()
  @IsIn(COMENSHA_DOSSIER_TYPES)
  dossierType!: ComenshaDossierType | null;
}

export class PutExploitationDto implements PutExploitationRequest {
  @ApiProperty({ enum: EXPLOITATION_FORMS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(EXPLOITATION_FORMS, { each: true })
  forms!: ExploitationForm[];
  @ApiPropertyOptional({ enum: VICTIM_STATUSES })
  @IsOptional()
  @IsIn(VICTIM_STATUSES)
  victimStatus!: VictimStatus | null;
  @ApiProperty() @ValidateNested() @Type(() => ComenshaDto) comensha!: ComenshaDto;
  @ApiProperty() @IsInt() @Min(0) version!: number;
}

export class PutB8Dto implements PutB8Request {
  @ApiPropertyOptional() @IsOptional() @IsIsoDate() offeredAt!: string | null;
  @ApiPropertyOptional() @IsOptional() @IsIsoDate() acceptedAt!: string | null;
  @ApiPropertyOptional({ enum: AANGIFTE_OPTIONS })
  @IsOptional()
  @IsIn(AANGIFTE_OPTIONS)
  aangifte!: Aangifte | null;
  @ApiPropertyOptional({ enum: PERMIT_STATUSES })
  @IsOptional()
  @IsIn(PERMIT_STATUSES)
  permitStatus!: PermitStatus | null;
  @ApiProperty() @IsInt() @Min(0) version!: number;
}

export class PutShelterDto implements PutShelterRequest {
  @ApiProperty({ enum: SHELTER_TYPES }) @IsIn(SHELTER_TYPES) type!: ShelterType;
  @ApiPropertyOptional() @IsOptional() @IsIsoDate() placedAt!: string | null;
  @ApiPropertyOptional({ enum: ['COMENSHA', 'ZORGCOORDINATOR'] })
  @IsOptional()
  @IsIn(['COMENSHA', 'ZORGCOORDINATOR'])
  placedVia!: 'COMENSHA' | 'ZORGCOORDINATOR' | null;
  @ApiPropertyOptional() @IsOptional() @IsUUID() shelterOrganisationId!: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address!: string | null;
  @ApiProperty() @IsInt() @Min(0) version!: number;
}

export class VisibilityRuleDto implements VisibilityRule {
  @ApiProperty({ enum: DATA_CATEGORIES }) @IsIn(DATA_CATEGORIES) category!: DataCategory;
  @ApiProperty({ enum: PARTNER_TYPES }) @IsIn(PARTNER_TYPES) partnerType!: PartnerType;
  @ApiProperty({ enum: VISIBILITY_LEVELS }) @IsIn(VISIBILITY_LEVELS) level!: VisibilityLevel;
}

export class PutVisibilityMatrixDto implements PutVisibilityMatrixRequest {
  @ApiProperty() @IsInt() @Min(1) version!: number;

  @ApiProperty({ type: [VisibilityRuleDto] })
  @IsArray()
  @ArrayMaxSize(DATA_CATEGORIES.length * PARTNER_TYPES.length)
  @ValidateNested({ each: true })
  @Type(() => VisibilityRuleDto)
  rules!: VisibilityRuleDto[];

  @ApiProperty({ enum: PARTNER_TYPES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(PARTNER_TYPES, { each: true })
  embargoPartnerTypes!: PartnerType[];

  @ApiProperty() @IsString() @Length(1, 1000) @IsNotBlank() reason!: string;

  @ApiPropertyOptional({ description: 'Four eyes for need-to-know extracts; left out: unchanged' })
  @IsOptional()
  @IsBoolean()
  extractFourEyes?: boolean;
}

export class ListCasesQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() tableId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) state?: string;
  @ApiPropertyOptional({ description: 'Case number or a name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export class ListRegistrationsQueryDto {
  @ApiPropertyOptional({ enum: ['mine', 'triage'] }) @IsOptional() @IsIn(['mine', 'triage']) scope?:
    | 'mine'
    | 'triage';
}
