import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIsoDate, IsNotBlank } from '@casustafel/api/platform';
import {
  IDENTITY_METHODS,
  RIGHTS_MAX_EXTENSION_MONTHS,
  RIGHTS_RECEIVED_VIA,
  RIGHTS_REQUEST_TYPES,
  RIGHTS_REQUESTERS,
  type AnswerRightsTaskRequest,
  type CloseRightsRequestRequest,
  type CreateRightsRequestRequest,
  type ExtendRightsRequestRequest,
  type FanOutRightsRequestRequest,
  type IdentityMethod,
  type RightsLookupRequest,
  type RightsReceivedVia,
  type RightsRequester,
  type RightsRequestType,
  type RightsSubjectInput,
  type RightsTaskAnswer,
} from '@casustafel/shared/contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class RightsSubjectDto implements RightsSubjectInput {
  @ApiProperty() @IsString() @Length(1, 200) @IsNotBlank() givenName!: string;
  @ApiProperty() @IsString() @Length(1, 200) @IsNotBlank() familyName!: string;
  @ApiProperty({ example: '1999-04-01' }) @IsIsoDate() dateOfBirth!: string;
  @ApiPropertyOptional({ description: 'Nine digits; checked with the elfproef' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'must be nine digits' })
  bsn?: string | null;
}

export class RightsLookupDto implements RightsLookupRequest {
  @ApiProperty({ type: RightsSubjectDto })
  @ValidateNested()
  @Type(() => RightsSubjectDto)
  subject!: RightsSubjectDto;
}

export class CreateRightsRequestDto implements CreateRightsRequestRequest {
  @ApiProperty({ enum: RIGHTS_REQUEST_TYPES }) @IsIn(RIGHTS_REQUEST_TYPES) type!: RightsRequestType;
  @ApiProperty({ example: '2026-01-31' }) @IsIsoDate() receivedAt!: string;
  @ApiProperty({ enum: RIGHTS_RECEIVED_VIA }) @IsIn(RIGHTS_RECEIVED_VIA) receivedVia!: RightsReceivedVia;
  @ApiProperty({ enum: RIGHTS_REQUESTERS }) @IsIn(RIGHTS_REQUESTERS) requester!: RightsRequester;
  @ApiProperty() @IsBoolean() identityVerified!: boolean;

  @ApiPropertyOptional({ enum: IDENTITY_METHODS, description: 'Required when identityVerified is true' })
  @ValidateIf(
    (dto: CreateRightsRequestDto) =>
      dto.identityVerified === true || (dto.identityMethod !== null && dto.identityMethod !== undefined),
  )
  @IsIn(IDENTITY_METHODS, { message: 'say how the identity was verified' })
  identityMethod?: IdentityMethod | null;

  @ApiProperty({ type: RightsSubjectDto })
  @ValidateNested()
  @Type(() => RightsSubjectDto)
  subject!: RightsSubjectDto;
}

export class FanOutRightsRequestDto implements FanOutRightsRequestRequest {
  @ApiProperty({ enum: IDENTITY_METHODS }) @IsIn(IDENTITY_METHODS) identityMethod!: IdentityMethod;
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

export class ExtendRightsRequestDto implements ExtendRightsRequestRequest {
  @ApiProperty({ minimum: 1, maximum: RIGHTS_MAX_EXTENSION_MONTHS })
  @IsInt()
  @Min(1)
  @Max(RIGHTS_MAX_EXTENSION_MONTHS)
  months!: number;
  @ApiProperty() @IsString() @Length(1, 2000) @IsNotBlank() reason!: string;
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

const CLOSING = ['AFGEROND', 'AFGEWEZEN'] as const;

export class CloseRightsRequestDto implements CloseRightsRequestRequest {
  @ApiProperty({ enum: CLOSING }) @IsIn(CLOSING) status!: (typeof CLOSING)[number];
  @ApiProperty() @IsString() @Length(1, 5000) @IsNotBlank() outcome!: string;
  @ApiProperty() @IsInt() @Min(1) version!: number;
}

const ANSWERS: readonly RightsTaskAnswer[] = ['AFGEROND', 'NIETS_GEVONDEN', 'AFGEWEZEN'];

export class AnswerRightsTaskDto implements AnswerRightsTaskRequest {
  @ApiProperty({ enum: ANSWERS }) @IsIn(ANSWERS) status!: RightsTaskAnswer;

  @ApiPropertyOptional({ description: 'Required when AFGEWEZEN: the ground for refusing' })
  @ValidateIf(
    (dto: AnswerRightsTaskDto) =>
      dto.status === 'AFGEWEZEN' ||
      (dto.note !== null &&
        dto.note !== undefined &&
        !(typeof dto.note === 'string' && dto.note.trim() === '')),
  )
  @IsString({ message: 'give the ground for refusing' })
  @MaxLength(5000)
  @IsNotBlank({ message: 'give the ground for refusing' })
  note?: string | null;

  @ApiProperty() @IsInt() @Min(1) version!: number;
}
