import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { CaseConsentsDto, TableOrganisation } from '@casustafel/shared/contracts';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { CASES_URL } from '@casustafel/web/cases/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { CASE_ID, GGZ, VICTIM, ZC, ZVH, caseDetail, consent } from '../shared/testing/consent-fixtures';
import { CaseConsents } from './case-consents';
import { CaseDetailStore } from './case-detail-store';
import { TODAY } from './detail-util';

const CASE_URL = `${CASES_URL}/${CASE_ID}`;

jest.setTimeout(20_000);

describe('CaseConsents', () => {
  let fixture: ComponentFixture<CaseConsents>;
  let root: HTMLElement;
  let http: HttpTestingController;
  let store: CaseDetailStore;

  async function render(register: CaseConsentsDto): Promise<void> {
    TestBed.configureTestingModule({
      imports: [CaseConsents],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        CaseDetailStore,
        { provide: SessionStore, useValue: { organisation: signal(ZVH) } },
        { provide: TODAY, useValue: () => '2026-05-02' },
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(CaseDetailStore);
    store.load(CASE_ID);
    http.expectOne({ method: 'GET', url: CASE_URL }).flush(caseDetail());
    http.expectOne({ method: 'GET', url: `${CASE_URL}/consents` }).flush(register);
    http.expectOne({ method: 'GET', url: `${CASE_URL}/informing` }).flush({});
    fixture = TestBed.createComponent(CaseConsents);
    root = fixture.nativeElement;
    document.body.appendChild(root);
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    root.remove();
  });

  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const find = <T extends Element>(selector: string) => root.querySelector<T>(selector) as T;
  function button(name: string, scope: Element = root): HTMLButtonElement {
    const match = [...scope.querySelectorAll('button')].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name,
    );
    if (!match) {
      throw new Error(`No button named ${name}`);
    }
    return match;
  }
  async function click(element: HTMLElement): Promise<void> {
    element.click();
    await fixture.whenStable();
  }
  function type(element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
    element.value = value;
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
  }
  async function submit(selector: string): Promise<void> {
    find(selector).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }
  async function reloads(register: CaseConsentsDto): Promise<void> {
    http.expectOne({ method: 'GET', url: `${CASE_URL}/consents` }).flush(register);
    http.expectOne({ method: 'GET', url: CASE_URL }).flush(caseDetail());
    await fixture.whenStable();
  }

  it('shows each consent plainly as active or withdrawn, with its person, kind and scope', async () => {
    await render({
      canRecord: false,
      consents: [
        consent({ disclosureIds: ['d1'], canWithdraw: false }),
        consent({
          id: 'k2',
          kind: 'TOESTEMMING_GEGEVENSDELING',
          personId: 'e2',
          scope: { organisations: [ZC, GGZ], categories: ['C4', 'C12'] },
          status: 'WITHDRAWN',
          withdrawnAt: '2026-04-30T14:05:00.000Z',
          withdrawnBy: 'Petra (fictief)',
          withdrawalNote: 'Mondeling ingetrokken (fictief).',
          disclosureIds: ['d2', 'd3'],
          canWithdraw: false,
        }),
      ],
    });
    const [active, withdrawn] = [...root.querySelectorAll('li.cst-card')];
    expect(text(active.querySelector('h3'))).toBe(
      'Toestemming doorbreking beroepsgeheim – Sanne Voorbeeld (fictief)',
    );
    expect(text(active.querySelector('.cst-badges'))).toBe('Status: Actief');
    expect(text(active)).toContain('Geldt voor organisaties Zorgcoördinatie (fictief)');
    expect(text(active)).toContain('Geldt voor categorieën Zorg en gezondheid');
    expect(text(active)).toContain('Bewijs Getekend formulier');
    expect(text(active)).toContain('Verstrekkingen 1 verstrekking(en) op grond van deze toestemming');

    expect(text(withdrawn.querySelector('h3'))).toBe(
      'Toestemming gegevensdeling – Verdachte (gegevens afgeschermd)',
    );
    expect(text(withdrawn.querySelector('.cst-badges'))).toBe('Status: Ingetrokken');
    expect(text(withdrawn)).toContain('Zorgcoördinatie (fictief), GGz (fictief)');
    expect(text(withdrawn)).toContain('Ingetrokken op 30-4-2026');
    expect(text(withdrawn)).toContain('door Petra (fictief)');
    expect(text(withdrawn)).toContain('2 verstrekking(en), vervallen door het intrekken');
    // Nobody may do anything here: no buttons at all.
    expect(root.querySelector('button')).toBeNull();
  });

  it('records a consent: every missing field is named, then the request carries the scope and evidence', async () => {
    await render({ canRecord: true, consents: [] });
    expect(text(root)).toContain('Er is nog geen toestemming vastgelegd.');
    await click(button('Toestemming vastleggen'));
    const organisations: TableOrganisation[] = [
      { ...ZC, membership: 'SIGNATORY' },
      { ...GGZ, membership: 'SIGNATORY' },
    ];
    http
      .expectOne({ method: 'GET', url: `/api/tables/${caseDetail().table.id}/organisations` })
      .flush(organisations);
    await fixture.whenStable();
    expect(document.activeElement).toBe(find('#consent-form-heading'));
    // The person select names the shielded suspect by role only.
    expect([...find<HTMLSelectElement>('#consent-person').options].map((o) => o.textContent?.trim())).toEqual(
      ['Kies een betrokkene', 'Sanne Voorbeeld (fictief)', 'Verdachte (gegevens afgeschermd)'],
    );

    await submit('[data-testid="consent-form"]');
    http.expectNone({ method: 'POST' });
    const errors = [...root.querySelectorAll('[id$="-error"]')].map((e) => e.id);
    expect(errors).toEqual([
      'consent-person-error',
      'consent-kind-error',
      'consent-organisations-error',
      'consent-categories-error',
      'consent-purpose-error',
      'consent-given-by-error',
      'consent-form-error',
      'consent-evidence-error',
    ]);
    expect(document.activeElement).toBe(find('#consent-person'));

    type(find('#consent-person'), VICTIM);
    type(find('#consent-kind'), 'BEROEPSGEHEIM_DOORBREKING');
    await click(find(`#consent-organisations-${ZC.id}`));
    await click(find('#consent-categories-C4'));
    type(find('#consent-purpose'), 'Afstemming zorg (fictief)');
    type(find('#consent-given-by'), 'BETROKKENE');
    type(find('#consent-form'), 'SCHRIFTELIJK');
    type(find('#consent-evidence'), 'FORMULIER_GETEKEND');
    type(find('#consent-given-at'), '2026-05-03');
    await submit('[data-testid="consent-form"]');
    http.expectNone({ method: 'POST' });
    expect(text(find('#consent-given-at-error'))).toContain('De datum mag niet in de toekomst liggen.');

    type(find('#consent-given-at'), '2026-05-01');
    await submit('[data-testid="consent-form"]');
    const post = http.expectOne({ method: 'POST', url: `${CASE_URL}/consents` });
    expect(post.request.body).toEqual({
      personId: VICTIM,
      kind: 'BEROEPSGEHEIM_DOORBREKING',
      scopeOrganisationIds: [ZC.id],
      scopeCategories: ['C4'],
      purpose: 'Afstemming zorg (fictief)',
      givenBy: 'BETROKKENE',
      form: 'SCHRIFTELIJK',
      evidenceType: 'FORMULIER_GETEKEND',
      evidenceItemId: null,
      givenAt: '2026-05-01',
    });
    post.flush({ id: 'k9' });
    await fixture.whenStable();
    await reloads({ canRecord: true, consents: [consent({ id: 'k9' })] });
    expect(text(find('[data-testid="detail-notice"]'))).toContain('De toestemming is vastgelegd.');
    expect(root.querySelector('[data-testid="consent-form"]')).toBeNull();
  });

  it('withdraws only after a confirmation that says what lapses; the moment is not sent', async () => {
    const k = consent({ disclosureIds: ['d1', 'd2'], version: 4 });
    await render({ canRecord: true, consents: [k] });
    const withdraw = button('Toestemming doorbreking beroepsgeheim van Sanne Voorbeeld (fictief) intrekken');
    await click(withdraw);
    const confirm = find(`[data-testid="consent-${k.id}-confirm"]`);
    expect(document.activeElement).toBe(confirm.querySelector('h4'));
    expect(text(confirm)).toContain('kan niet worden teruggedraaid');
    expect(text(confirm)).toContain('Dit geldt voor 2 verstrekking(en) die u ziet.');
    await click(button('Annuleren', confirm));
    expect(root.querySelector(`[data-testid="consent-${k.id}-confirm"]`)).toBeNull();
    http.expectNone({ method: 'POST' });

    await click(button('Toestemming doorbreking beroepsgeheim van Sanne Voorbeeld (fictief) intrekken'));
    type(find(`#consent-${k.id}-note`), 'Telefonisch ingetrokken (fictief)');
    await click(button('Ja, toestemming nu intrekken'));
    const post = http.expectOne({ method: 'POST', url: `${CASE_URL}/consents/${k.id}/withdraw` });
    expect(post.request.body).toEqual({ version: 4, note: 'Telefonisch ingetrokken (fictief)' });
    post.flush(null);
    await fixture.whenStable();
    await reloads({
      canRecord: true,
      consents: [{ ...k, status: 'WITHDRAWN', withdrawnAt: '2026-05-02T10:00:00.000Z', canWithdraw: false }],
    });
    expect(text(find('[data-testid="detail-notice"]'))).toContain(
      'Verstrekkingen onder deze toestemming zijn vervallen.',
    );
    expect(text(find('.cst-badges'))).toBe('Status: Ingetrokken');
  });

  it('a consent withdrawn meanwhile is said in words', async () => {
    const k = consent();
    await render({ canRecord: false, consents: [k] });
    await click(button('Toestemming doorbreking beroepsgeheim van Sanne Voorbeeld (fictief) intrekken'));
    await click(button('Ja, toestemming nu intrekken'));
    http
      .expectOne({ method: 'POST', url: `${CASE_URL}/consents/${k.id}/withdraw` })
      .flush(
        { status: 409, type: 'urn:casustafel:problem:consent.withdrawn' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(text(find('[data-testid="detail-notice"]'))).toContain('Deze toestemming is al ingetrokken.');
  });
});
