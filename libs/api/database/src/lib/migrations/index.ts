import { CreateIdentityFoundation1764000000000 } from './1764000000000-create-identity-foundation';
import { AddAuthentication1764100000000 } from './1764100000000-add-authentication';

/** Every migration, in order. Listed explicitly so the bundled server needs no file globbing. */
export const MIGRATIONS = [CreateIdentityFoundation1764000000000, AddAuthentication1764100000000];
