import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import type { AuditEventDto, AuditPersonEventsResponse } from '@casustafel/shared/contracts';
import { AUDIT_URL } from '@casustafel/web/admin/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { BehaviorSubject } from 'rxjs';
import { AuditLogPage } from './audit-log-page';

const PERSON = '11111111-1111-4111-8111-111111111111';

const READ: AuditEventDto = {
  seq: '2',
  occurredAt: '2026-11-26T09:15:00.000Z',
  action: 'case.read',
  outcome: 'OK',
  statusCode: 'OK',
  user: { id: 'u1', displayName: 'Daan Deelnemer Politie (fictief)' },
  organisation: { id: 'o1', name: 'Politie Midden-Nederland' },
  roles: ['DEELNEMER'],
  onBehalfOf: null,
  objectType: 'case',
  objectId: 'c1',
  dataSubjectId: 'ps1',
  dataSubjectIdType: 'CST_PSEUDONYM',
  dataCategory: 'C4',
  authorisationRule: 'PARTICIPATION',
  legalGround: 'WGS',
  purpose: null,
  breakGlass: false,
  processingActivity: { id: 'urn:casustafel:verwerking:x:v1', name: 'Casusoverleg Mensenhandel' },
  traceId: null,
  spanId: null,
  parentSpanId: null,
};

const RESPONSE: AuditPersonEventsResponse = {
  person: {
    id: PERSON,
    givenName: 'Sanne',
    familyName: 'Voorbeeld (fictief)',
    dateOfBirth: '2004-05-12',
    links: [
      {
        role: 'SLACHTOFFER',
        caseNumber: 'MH-2026-0001',
        registrationNumber: null,
        tableName: 'Mensenhandel',
      },
    ],
    records: 1,
  },
  items: [
    {
      ...READ,
      seq: '3',
      breakGlass: true,
      action: 'something.new',
      onBehalfOf: { id: 'u2', displayName: 'Vera Voorzitter' },
    },
    { ...READ, seq: '1', outcome: 'DENIED', statusCode: 'ERROR' },
    READ,
  ],
  total: 3,
  page: 1,
  pageSize: 50,
};

describe('AuditLogPage (a person)', () => {
  let fixture: ComponentFixture<AuditLogPage>;
  let http: HttpTestingController;
  const query = new BehaviorSubject(convertToParamMap({ from: '2026-11-01' }));

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AuditLogPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        provideRouter([]),
        {
          provide: ActivatedRoute,
          useValue: {
            snapshot: { data: { kind: 'person' } },
            paramMap: new BehaviorSubject(convertToParamMap({ id: PERSON })),
            queryParamMap: query,
          },
        },
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditLogPage);
    fixture.detectChanges();
    http
      .expectOne(`${AUDIT_URL}/persons/${PERSON}/events?from=2026-11-01&page=1&pageSize=50`)
      .flush(RESPONSE);
    await fixture.whenStable();
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const rows = () => [
    ...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="audit-event"]'),
  ];

  it('shows each record with who, role, action, category, authorisation, activity and outcome', () => {
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent).toContain('Logboek van Sanne Voorbeeld (fictief)');
    expect(el.querySelector('caption')?.textContent).toContain(
      'Toegang tot de gegevens van Sanne Voorbeeld (fictief)',
    );
    const read = rows()[2].textContent ?? '';
    for (const text of [
      'Daan Deelnemer Politie (fictief)',
      'Politie Midden-Nederland',
      'Deelnemer',
      'Casus ingezien',
      'Zorg en gezondheid',
      'PARTICIPATION',
      'Casusoverleg Mensenhandel',
      'Toegestaan',
    ]) {
      expect(read).toContain(text);
    }
    expect(rows()[1].textContent).toContain('Geweigerd');
  });

  it('says in words that the break-glass procedure was used, shows the responsible user and an unknown action as its code', () => {
    const first = rows()[0];
    expect(first.textContent).toContain('Noodknop gebruikt');
    expect(first.classList).toContain('cst-audit__row--break-glass');
    expect(first.textContent).toContain('namens Vera Voorzitter');
    expect(first.querySelector('code')?.textContent).toBe('something.new');
    expect(rows()[2].textContent).not.toContain('Noodknop gebruikt');
  });

  it('offers both exports for the period shown', () => {
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="audit-export-csv"]')?.getAttribute('href')).toBe(
      `${AUDIT_URL}/persons/${PERSON}/events/export/csv?from=2026-11-01`,
    );
    expect(el.querySelector('[data-testid="audit-export-ldv"]')?.getAttribute('href')).toBe(
      `${AUDIT_URL}/persons/${PERSON}/events/export/ldv?from=2026-11-01`,
    );
  });
});
