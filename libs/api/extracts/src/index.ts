export * from './lib/extracts.module';
export * from './lib/extracts.service';
export * from './lib/extract-documents';
