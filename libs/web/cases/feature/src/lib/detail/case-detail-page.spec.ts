import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type {
  SessionResponse,
  CaseConsentsDto,
  CaseDetailDto,
  CaseInformingDto,
  CaseItemDto,
  ConsentDto,
  OrganisationRef,
  TableOrganisation,
} from '@casustafel/shared/contracts';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { CASES_URL } from '@casustafel/web/cases/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { CaseDetailPage } from './case-detail-page';
import { TODAY, formatDateTime } from './detail-util';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const CASE_URL = `${CASES_URL}/${CASE_ID}`;
const ZVH: OrganisationRef = {
  id: 'a0000000-0000-4000-8000-000000000001',
  name: 'ZVH Gooi (fictief)',
  partnerType: 'ZVH',
};
const POLITIE: OrganisationRef = {
  id: 'a0000000-0000-4000-8000-000000000002',
  name: 'Politie (fictief)',
  partnerType: 'POLITIE',
};
const GGZ: OrganisationRef = {
  id: 'a0000000-0000-4000-8000-000000000003',
  name: 'GGz (fictief)',
  partnerType: 'GGZ_ZORGAANBIEDER',
};
const ZC: OrganisationRef = {
  id: 'a0000000-0000-4000-8000-000000000004',
  name: 'Zorgcoördinatie (fictief)',
  partnerType: 'ZORGCOORDINATOR',
};

const POLICE_ITEM: CaseItemDto = {
  visibility: 'FULL',
  id: 'b0000000-0000-4000-8000-000000000001',
  category: 'C5',
  sensitivity: 'NORMAAL',
  title: 'Politiemutatie (fictief)',
  body: 'Eerste regel\nTweede regel <b>geen html</b>',
  legalGround: 'WPG',
  authorOrganisation: POLITIE,
  author: 'Daan (fictief)',
  createdAt: '2026-03-02T09:15:00.000Z',
  attachments: [
    {
      id: 'c0000000-0000-4000-8000-000000000001',
      fileName: 'proces-verbaal.pdf',
      contentType: 'application/pdf',
      size: 2048,
    },
  ],
  grantedBy: 'OWN',
  breakGlass: null,
  version: 3,
};
const CARE_FLAG: CaseItemDto = {
  visibility: 'SUMMARY',
  id: 'b0000000-0000-4000-8000-000000000002',
  category: 'C4',
  summary: 'ZORGPARTNER_BETROKKEN',
  authorOrganisation: GGZ,
  createdAt: '2026-03-01T08:00:00.000Z',
};

function detail(overrides: Partial<CaseDetailDto> = {}): CaseDetailDto {
  return {
    id: CASE_ID,
    number: 'MH-2026-0001',
    table: { id: 'd0000000-0000-4000-8000-000000000001', name: 'Mensenhandel', theme: 'MENSENHANDEL' },
    state: 'IN_UITVOERING',
    openedAt: '2026-02-01T10:00:00.000Z',
    closedAt: null,
    retentionUntil: null,
    embargo: false,
    responsibleOrganisation: ZVH,
    procesregisseur: 'Petra (fictief)',
    casusregisseur: null,
    core: { reason: 'Signalen (fictief).', goal: 'Veiligheid.' },
    participants: [ZVH, POLITIE, GGZ, ZC].map((organisation) => ({
      organisation,
      basis: 'MEMBER' as const,
      since: '2026-02-01T10:00:00.000Z',
    })),
    persons: [
      {
        id: 'e1',
        role: 'SLACHTOFFER',
        visibility: 'FULL',
        givenName: 'Sanne',
        familyName: 'Voorbeeld (fictief)',
        dateOfBirth: '2004-05-06',
        address: null,
        bsn: null,
      },
      { id: 'e2', role: 'VERDACHTE', visibility: 'SUMMARY' },
    ],
    items: [POLICE_ITEM, CARE_FLAG],
    mensenhandel: {
      version: 4,
      exploitation: {
        visibility: 'FULL',
        forms: ['SEKSUEEL'],
        victimStatus: 'MOGELIJK_SLACHTOFFER',
        comensha: {
          reported: true,
          reportedAt: '2026-02-03',
          reference: 'CM-2026-123',
          dossierType: 'REGISTRATIE_OPVANG',
        },
      },
      b8: {
        visibility: 'FULL',
        offeredAt: '2026-02-10',
        acceptedAt: '2026-02-12',
        endsAt: '2026-05-12',
        endingSoon: true,
        aangifte: null,
        permitStatus: 'AANGEVRAAGD',
      },
      shelter: {
        visibility: 'FULL',
        type: 'COSM',
        placedAt: '2026-02-15',
        placedVia: 'COMENSHA',
        shelterOrganisation: null,
        address: null,
      },
    },
    disclosures: [],
    informationRequests: [],
    transitions: [],
    knownElsewhere: [],
    can: {
      addItems: true,
      manageParticipants: false,
      proposeDisclosure: true,
      approveDisclosure: false,
      requestInformation: false,
      editMensenhandel: true,
      breakGlass: false,
    },
    version: 7,
    ...overrides,
  };
}

