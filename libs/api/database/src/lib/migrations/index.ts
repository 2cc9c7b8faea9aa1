import { CreateIdentityFoundation1764000000000 } from './1764000000000-create-identity-foundation';
import { AddAuthentication1764100000000 } from './1764100000000-add-authentication';
import { AddCasesAndNeedToKnow1764200000000 } from './1764200000000-add-cases-and-need-to-know';
import { NeedToKnowWalls1764300000000 } from './1764300000000-need-to-know-walls';
import { DataSubjectRights1764430000000 } from './1764430000000-data-subject-rights';

/** Every migration, in order. Listed explicitly so the bundled server needs no file globbing. */
export const MIGRATIONS = [
  CreateIdentityFoundation1764000000000,
  AddAuthentication1764100000000,
  AddCasesAndNeedToKnow1764200000000,
  NeedToKnowWalls1764300000000,
  DataSubjectRights1764430000000,
];
