import { Module } from '@nestjs/common';
import { AuthModule } from '@casustafel/api/auth';
import { BreakGlassController } from './break-glass/break-glass.controller';
import { BreakGlassService } from './break-glass/break-glass.service';
import { CasesController } from './cases/cases.controller';
import { CasesService } from './cases/cases.service';
import { ConsentsController } from './consents/consents.controller';
import { ConsentsService } from './consents/consents.service';
import { DisclosuresService } from './disclosures/disclosures.service';
import { InformingController } from './informing/informing.controller';
import { InformingService } from './informing/informing.service';
import { ItemsService } from './items/items.service';
import { PersonsService } from './persons/persons.service';
import { NumberSequence } from './registrations/number-sequence';
import { PersonIndex } from './registrations/person-index';
import { RegistrationsController } from './registrations/registrations.controller';
import { RegistrationsService } from './registrations/registrations.service';
import { InformationRequestsController } from './requests/information-requests.controller';
import { InformationRequestsService } from './requests/information-requests.service';
import { TablesController } from './tables/tables.controller';
import { TablesService } from './tables/tables.service';

@Module({
  imports: [AuthModule],
  controllers: [
    TablesController,
    RegistrationsController,
    CasesController,
    InformationRequestsController,
    ConsentsController,
    InformingController,
    BreakGlassController,
  ],
  providers: [
    TablesService,
    RegistrationsService,
    CasesService,
    ItemsService,
    DisclosuresService,
    InformationRequestsService,
    ConsentsService,
    InformingService,
    BreakGlassService,
    PersonsService,
    NumberSequence,
    PersonIndex,
  ],
  exports: [CasesService, PersonsService, NumberSequence],
})
export class CasesModule {}
