import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ChangePasswordRequest,
  ConfirmSecondFactorRequest,
  LoginRequest,
  SecondFactorRequest,
} from '@casustafel/shared/contracts';
import { IsDefined, IsEmail, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'voorzitter@demo.casustafel.example' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class SecondFactorDto implements SecondFactorRequest {
  @ApiPropertyOptional({ example: '123456', description: 'Six digits from the authenticator app' })
  @ValidateIf((dto: SecondFactorDto) => dto.recoveryCode === undefined)
  @IsDefined({ message: 'give code or recoveryCode' })
  @Matches(/^\s*\d{6}\s*$/, { message: 'must be the six digits from the app' })
  code?: string;

  @ApiPropertyOptional({ example: 'abcde-fghij' })
  @ValidateIf((dto: SecondFactorDto) => dto.recoveryCode !== undefined)
  @IsString()
  @Length(10, 20)
  recoveryCode?: string;
}

export class ConfirmSecondFactorDto implements ConfirmSecondFactorRequest {
  @ApiProperty({ example: '123456' })
  @Matches(/^\s*\d{6}\s*$/, { message: 'must be the six digits from the app' })
  code!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 256)
  currentPassword!: string;

  /** The policy (length, common passwords, personal words) is checked by the service, naming the rule. */
  @ApiProperty({ minLength: 12, maxLength: 128 })
  @IsString()
  @MaxLength(512)
  newPassword!: string;
}
