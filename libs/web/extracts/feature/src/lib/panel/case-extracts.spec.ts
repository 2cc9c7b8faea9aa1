import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ExtractDto } from '@casustafel/shared/contracts';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import {
  CASE_ID,
  SHA_PDF,
  TABLE_ID,
  TABLE_ORGANISATIONS,
  ZVH,
  candidates,
  extract,
} from '../testing/extract-fixtures';
import { textOf, tick } from '../testing/page-harness';
import { CaseExtracts } from './case-extracts';

const LIST_URL = `/api/cases/${CASE_ID}/extracts`;
const CANDIDATES_URL = `/api/cases/${CASE_ID}/extracts/candidates`;

jest.setTimeout(20_000);

describe('CaseExtracts', () => {
  let fixture: ComponentFixture<CaseExtracts>;
  let root: HTMLElement;
  let http: HttpTestingController;

  async function render(list: ExtractDto[]): Promise<void> {
    TestBed.configureTestingModule({
      imports: [CaseExtracts],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        { provide: SessionStore, useValue: { organisation: signal(ZVH) } },
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseExtracts);
    fixture.componentRef.setInput('caseId', CASE_ID);
    fixture.componentRef.setInput('tableId', TABLE_ID);
    root = fixture.nativeElement;
    document.body.appendChild(root);
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: LIST_URL }).flush(list);
    await settle();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    await tick();
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    root.remove();
  });

  const find = <T extends Element>(selector: string) => root.querySelector<T>(selector) as T;
  function button(name: string | RegExp): HTMLButtonElement {
    const match = [...root.querySelectorAll('button')].find((b) => {
      const label = (b.getAttribute('aria-label') ?? b.textContent ?? '').trim();
      return typeof name === 'string' ? label === name : name.test(label);
    });
    if (!match) {
      throw new Error(`No button named ${name}`);
    }
    return match;
  }
  function choose(select: HTMLSelectElement, value: string): void {
    select.value = value;
    select.dispatchEvent(new Event('change'));
  }
  async function submit(): Promise<void> {
    find('form[data-testid="extract-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
  }
  async function openCompose(): Promise<void> {
    button('Uittreksel opstellen').click();
    await settle();
    http
      .expectOne({ method: 'GET', url: `/api/tables/${TABLE_ID}/organisations` })
      .flush(TABLE_ORGANISATIONS);
    await settle();
  }

  it('lists each extract with its state, recipient, items, expiry, SHA-256 and downloads', async () => {
    await render([
      extract(),
      extract({
        id: 'x2',
        number: 'UT-2026-0002',
        state: 'INGETROKKEN',
        recalledAt: '2026-05-03T10:00:00.000Z',
        recallReason: 'Verkeerde ontvanger (fictief).',
        pdfSha256: null,
        jsonSha256: null,
        can: { decide: false, recall: false, supersede: false, download: false },
      }),
    ]);
    const [issued, recalled] = [...root.querySelectorAll('li.cst-card')];
    expect(textOf(issued.querySelector('h3'))).toBe(
      'Uittreksel UT-2026-0001 voor Openbaar Ministerie (fictief)',
    );
    expect(textOf(issued.querySelector('[data-testid="extract-state"]'))).toBe('Status: Verstrekt');
    expect(textOf(issued)).toContain('Casuskern (fictief) (Volledig)');
    expect(textOf(issued)).toContain('Onderdeel (Zorg en gezondheid) (Alleen categorie)');
    expect(textOf(issued)).toContain('Geldig tot en met Geen einddatum');
    expect(textOf(issued.querySelector('[data-testid="extract-pdf-sha256"]'))).toBe(SHA_PDF);
    expect(issued.querySelector('code')?.tagName).toBe('CODE');
    const pdf = issued.querySelector<HTMLAnchorElement>('[data-testid="extract-download-pdf"]');
    expect(pdf?.getAttribute('href')).toBe('/api/extracts/x1/document.pdf');
    expect(pdf?.hasAttribute('download')).toBe(true);
    expect(pdf?.getAttribute('aria-label')).toBe('Download pdf van uittreksel UT-2026-0001');

    expect(textOf(recalled.querySelector('[data-testid="extract-state"]'))).toBe('Status: Ingetrokken');
    expect(textOf(recalled)).toContain('Reden van intrekking Verkeerde ontvanger (fictief).');
    expect(recalled.querySelector('a[download]')).toBeNull();
    expect(recalled.querySelector('button')).toBeNull();
  });

  it('an empty compose names recipient, purpose and legal ground at their fields and in a focused summary', async () => {
    await render([]);
    expect(textOf(root)).toContain('Er zijn voor deze casus nog geen uittreksels opgesteld.');
    await openCompose();
    expect(document.activeElement?.id).toBe('extract-compose-heading');
    // Not the own organisation.
    const options = [...find<HTMLSelectElement>('#extract-recipient').options].map((o) =>
      o.textContent?.trim(),
    );
    expect(options).toEqual(['Kies een organisatie', 'Openbaar Ministerie (fictief)', 'Politie (fictief)']);
    await submit();
    const summary = find('[data-testid="error-summary"]');
    expect(document.activeElement).toBe(summary);
    expect(textOf(summary)).toContain('Ontvangende organisatie: Maak een keuze.');
    expect(textOf(summary)).toContain('Doel: Vul dit veld in.');
    expect(textOf(summary)).toContain('Grondslag: Maak een keuze.');
    expect(find('#extract-purpose').getAttribute('aria-invalid')).toBe('true');
    expect(textOf(find('#extract-purpose-error'))).toBe('Fout: Vul dit veld in.');
    expect(textOf(find('#extract-legal-ground-error'))).toBe('Fout: Maak een keuze.');
  });

  it('offers only the candidates for the chosen recipient, a category-only item without the full mode; the server naming an item puts its problem at that item', async () => {
    await render([]);
    await openCompose();
    choose(find<HTMLSelectElement>('#extract-recipient'), 'om');
    await settle();
    const request = http.expectOne((r) => r.url === CANDIDATES_URL);
    expect(request.request.params.get('recipientOrganisationId')).toBe('om');
    request.flush(candidates());
    await settle();

    const full = find<HTMLInputElement>('#extract-item-i1');
    const summaryOnly = find<HTMLInputElement>('#extract-item-i2');
    expect(textOf(find('[data-testid="extract-candidate-i2"]'))).toContain('Alleen de categorie');
    full.click();
    summaryOnly.click();
    await settle();
    expect(find('#extract-mode-i1-FULL')).not.toBeNull();
    expect(find('#extract-mode-i1-CATEGORY_SUMMARY')).not.toBeNull();
    expect(find('#extract-mode-i2-FULL')).toBeNull();
    find<HTMLInputElement>('#extract-mode-i1-CATEGORY_SUMMARY').click();

    const purpose = find<HTMLTextAreaElement>('#extract-purpose');
    purpose.value = 'Beoordeling vervolging (fictief).';
    purpose.dispatchEvent(new Event('input'));
    choose(find<HTMLSelectElement>('#extract-legal-ground'), 'WJSG_AANWIJZING');
    await submit();

    const create = http.expectOne({ method: 'POST', url: LIST_URL });
    expect(create.request.body).toEqual({
      recipientOrganisationId: 'om',
      purpose: 'Beoordeling vervolging (fictief).',
      legalGround: 'WJSG_AANWIJZING',
      expiresOn: null,
      items: [
        { itemId: 'i1', mode: 'CATEGORY_SUMMARY' },
        { itemId: 'i2', mode: 'CATEGORY_SUMMARY' },
      ],
      supersedesExtractId: null,
    });
    create.flush(
      {
        type: 'urn:casustafel:problem:validation',
        title: 'Invalid',
        status: 400,
        errors: [{ field: 'items[1].itemId', code: 'notAllowed', message: 'not for this recipient' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(textOf(find('#extract-item-i2-error'))).toBe(
      'Fout: De ontvanger mag dit onderdeel niet ontvangen.',
    );
    expect(find('#extract-item-i2').getAttribute('aria-invalid')).toBe('true');
    expect(find('#extract-item-i1').getAttribute('aria-invalid')).toBeNull();
    expect(textOf(find('[data-testid="error-summary"]'))).toContain('Behandelnotitie (fictief)');
  });

  it('approves one waiting for a second person, and recalls one only with a reason', async () => {
    await render([
      extract({
        state: 'TER_GOEDKEURING',
        issuedAt: null,
        decidedAt: null,
        decidedBy: null,
        pdfSha256: null,
        jsonSha256: null,
        can: { decide: true, recall: false, supersede: false, download: false },
      }),
    ]);
    expect(textOf(root)).toContain('Wacht op goedkeuring door een tweede persoon');
    button('Uittreksel UT-2026-0001 goedkeuren en verstrekken').click();
    await settle();
    const decide = http.expectOne({ method: 'POST', url: '/api/extracts/x1/decision' });
    expect(decide.request.body).toEqual({ approve: true, version: 2 });
    decide.flush(extract({ version: 3 }));
    await settle();
    http.expectOne({ method: 'GET', url: LIST_URL }).flush([extract({ version: 3 })]);
    await settle();
    const notice = find('[data-testid="extract-notice"]');
    expect(textOf(notice)).toContain(
      'Uittreksel UT-2026-0001 is goedgekeurd en verstrekt aan Openbaar Ministerie (fictief).',
    );
    expect(document.activeElement).toBe(notice);

    button('Uittreksel UT-2026-0001 intrekken').click();
    await settle();
    expect(document.activeElement?.id).toBe('extract-x1-reason');
    button('Uittreksel intrekken').click();
    await settle();
    expect(textOf(find('#extract-x1-reason-error'))).toBe('Fout: Geef een reden.');
    const reason = find<HTMLTextAreaElement>('#extract-x1-reason');
    reason.value = 'Onjuiste selectie (fictief).';
    reason.dispatchEvent(new Event('input'));
    button('Uittreksel intrekken').click();
    await settle();
    const recall = http.expectOne({ method: 'POST', url: '/api/extracts/x1/recall' });
    expect(recall.request.body).toEqual({ reason: 'Onjuiste selectie (fictief).', version: 3 });
    recall.flush(extract({ state: 'INGETROKKEN', version: 4 }));
    await settle();
    http.expectOne({ method: 'GET', url: LIST_URL }).flush([extract({ state: 'INGETROKKEN', version: 4 })]);
    await settle();
    expect(textOf(find('[data-testid="extract-notice"]'))).toContain('is ingetrokken');
  });

  it('refuses one only with a reason, and explains four eyes when the server insists on it', async () => {
    const waiting = extract({
      state: 'TER_GOEDKEURING',
      issuedAt: null,
      pdfSha256: null,
      jsonSha256: null,
      can: { decide: true, recall: false, supersede: false, download: false },
    });
    await render([waiting]);
    button('Uittreksel UT-2026-0001 afwijzen').click();
    await settle();
    expect(document.activeElement?.id).toBe('extract-x1-reason');
    expect(find('label[for="extract-x1-reason"]').textContent?.trim()).toBe('Reden van afwijzing');
    button('Afwijzen').click();
    await settle();
    expect(textOf(find('#extract-x1-reason-error'))).toBe('Fout: Geef een reden.');
    http.expectNone({ method: 'POST', url: '/api/extracts/x1/decision' });
    const reason = find<HTMLTextAreaElement>('#extract-x1-reason');
    reason.value = 'Doel te ruim omschreven (fictief).';
    reason.dispatchEvent(new Event('input'));
    button('Afwijzen').click();
    await settle();
    const decide = http.expectOne({ method: 'POST', url: '/api/extracts/x1/decision' });
    expect(decide.request.body).toEqual({
      approve: false,
      reason: 'Doel te ruim omschreven (fictief).',
      version: 2,
    });
    decide.flush(
      { status: 403, type: 'urn:casustafel:problem:extract.four_eyes' },
      { status: 403, statusText: 'Forbidden' },
    );
    await settle();
    const notice = find('[data-testid="extract-notice"]');
    expect(textOf(notice)).toContain('Een tweede persoon moet het goedkeuren.');
    expect(document.activeElement).toBe(notice);
  });

  it('a new version starts from the old one: recipient, choices, purpose and legal ground', async () => {
    await render([extract({ legalGround: 'OTHER', legalReference: 'Art. 1 (fictief)' })]);
    button('Nieuwe versie van uittreksel UT-2026-0001').click();
    await settle();
    http
      .expectOne({ method: 'GET', url: `/api/tables/${TABLE_ID}/organisations` })
      .flush(TABLE_ORGANISATIONS);
    const request = http.expectOne((r) => r.url === CANDIDATES_URL);
    expect(request.request.params.get('recipientOrganisationId')).toBe('om');
    request.flush(candidates());
    await settle();
    expect(textOf(find('#extract-compose-heading'))).toBe('Nieuwe versie van uittreksel UT-2026-0001');
    expect(find<HTMLSelectElement>('#extract-recipient').value).toBe('om');
    expect(find<HTMLTextAreaElement>('#extract-purpose').value).toBe(
      'Beoordeling strafrechtelijk traject (fictief).',
    );
    expect(find<HTMLInputElement>('#extract-legal-reference').value).toBe('Art. 1 (fictief)');
    // i1 was FULL and may still go in full; i2 was category-only.
    expect(find<HTMLInputElement>('#extract-item-i1').checked).toBe(true);
    expect(find<HTMLInputElement>('#extract-mode-i1-FULL').checked).toBe(true);
    expect(find<HTMLInputElement>('#extract-item-i2').checked).toBe(true);
    await submit();
    const create = http.expectOne({ method: 'POST', url: LIST_URL });
    expect(create.request.body).toMatchObject({
      supersedesExtractId: 'x1',
      legalGround: 'OTHER',
      legalReference: 'Art. 1 (fictief)',
      items: [
        { itemId: 'i1', mode: 'FULL' },
        { itemId: 'i2', mode: 'CATEGORY_SUMMARY' },
      ],
    });
    create.flush(extract({ id: 'x2', number: 'UT-2026-0002', state: 'TER_GOEDKEURING', supersedes: 'x1' }));
    await settle();
    http.expectOne({ method: 'GET', url: LIST_URL }).flush([]);
    await settle();
    expect(textOf(find('[data-testid="extract-notice"]'))).toContain(
      'Uittreksel UT-2026-0002 is opgesteld en wacht op goedkeuring door een tweede persoon.',
    );
  });
});
