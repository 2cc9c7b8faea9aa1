import type { AuditEventDto } from '@casustafel/shared/contracts';
import { toCsv, toLdv } from './audit-log-export';

const event: AuditEventDto = {
  seq: '7',
  occurredAt: '2026-11-26T09:15:03.000Z',
  action: 'case.read',
  outcome: 'DENIED',
  statusCode: 'ERROR',
  user: { id: 'u1', displayName: 'Jan; "de" agent' },
  organisation: { id: 'o1', name: '=HYPERLINK("x")' },
  roles: ['DEELNEMER', 'TRIAGIST'],
  onBehalfOf: null,
  objectType: 'case',
  objectId: 'c1',
  dataSubjectId: 'ps1',
  dataSubjectIdType: 'CST_PSEUDONYM',
  dataCategory: null,
  authorisationRule: null,
  legalGround: null,
  purpose: null,
  breakGlass: true,
  processingActivity: { id: 'urn:x:1', name: 'Mensenhandel' },
  traceId: 'a'.repeat(32),
  spanId: 'b'.repeat(16),
  parentSpanId: 'c'.repeat(16),
};

describe('audit log exports', () => {
  it('CSV: BOM, semicolons, Dutch time, quoting and no formulas', () => {
    const csv = toCsv([event]);
    expect(csv.startsWith('\uFEFFTijdstip (Nederlandse tijd);Handeling;Uitkomst;')).toBe(true);
    const line = csv.split('\r\n')[1];
    expect(line.startsWith('2026-11-26 10:15:03;case.read;geweigerd;')).toBe(true);
    expect(line).toContain(`;"'=HYPERLINK(""x"")";"Jan; ""de"" agent";DEELNEMER, TRIAGIST;;case c1;`);
    expect(line).toContain(';urn:x:1;Mensenhandel;ja;ps1;');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('LDV: core fields and the NEN 7513 attributes', () => {
    expect(toLdv(event)).toEqual({
      trace_id: 'a'.repeat(32),
      span_id: 'b'.repeat(16),
      parent_span_id: 'c'.repeat(16),
      name: 'case.read',
      start_time: '2026-11-26T09:15:03.000Z',
      end_time: '2026-11-26T09:15:03.000Z',
      status_code: 'ERROR',
      resource: { name: 'casustafel' },
      attributes: expect.objectContaining({
        'dpl.core.processing_activity_id': 'urn:x:1',
        'dpl.core.data_subject_id': 'ps1',
        'dpl.core.data_subject_id_type': 'CST_PSEUDONYM',
        'dpl.nen7513.user_id': 'u1',
        'dpl.nen7513.responsible_user_id': 'u1',
        'dpl.nen7513.role_id_code': ['DEELNEMER', 'TRIAGIST'],
        'dpl.nen7513.organisation_id': 'o1',
        'dpl.nen7513.noodknop': true,
        'dpl.nen7513.event_outcome_indicator': 'DENIED',
      }),
    });
  });
});
