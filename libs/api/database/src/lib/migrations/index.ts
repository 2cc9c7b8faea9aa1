import { CreateIdentityFoundation1764000000000 } from './1764000000000-create-identity-foundation';
import { AddAuthentication1764100000000 } from './1764100000000-add-authentication';
import { AddCasesAndNeedToKnow1764200000000 } from './1764200000000-add-cases-and-need-to-know';
import { NeedToKnowWalls1764300000000 } from './1764300000000-need-to-know-walls';
import { TamperEvidentAudit1764400000000 } from './1764400000000-tamper-evident-audit';

/** Every migration, in order. Listed explicitly so the bundled server needs no file globbing. */
export const MIGRATIONS = [
  CreateIdentityFoundation1764000000000,
  AddAuthentication1764100000000,
  AddCasesAndNeedToKnow1764200000000,
  NeedToKnowWalls1764300000000,
  TamperEvidentAudit1764400000000,
];