// The first test compiles the whole page (JIT), which takes seconds on a busy machine.
jest.setTimeout(20_000);

describe('CaseDetailPage', () => {
  let fixture: ComponentFixture<CaseDetailPage>;
  let root: HTMLElement;
  let http: HttpTestingController;

  async function render(
    me: OrganisationRef,
    answer: CaseDetailDto | 404 = detail(),
    extra: { consents?: CaseConsentsDto; informing?: CaseInformingDto; session?: SessionResponse } = {},
  ): Promise<void> {
    TestBed.configureTestingModule({
      imports: [CaseDetailPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        provideRouter([]),
        {
          provide: SessionStore,
          useValue: { organisation: signal(me), session: signal(extra.session ?? null) },
        },
        { provide: TODAY, useValue: () => '2026-05-02' },
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseDetailPage);
    fixture.componentRef.setInput('caseId', CASE_ID);
    root = fixture.nativeElement;
    document.body.appendChild(root);
    await fixture.whenStable();
    const request = http.expectOne({ method: 'GET', url: CASE_URL });
    if (answer === 404) {
      request.flush(
        { status: 404, type: 'urn:casustafel:problem:not_found' },
        { status: 404, statusText: 'Not Found' },
      );
    } else {
      request.flush(answer);
      await fixture.whenStable();
      // The consent register and the informing status come from their own endpoints.
      http
        .expectOne({ method: 'GET', url: `${CASE_URL}/consents` })
        .flush(extra.consents ?? { consents: [], canRecord: false });
      http
        .expectOne({ method: 'GET', url: `${CASE_URL}/informing` })
        .flush(
          extra.informing ?? { current: null, history: [], version: 0, reviewDue: false, canChange: false },
        );
    }
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    root.remove();
  });

  function find<T extends Element>(selector: string): T {
    const element = root.querySelector<T>(selector);
    if (!element) {
      throw new Error(`Nothing matches ${selector}`);
    }
    return element;
  }

  function button(name: string, scope: Element = root): HTMLButtonElement {
    const match = [...scope.querySelectorAll('button')].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name,
    );
    if (!match) {
      throw new Error(`No button named ${name}`);
    }
    return match;
  }

  function type(element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
    element.value = value;
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
  }

  async function click(element: HTMLElement): Promise<void> {
    element.click();
    await fixture.whenStable();
  }

  async function submit(form: string): Promise<void> {
    find(`[data-testid="${form}"]`).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  const text = (element: Element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('shows the "Uittreksels" section to a voorzitter of this case\'s table only (issue 7)', async () => {
    const tableId = detail().table.id;
    const voorzitter = (table: string): SessionResponse => ({
      user: { id: 'u1', displayName: 'Vera (fictief)', email: 'v@example.test', isDemo: true },
      organisation: { ...ZVH },
      roles: [{ tableId: table, tableName: 'Mensenhandel', role: 'VOORZITTER' }],
      permissions: ['cases.read', 'extracts.compose', 'extracts.receive'],
      idleExpiresAt: '2026-05-02T12:00:00.000Z',
      absoluteExpiresAt: '2026-05-02T18:00:00.000Z',
    });
    await render(ZVH, detail(), { session: voorzitter('another-table') });
    expect(root.querySelector('#extracts-heading')).toBeNull();
    expect(root.querySelector('nav')?.textContent).not.toContain('Uittreksels');
    root.remove();
    TestBed.resetTestingModule();

    await render(ZVH, detail(), { session: voorzitter(tableId) });
    expect(root.querySelector('nav')?.textContent).toContain('Uittreksels');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: `${CASE_URL}/extracts` }).flush([]);
    await fixture.whenStable();
    expect(root.querySelector('#extracts-heading')?.textContent?.trim()).toBe('Uittreksels');
    expect(root.querySelector('[data-testid="case-extracts"]')?.textContent).toContain(
      'Er zijn voor deze casus nog geen uittreksels opgesteld.',
    );
  });

  it('says "not found or no access" when the API answers 404 (a denial looks the same)', async () => {
    await render(POLITIE, 404);
    expect(find('h1').textContent?.trim()).toBe('Casus niet gevonden of geen toegang');
    expect(find('[data-testid="case-not-found"] a').getAttribute('href')).toBe('/casussen');
  });

  it('shows a summary item as a "Beperkt" block with only the kind, author organisation and date', async () => {
    await render(POLITIE);
    const card = find(`[data-testid="item-${CARE_FLAG.id}"]`);
    expect(card.classList).toContain('cst-restricted');
    expect(text(card.querySelector('h4') as Element)).toBe('Beperkt Zorgpartner betrokken');
    expect(text(card)).toContain('GGz (fictief) · 1-3-2026');
    // No content of any kind: no text block, attachments, readers or edit button.
    expect(card.querySelector('.cst-body, a, button, [data-testid="item-readers"]')).toBeNull();
    expect(find('[data-category="C4"] h3').textContent).toContain('Zorg en gezondheid');
  });

  it('break-the-glass: the procesregisseur opens a restricted item with a reason and then sees it, marked until when', async () => {
    await render(ZVH, detail({ can: { ...detail().can, breakGlass: true } }));
    const card = () => find(`[data-testid="item-${CARE_FLAG.id}"]`);
    await click(button('Noodtoegang tot ‘Zorgpartner betrokken’ van GGz (fictief)', card()));
    const form = find(`[data-testid="break-glass-form-${CARE_FLAG.id}"]`);
    expect(text(form)).toContain('functionaris gegevensbescherming (FG) beoordeelt achteraf');
    expect(document.activeElement?.id).toBe(`break-glass-${CARE_FLAG.id}-heading`);
    form.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    expect(text(form)).toContain('Vul een reden in.');
    http.expectNone({ method: 'POST' });

    const reason = form.querySelector('textarea') as HTMLTextAreaElement;
    type(reason, 'Acute dreiging vannacht (fictief).');
    form.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    const open = http.expectOne({ method: 'POST', url: `${CASE_URL}/items/${CARE_FLAG.id}/break-glass` });
    expect(open.request.body).toEqual({ reason: 'Acute dreiging vannacht (fictief).' });
    const expiresAt = '2026-05-02T13:45:00.000Z';
    open.flush({
      id: 'g1',
      caseId: CASE_ID,
      itemId: CARE_FLAG.id,
      openedAt: '2026-05-02T12:45:00.000Z',
      expiresAt,
    });
    await fixture.whenStable();
    const opened: CaseItemDto = {
      visibility: 'FULL',
      id: CARE_FLAG.id,
      category: 'C4',
      sensitivity: 'NORMAAL',
      title: 'Crisisplan (fictief)',
      body: 'Medicatie (fictief).',
      legalGround: null,
      authorOrganisation: GGZ,
      author: 'Gijs (fictief)',
      createdAt: CARE_FLAG.createdAt,
      attachments: [],
      grantedBy: 'BREAK_GLASS',
      breakGlass: { id: 'g1', expiresAt },
      version: 1,
    };
    http
      .expectOne({ method: 'GET', url: CASE_URL })
      .flush(detail({ items: [POLICE_ITEM, opened], can: { ...detail().can, breakGlass: true } }));
    await fixture.whenStable();
    expect(card().classList).not.toContain('cst-restricted');
    expect(text(find('[data-testid="break-glass-badge"]'))).toBe('Geopend via noodtoegang tot 15:45');
    expect(text(card())).toContain('Medicatie (fictief).');
    expect(document.activeElement?.id).toBe(`item-${CARE_FLAG.id}-title`);
  });

  it('no "Noodtoegang" for anyone else', async () => {
    await render(ZVH);
    expect(find(`[data-testid="item-${CARE_FLAG.id}"]`).querySelector('button')).toBeNull();
  });

  it('shows an own item in full: text with its line breaks as text, attachment link, why visible, who can read it', async () => {
    await render(POLITIE);
    const card = find(`[data-testid="item-${POLICE_ITEM.id}"]`);
    const body = find<HTMLElement>(`[data-testid="item-${POLICE_ITEM.id}"] .cst-body`);
    expect(body.textContent).toBe('Eerste regel\nTweede regel <b>geen html</b>');
    expect(body.querySelector('b')).toBeNull();
    expect(card.querySelector('a')?.getAttribute('href')).toBe(
      `${CASE_URL}/items/${POLICE_ITEM.id}/attachments/c0000000-0000-4000-8000-000000000001`,
    );
    expect(text(card)).toContain('Eigen organisatie');
    expect(text(card)).toContain('Grondslag: Wet politiegegevens (Wpg)');
    // C5 by the standard matrix: ZVH, GGZ and zorgcoördinatie see a flag.
    expect(text(find('[data-testid="item-readers"]'))).toContain(
      'Alleen de melding ‘Politie betrokken’: ZVH Gooi (fictief), GGz (fictief), Zorgcoördinatie (fictief).',
    );
  });

  it('shows persons in full or shielded', async () => {
    await render(POLITIE);
    expect(text(find('[data-testid="person-e1"]'))).toContain('Sanne Voorbeeld (fictief)');
    expect(text(find('[data-testid="person-e1"]'))).toContain('6-5-2004');
    expect(text(find('[data-testid="person-e1"]'))).not.toContain('BSN');
    expect(text(find('[data-testid="person-e2"] h3'))).toBe('Verdachte');
    expect(text(find('[data-testid="person-e2"] p'))).toBe('Beperkt Gegevens afgeschermd.');
  });

  it('a stale version when correcting an item says so, offers to reload and keeps the typed text', async () => {
    await render(POLITIE);
    await click(button(`‘${POLICE_ITEM.title}’ wijzigen`));
    const prefix = `#item-edit-${POLICE_ITEM.id}`;
    type(find(`${prefix}-body`), 'Aangepaste tekst (fictief)');
    await submit(`item-edit-${POLICE_ITEM.id}-form`);
    const put = http.expectOne({ method: 'PUT', url: `${CASE_URL}/items/${POLICE_ITEM.id}` });
    expect(put.request.body).toMatchObject({ body: 'Aangepaste tekst (fictief)', version: 3 });
    put.flush(
      { status: 409, type: 'urn:casustafel:problem:conflict' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    const notice = find('[data-testid="detail-notice"]');
    expect(text(notice)).toContain('Iemand anders heeft dit gewijzigd; laad opnieuw.');
    expect(document.activeElement).toBe(notice);
    await click(button('Opnieuw laden', notice));
    http
      .expectOne({ method: 'GET', url: CASE_URL })
      .flush(detail({ items: [{ ...POLICE_ITEM, version: 4 }, CARE_FLAG] }));
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="detail-notice"]')).toBeNull();
    expect(find<HTMLTextAreaElement>(`${prefix}-body`).value).toBe('Aangepaste tekst (fictief)');

    await submit(`item-edit-${POLICE_ITEM.id}-form`);
    const again = http.expectOne({ method: 'PUT', url: `${CASE_URL}/items/${POLICE_ITEM.id}` });
    expect(again.request.body).toMatchObject({ version: 4 });
    again.flush({ id: POLICE_ITEM.id, version: 5 });
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: CASE_URL }).flush(detail());
    await fixture.whenStable();
    expect(text(find('[data-testid="detail-notice"]'))).toContain('is gewijzigd');
  });

  it('the disclosure form requires a written reference for the legal ground "Anders, namelijk"', async () => {
    await render(POLITIE);
    await click(button('Verstrekken'));
    const organisations: TableOrganisation[] = [
      { ...POLITIE, membership: 'SIGNATORY' },
      { ...ZC, membership: 'SIGNATORY' },
      { id: 'f1', name: 'OM (fictief)', partnerType: 'OM', membership: 'DECLINED' },
    ];
    http
      .expectOne({ method: 'GET', url: `/api/tables/${detail().table.id}/organisations` })
      .flush(organisations);
    await fixture.whenStable();
    // Only partners of the table, not one's own organisation, nor one that declined the covenant.
    expect(
      [...find<HTMLSelectElement>('#disclosure-recipient').options].map((o) => o.textContent?.trim()),
    ).toEqual(['Kies een organisatie', 'Zorgcoördinatie (fictief)']);
    // Only the organisation's own items can be chosen.
    expect(root.querySelectorAll('input[id^="disclosure-items-"]').length).toBe(1);

    type(find('#disclosure-recipient'), ZC.id);
    await click(find(`#disclosure-items-${POLICE_ITEM.id}`));
    type(find('#disclosure-purpose'), 'Afstemming opvang (fictief)');
    type(find('#disclosure-legal-ground'), 'OTHER');
    await fixture.whenStable();
    await submit('disclosure-form');
    http.expectNone({ method: 'POST' });
    expect(text(find('#disclosure-reference-error'))).toContain(
      'bij ‘Anders, namelijk’ is een toelichting verplicht',
    );
    expect(document.activeElement).toBe(find('#disclosure-reference'));

    type(find('#disclosure-reference'), 'Art. 20 Wpg (fictief)');
    await submit('disclosure-form');
    const post = http.expectOne({ method: 'POST', url: `${CASE_URL}/disclosures` });
    expect(post.request.body).toEqual({
      toOrganisationId: ZC.id,
      itemIds: [POLICE_ITEM.id],
      categories: [],
      purpose: 'Afstemming opvang (fictief)',
      legalGround: 'OTHER',
      legalReference: 'Art. 20 Wpg (fictief)',
      consentId: null,
    });
    post.flush({ id: 'g1' });
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: CASE_URL }).flush(detail());
    await fixture.whenStable();
    expect(text(find('[data-testid="detail-notice"]'))).toContain('wacht op goedkeuring');
  });

  it('a disclosure whose consent was withdrawn has lapsed; a new one can rest on a consent covering the recipient', async () => {
    const consent = (overrides: Partial<ConsentDto>): ConsentDto => ({
      id: 'k1',
      personId: 'e1',
      kind: 'BEROEPSGEHEIM_DOORBREKING',
      scope: { organisations: [ZC], categories: ['C5'] },
      purpose: 'Afstemming (fictief)',
      givenBy: 'BETROKKENE',
      form: 'MONDELING',
      evidenceType: 'GESPREKSVERSLAG',
      evidenceItemId: null,
      givenAt: '2026-04-01',
      recordedBy: 'Petra (fictief)',
      recordedOrganisation: ZVH,
      recordedAt: '2026-04-01T10:00:00.000Z',
      status: 'ACTIVE',
      withdrawnAt: null,
      withdrawnBy: null,
      withdrawalNote: null,
      disclosureIds: [],
      canWithdraw: false,
      version: 1,
      ...overrides,
    });
    const lapsed = {
      id: 'x1',
      from: POLITIE,
      to: ZC,
      itemIds: [POLICE_ITEM.id],
      categories: [],
      purpose: 'Afstemming opvang (fictief)',
      legalGround: 'BEROEPSGEHEIM_TOESTEMMING' as const,
      legalReference: '',
      state: 'APPROVED' as const,
      proposedBy: 'Daan (fictief)',
      proposedAt: '2026-04-02T10:00:00.000Z',
      decidedBy: 'Petra (fictief)',
      decidedAt: '2026-04-02T11:00:00.000Z',
      revokedAt: null,
    };
    const consents: CaseConsentsDto = {
      canRecord: false,
      consents: [
        consent({
          id: 'k0',
          status: 'WITHDRAWN',
          withdrawnAt: '2026-04-30T12:00:00.000Z',
          withdrawnBy: 'Petra (fictief)',
          disclosureIds: ['x1'],
        }),
        consent({ id: 'k1' }),
        consent({ id: 'k2', kind: 'INSTEMMING_AANPAK' }),
      ],
    };
    await render(POLITIE, detail({ disclosures: [lapsed] }), { consents });
    const card = find('[data-testid="disclosure-x1"]');
    expect([...card.querySelectorAll('.cst-badges li')].map(text)).toEqual([
      'Status: Goedgekeurd',
      'Vervallen',
    ]);
    expect(text(find('[data-testid="disclosure-x1-lapsed"]'))).toBe(
      `Vervallen: de toestemming waarop deze verstrekking berust, is ingetrokken op ${formatDateTime('2026-04-30T12:00:00.000Z')}. De ontvanger ziet deze informatie niet meer.`,
    );
    expect(text(card)).toContain('Toestemming doorbreking beroepsgeheim van Sanne Voorbeeld (fictief)');

    await click(button('Verstrekken'));
    http
      .expectOne({ method: 'GET', url: `/api/tables/${detail().table.id}/organisations` })
      .flush([{ ...ZC, membership: 'SIGNATORY' }]);
    await fixture.whenStable();
    const options = () =>
      [...find<HTMLSelectElement>('#disclosure-consent').options].map((o) => o.textContent?.trim());
    expect(options()).toEqual(['Geen toestemming (andere grondslag)']);
    type(find('#disclosure-recipient'), ZC.id);
    await fixture.whenStable();
    // Only the standing consent to share that covers the recipient.
    expect(options()).toEqual([
      'Geen toestemming (andere grondslag)',
      'Toestemming doorbreking beroepsgeheim – Sanne Voorbeeld (fictief) (Politiegegevens)',
    ]);
    type(find('#disclosure-consent'), 'k1');
    await click(find(`#disclosure-items-${POLICE_ITEM.id}`));
    type(find('#disclosure-purpose'), 'Afstemming opvang (fictief)');
    type(find('#disclosure-legal-ground'), 'BEROEPSGEHEIM_TOESTEMMING');
    await fixture.whenStable();
    await submit('disclosure-form');
    const post = http.expectOne({ method: 'POST', url: `${CASE_URL}/disclosures` });
    expect(post.request.body).toMatchObject({ toOrganisationId: ZC.id, consentId: 'k1' });
    post.flush({ id: 'x2' });
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: CASE_URL }).flush(detail({ disclosures: [lapsed] }));
    http.expectOne({ method: 'GET', url: `${CASE_URL}/consents` }).flush(consents);
    await fixture.whenStable();
    expect(text(find('[data-testid="detail-notice"]'))).toContain('wacht op goedkeuring');
  });

  it('shows the 409 of a transition that needs the chair in words', async () => {
    await render(
      ZVH,
      detail({
        state: 'GEAGENDEERD',
        transitions: ['PLAN_VASTSTELLEN'],
        can: { ...detail().can, manageParticipants: true },
      }),
    );
    await click(button('Plan vaststellen'));
    await submit('transition-form');
    expect(text(find('#transition-reason-error'))).toContain('Vul dit veld in.');
    http.expectNone({ method: 'POST' });
    type(find('#transition-reason'), 'Besluit (fictief)');
    await submit('transition-form');
    const post = http.expectOne({ method: 'POST', url: `${CASE_URL}/transitions` });
    expect(post.request.body).toEqual({
      transition: 'PLAN_VASTSTELLEN',
      reason: 'Besluit (fictief)',
      version: 7,
    });
    post.flush(
      { status: 409, type: 'urn:casustafel:problem:case.chair_decision_required' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    const notice = find('[data-testid="detail-notice"]');
    expect(text(notice)).toContain('Voor deze stap is een besluit van de voorzitter nodig.');
    expect(notice.querySelector('button')).toBeNull();
  });

  it('an overdue information request says so in words; the asked organisation answers it with an item', async () => {
    const request = {
      id: 'r0000000-0000-4000-8000-000000000001',
      to: POLITIE,
      question: 'Is betrokkene bekend bij de politie? (fictief)',
      categories: ['C5' as const],
      dueAt: '2026-04-30',
      state: 'OPEN' as const,
      overdue: true,
      requestedBy: 'Petra (fictief)',
      requestedAt: '2026-04-20T09:00:00.000Z',
      answeredAt: null,
      declineReason: null,
      answerItemIds: [],
    };
    await render(POLITIE, detail({ informationRequests: [request] }));
    const card = find(`[data-testid="request-${request.id}"]`);
    expect(text(card)).toContain('Verlopen');
    expect(text(card.querySelector('.cst-overdue') as Element)).toBe('30-4-2026 — de termijn is verstreken');

    await click(button('Beantwoorden', card));
    const prefix = `#request-${request.id}-item`;
    expect(find<HTMLSelectElement>(`${prefix}-category`).value).toBe('C5');
    type(find(`${prefix}-title`), 'Antwoord politie (fictief)');
    await submit(`request-${request.id}-item-form`);
    const post = http.expectOne({ method: 'POST', url: `${CASE_URL}/items` });
    expect(post.request.body).toEqual({
      category: 'C5',
      sensitivity: 'NORMAAL',
      title: 'Antwoord politie (fictief)',
      body: '',
      legalGround: null,
      informationRequestId: request.id,
    });
    post.flush({ id: 'b0000000-0000-4000-8000-000000000009' });
    await fixture.whenStable();
    http
      .expectOne({ method: 'GET', url: CASE_URL })
      .flush(detail({ informationRequests: [{ ...request, state: 'ANSWERED', overdue: false }] }));
    await fixture.whenStable();
    expect(text(find('[data-testid="detail-notice"]'))).toContain('de bevraging is beantwoord');
    expect(root.querySelector(`[data-testid="request-${request.id}"] button`)).toBeNull();
  });

  it('B8: shows the end date with the days left and warns when it ends soon', async () => {
    await render(ZC);
    expect(text(find('[data-testid="b8-ends"]'))).toBe('12-5-2026 (nog 10 dagen)');
    expect(text(find('[data-testid="b8-warning"]'))).toContain('op 12-5-2026, nog 10 dag(en)');
  });

  it('the shelter address: hidden from the police, who may then not edit the placement', async () => {
    await render(POLITIE);
    expect(text(find('[data-testid="shelter-address-hidden"]'))).toBe('Opvangadres afgeschermd');
    expect(root.querySelector('#mh-shelter-edit')).toBeNull();
    expect(root.querySelector('#mh-b8-edit')).not.toBeNull();
  });
});
