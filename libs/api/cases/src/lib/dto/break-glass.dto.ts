import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank } from '@casustafel/api/platform';
import {
  BREAK_GLASS_OUTCOMES,
  BREAK_GLASS_REASON_MAX,
  BREAK_GLASS_REASON_MIN,
  type BreakGlassOutcome,
  type OpenBreakGlassRequest,
  type ReviewBreakGlassRequest,
} from '@casustafel/shared/contracts';
import { IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';

export class OpenBreakGlassDto implements OpenBreakGlassRequest {
  @ApiProperty({ description: 'Why the content is needed now (logged, reviewed by the FG)' })
  @IsString()
  @IsNotBlank()
  @Length(BREAK_GLASS_REASON_MIN, BREAK_GLASS_REASON_MAX)
  reason!: string;
}

export class ReviewBreakGlassDto implements ReviewBreakGlassRequest {
  @ApiProperty({ enum: BREAK_GLASS_OUTCOMES }) @IsIn(BREAK_GLASS_OUTCOMES) outcome!: BreakGlassOutcome;
  @ApiPropertyOptional({ description: 'Required when NIET_GERECHTVAARDIGD' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
  @ApiProperty() @IsInt() @Min(1) version!: number;
}
