import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LEGAL_REGIMES,
  MEMBERSHIP_STATUSES,
  PARTNER_TYPES,
  TABLE_ROLES,
  type CreateOrganisationRequest,
  type CreateUserRequest,
  type LegalRegime,
  type MembershipStatus,
  type PartnerType,
  type PutMembershipRequest,
  type TableRole,
  type TableRoleAssignment,
  type UpdateOrganisationRequest,
  type UpdateUserRequest,
} from '@casustafel/shared/contracts';
import { IsIsoDate } from '@casustafel/api/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class CreateOrganisationDto implements CreateOrganisationRequest {
  @ApiProperty({ example: 'Gemeente Weesp' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: PARTNER_TYPES })
  @IsIn(PARTNER_TYPES)
  partnerType!: PartnerType;

  @ApiProperty({ enum: LEGAL_REGIMES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(LEGAL_REGIMES.length)
  @IsIn(LEGAL_REGIMES, { each: true })
  legalRegimes!: LegalRegime[];
}

export class UpdateOrganisationDto extends CreateOrganisationDto implements UpdateOrganisationRequest {
  @ApiProperty()
  @IsBoolean()
  active!: boolean;

  @ApiProperty({ description: 'The version you read; a stale one gets 409.' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class PutMembershipDto implements PutMembershipRequest {
  @ApiProperty({ enum: MEMBERSHIP_STATUSES })
  @IsIn(MEMBERSHIP_STATUSES)
  status!: MembershipStatus;

  @ApiProperty({ example: '2026-01-01' })
  @IsIsoDate()
  since!: string;

  @ApiPropertyOptional({ example: null, nullable: true })
  @IsOptional()
  @IsIsoDate()
  until?: string | null;

  @ApiProperty({ example: 'Convenant ZVH 2026, art. 4' })
  @IsString()
  @MaxLength(300)
  documentRef!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class TableRoleAssignmentDto implements TableRoleAssignment {
  @ApiProperty()
  @IsUUID('4')
  tableId!: string;

  @ApiProperty({ enum: TABLE_ROLES })
  @IsIn(TABLE_ROLES)
  role!: TableRole;
}

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'n.nieuw@gemeente.example' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Nina Nieuw' })
  @IsString()
  @Length(1, 200)
  displayName!: string;

  @ApiProperty()
  @IsUUID('4')
  organisationId!: string;

  @ApiProperty({ type: [TableRoleAssignmentDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TableRoleAssignmentDto)
  roles!: TableRoleAssignmentDto[];
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  displayName!: string;

  @ApiProperty({ type: [TableRoleAssignmentDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TableRoleAssignmentDto)
  roles!: TableRoleAssignmentDto[];

  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;
}
