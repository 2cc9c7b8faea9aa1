import type { KeyedHasher } from '@casustafel/api/platform';
import { AuditVerifier, formatVerifyReport } from './audit-verifier';

/**
 * `npm run audit:verify` (apps/api/src/main.ts `audit:verify`): verifies every chain and the last
 * checkpoint, prints the summary, and returns the exit code: 0 intact, 1 tampered.
 */
export async function runAuditVerify(
  ownerUrl: string,
  options: { checkpointFile: string; hasher: KeyedHasher },
  print: (line: string) => void,
): Promise<number> {
  const report = await new AuditVerifier(ownerUrl).verify(options);
  for (const line of formatVerifyReport(report)) {
    print(line);
  }
  return report.ok ? 0 : 1;
}
