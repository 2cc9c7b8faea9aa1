export * from './lib/audit-writer';
export * from './lib/audit.module';
export * from './lib/checkpoint/audit-checkpoint.service';
export * from './lib/checkpoint/checkpoint-file';
export * from './lib/verify/audit-verifier';
export * from './lib/verify/audit-verify-command';
