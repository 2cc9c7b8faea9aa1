import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEventQuery, AuditPersonSearchQuery } from '@casustafel/shared/contracts';
import { IsIsoDate, IsNotBlank } from '@casustafel/api/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** Period (days in Europe/Amsterdam, both inclusive) and paging of an event list. */
export class AuditPeriodQueryDto implements Omit<AuditEventQuery, 'page' | 'pageSize'> {
  @ApiPropertyOptional({ example: '2026-11-01' }) @IsOptional() @IsIsoDate() from?: string;
  @ApiPropertyOptional({ example: '2026-11-30' }) @IsOptional() @IsIsoDate() to?: string;
}

export class AuditEventQueryDto extends AuditPeriodQueryDto implements AuditEventQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

/** Give a family name (its start, at least 2 characters), a date of birth, or a case or registration number. */
export class AuditPersonSearchQueryDto implements AuditPersonSearchQuery {
  @ApiPropertyOptional({ description: 'Start of the family name, at least 2 characters' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  @IsNotBlank()
  familyName?: string;

  @ApiPropertyOptional({ example: '2001-03-12' }) @IsOptional() @IsIsoDate() dateOfBirth?: string;

  @ApiPropertyOptional({ description: 'A case or registration number' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  @IsNotBlank()
  number?: string;
}

export class AuditUserSearchQueryDto {
  @ApiPropertyOptional({ description: 'Part of the display name; empty lists every user of the region' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  name?: string;
}
