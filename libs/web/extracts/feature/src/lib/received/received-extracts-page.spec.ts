import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ReceivedExtractDto } from '@casustafel/shared/contracts';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { RECEIVED_EXTRACTS_URL } from '@casustafel/web/extracts/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { OM, SHA_JSON, SHA_PDF, received } from '../testing/extract-fixtures';
import { textOf, tick } from '../testing/page-harness';
import { ReceivedExtractsPage } from './received-extracts-page';

jest.setTimeout(20_000);

describe('ReceivedExtractsPage', () => {
  let fixture: ComponentFixture<ReceivedExtractsPage>;
  let root: HTMLElement;
  let http: HttpTestingController;

  async function render(list: ReceivedExtractDto[] | 'fail'): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ReceivedExtractsPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideI18n(),
        { provide: SessionStore, useValue: { organisation: signal(OM) } },
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReceivedExtractsPage);
    root = fixture.nativeElement;
    document.body.appendChild(root);
    await fixture.whenStable();
    const request = http.expectOne({ method: 'GET', url: RECEIVED_EXTRACTS_URL });
    if (list === 'fail') {
      request.flush({}, { status: 500, statusText: 'Server Error' });
    } else {
      request.flush(list);
    }
    await fixture.whenStable();
    await tick();
  }

  afterEach(() => {
    http.verify();
    root.remove();
  });

  const cards = () => [...root.querySelectorAll('li.cst-card')];

  it("shows the organisation's extracts, newest first, with hashes and downloads only while allowed; never a case", async () => {
    await render([
      received(),
      received({
        id: 'x2',
        number: 'UT-2026-0002',
        issuedAt: '2026-05-05T09:00:00.000Z',
        state: 'INGETROKKEN',
        recallReason: 'Verkeerde selectie (fictief).',
        canDownload: false,
      }),
      received({
        id: 'x3',
        number: 'UT-2026-0000',
        issuedAt: '2026-04-01T09:00:00.000Z',
        state: 'VERVANGEN',
        canDownload: false,
      }),
      received({
        id: 'x4',
        number: 'UT-2026-0003',
        issuedAt: '2026-03-01T09:00:00.000Z',
        expired: true,
        canDownload: false,
      }),
    ]);
    expect(textOf(root.querySelector('h1'))).toBe('Uittreksels voor mijn organisatie');
    expect(textOf(root)).toContain('aan Openbaar Ministerie (fictief) heeft verstrekt');
    const [recalled, issued, superseded, expired] = cards();

    expect(textOf(recalled.querySelector('h2'))).toBe('Uittreksel UT-2026-0002');
    expect(textOf(recalled.querySelector('[data-testid="extract-state"]'))).toBe('Status: Ingetrokken');
    expect(textOf(recalled.querySelector('[data-testid="recall-reason"]'))).toBe(
      'Verkeerde selectie (fictief).',
    );
    expect(recalled.querySelector('a[download]')).toBeNull();
    expect(textOf(recalled)).toContain('Downloaden is niet (meer) mogelijk.');

    expect(textOf(issued.querySelector('[data-testid="extract-state"]'))).toBe('Status: Verstrekt');
    expect(textOf(issued)).toContain('Van Zorg- en Veiligheidshuis (fictief)');
    expect(textOf(issued)).toContain('Grondslag Wjsg / Aanwijzing verstrekking strafvorderlijke gegevens');
    expect(textOf(issued)).toContain('Geldig tot en met 31-12-2026');
    expect(textOf(issued.querySelector('[data-testid="extract-pdf-sha256"]'))).toBe(SHA_PDF);
    expect(textOf(issued.querySelector('[data-testid="extract-json-sha256"]'))).toBe(SHA_JSON);
    expect(
      [...issued.querySelectorAll<HTMLAnchorElement>('a[download]')].map((a) => a.getAttribute('href')),
    ).toEqual(['/api/extracts/x1/document.pdf', '/api/extracts/x1/document.json']);

    expect(textOf(superseded.querySelector('[data-testid="extract-state"]'))).toBe('Status: Vervangen');
    expect(textOf(superseded)).toContain('vervangen door een nieuwere versie');
    expect(textOf(expired.querySelector('[data-testid="extract-state"]'))).toBe('Status: Verlopen');
    expect(expired.querySelector('a[download]')).toBeNull();

    expect([...root.querySelectorAll('a')].some((a) => a.getAttribute('href')?.includes('casussen'))).toBe(
      false,
    );
  });

  it('says so when nothing was received, and offers a reload when loading failed', async () => {
    await render([]);
    expect(textOf(root)).toContain('Er zijn nog geen uittreksels aan uw organisatie verstrekt.');
    root.remove();
    TestBed.resetTestingModule();
    await render('fail');
    expect(textOf(root)).toContain('De uittreksels konden niet worden geladen.');
    [...root.querySelectorAll('button')].find((b) => textOf(b) === 'Opnieuw laden')?.click();
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: RECEIVED_EXTRACTS_URL }).flush([received()]);
    await fixture.whenStable();
    expect(cards()).toHaveLength(1);
  });
});
