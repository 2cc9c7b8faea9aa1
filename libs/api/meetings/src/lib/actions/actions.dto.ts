import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTION_NOT_DONE_REASONS,
  ACTION_SCOPES,
  ACTION_STATUSES,
  type ActionNotDoneReason,
  type ActionScope,
  type ActionStatus,
  type UpdateActionStatusRequest,
} from '@casustafel/shared/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';

export class ListActionsQueryDto {
  @ApiPropertyOptional({
    enum: ACTION_SCOPES,
    description: 'mine (default): mine or my organisation’s without an owner user',
  })
  @IsOptional()
  @IsIn(ACTION_SCOPES)
  scope?: ActionScope;

  @ApiPropertyOptional({
    description: 'Comma-separated statuses (default: all)',
    example: 'OPEN,IN_UITVOERING',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsIn(ACTION_STATUSES, { each: true })
  status?: ActionStatus[];
}

export class UpdateActionStatusDto implements UpdateActionStatusRequest {
  @ApiProperty({ enum: ACTION_STATUSES }) @IsIn(ACTION_STATUSES) status!: ActionStatus;

  @ApiPropertyOptional({ enum: ACTION_NOT_DONE_REASONS, description: 'Required for NIET_UITGEVOERD' })
  @ValidateIf((o: UpdateActionStatusDto) => o.status === 'NIET_UITGEVOERD' || o.notDoneReason != null)
  @IsIn(ACTION_NOT_DONE_REASONS)
  notDoneReason?: ActionNotDoneReason | null;

  @ApiPropertyOptional({ description: 'Short note on the status (no personal data beyond the case file)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @ApiProperty() @IsInt() @Min(1) version!: number;
}
