export * from './lib/cases.module';
export * from './lib/cases/cases.service';
export * from './lib/persons/bsn';
export * from './lib/persons/persons.service';
export * from './lib/registrations/number-sequence';
