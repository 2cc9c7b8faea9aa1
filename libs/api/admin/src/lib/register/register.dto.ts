import { ApiProperty } from '@nestjs/swagger';
import {
  DATA_CATEGORIES,
  LEGAL_GROUNDS,
  PERSON_ROLES,
  type CreateProcessingActivityRequest,
  type DataCategory,
  type LegalGround,
  type NewProcessingActivityVersionRequest,
  type PersonRole,
} from '@casustafel/shared/contracts';
import { IsNotBlank } from '@casustafel/api/platform';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';

class ProcessingActivityBody {
  @ApiProperty({ example: 'Casusoverleg Mensenhandel' })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  name!: string;

  @ApiProperty() @IsString() @Length(1, 4000) @IsNotBlank() purpose!: string;

  @ApiProperty({ enum: LEGAL_GROUNDS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(LEGAL_GROUNDS, { each: true })
  legalGrounds!: LegalGround[];

  @ApiProperty() @IsString() @Length(1, 2000) @IsNotBlank() controllers!: string;

  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(DATA_CATEGORIES, { each: true })
  dataCategories!: DataCategory[];

  @ApiProperty({ enum: PERSON_ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(PERSON_ROLES, { each: true })
  subjectCategories!: PersonRole[];

  @ApiProperty({ example: 'Tot 60 maanden na afsluiting van de casus.' })
  @IsString()
  @Length(1, 1000)
  @IsNotBlank()
  retention!: string;
}

export class CreateProcessingActivityDto
  extends ProcessingActivityBody
  implements CreateProcessingActivityRequest
{
  @ApiProperty({ nullable: true, description: 'A case table of your region; null for a region-wide activity' })
  @IsOptional()
  @IsUUID()
  tableId!: string | null;
}

export class NewProcessingActivityVersionDto
  extends ProcessingActivityBody
  implements NewProcessingActivityVersionRequest
{
  @ApiProperty({ description: 'The identifier of the version you changed; a newer one gets 409' })
  @IsString()
  @Length(1, 300)
  basedOn!: string;
}
