import { CreateIdentityFoundation1764000000000 } from './1764000000000-create-identity-foundation';
import { AddAuthentication1764100000000 } from './1764100000000-add-authentication';
import { AddCasesAndNeedToKnow1764200000000 } from './1764200000000-add-cases-and-need-to-know';
import { NeedToKnowWalls1764300000000 } from './1764300000000-need-to-know-walls';
import { TamperEvidentAudit1764400000000 } from './1764400000000-tamper-evident-audit';
import { ConsentAndInforming1764410000000 } from './1764410000000-consent-and-informing';
import { ProcessingActivityRegister1764420000000 } from './1764420000000-processing-activity-register';
import { DataSubjectRights1764430000000 } from './1764430000000-data-subject-rights';
import { AuditViews1764440000000 } from './1764440000000-audit-views';
import { BreakTheGlass1764450000000 } from './1764450000000-break-the-glass';
import { InzageReport1764460000000 } from './1764460000000-inzage-report';
import { AuditActivityForEveryRecord1764470000000 } from './1764470000000-audit-activity-for-every-record';
import { CaseConference1764480000000 } from './1764480000000-case-conference';
import { CaseConferenceProjection1764481000000 } from './1764481000000-case-conference-projection';
import { MinutesPerOrganisation1764482000000 } from './1764482000000-minutes-per-organisation';
import { Extracts1764490000000 } from './1764490000000-extracts';

/** Every migration, in order. Listed explicitly so the bundled server needs no file globbing. */
export const MIGRATIONS = [
  CreateIdentityFoundation1764000000000,
  AddAuthentication1764100000000,
  AddCasesAndNeedToKnow1764200000000,
  NeedToKnowWalls1764300000000,
  TamperEvidentAudit1764400000000,
  ConsentAndInforming1764410000000,
  ProcessingActivityRegister1764420000000,
  DataSubjectRights1764430000000,
  AuditViews1764440000000,
  BreakTheGlass1764450000000,
  InzageReport1764460000000,
  AuditActivityForEveryRecord1764470000000,
  CaseConference1764480000000,
  CaseConferenceProjection1764481000000,
  MinutesPerOrganisation1764482000000,
  Extracts1764490000000,
];
