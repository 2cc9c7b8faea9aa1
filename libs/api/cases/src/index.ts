export * from './lib/cases.module';
export * from './lib/cases/cases.service';
export * from './lib/persons/bsn';
export * from './lib/persons/persons.service';
// Kept for the authorization-matrix test support while it moves to @casustafel/api/database.
export { shelterAddressContext as shelterContext } from '@casustafel/api/database';
