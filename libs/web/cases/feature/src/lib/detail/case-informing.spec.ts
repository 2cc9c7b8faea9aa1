import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { CaseInformingDto, InformingEntryDto } from '@casustafel/shared/contracts';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { CASES_URL } from '@casustafel/web/cases/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { CASE_ID, ZVH, caseDetail, informing } from '../shared/testing/consent-fixtures';
import { CaseDetailStore } from './case-detail-store';
import { CaseInforming } from './case-informing';
import { TODAY, formatDateTime } from './detail-util';

const CASE_URL = `${CASES_URL}/${CASE_ID}`;

const DEFERRED: InformingEntryDto = {
  id: 'i2',
  status: 'DEFERRED',
  reasonCode: 'LOPEND_ONDERZOEK',
  reason: 'De politie onderzoekt de uitbuiter (fictief).',
  reviewAt: '2026-05-02',
  setBy: 'Petra (fictief)',
  setByOrganisation: ZVH,
  setAt: '2026-04-25T08:30:00.000Z',
  version: 2,
};
const INFORMED: InformingEntryDto = {
  ...DEFERRED,
  id: 'i1',
  status: 'INFORMED',
  reasonCode: null,
  reason: null,
  reviewAt: null,
  setAt: '2026-04-01T08:30:00.000Z',
  version: 1,
};

jest.setTimeout(20_000);

describe('CaseInforming', () => {
  let fixture: ComponentFixture<CaseInforming>;
  let root: HTMLElement;
  let http: HttpTestingController;

  async function render(answer: CaseInformingDto): Promise<void> {
    TestBed.configureTestingModule({
      imports: [CaseInforming],
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
    const store = TestBed.inject(CaseDetailStore);
    store.load(CASE_ID);
    http.expectOne({ method: 'GET', url: CASE_URL }).flush(caseDetail());
    http.expectOne({ method: 'GET', url: `${CASE_URL}/consents` }).flush({ consents: [], canRecord: false });
    http.expectOne({ method: 'GET', url: `${CASE_URL}/informing` }).flush(answer);
    fixture = TestBed.createComponent(CaseInforming);
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
  const button = (name: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;
  function choose(element: HTMLSelectElement | HTMLInputElement, value: string): void {
    element.value = value;
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
  }
  async function submit(): Promise<void> {
    find('[data-testid="informing-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('shows the deferral with its reason and review date, says the review is due, and lists the history', async () => {
    await render(
      informing({
        current: DEFERRED,
        history: [DEFERRED, INFORMED],
        version: 2,
        reviewDue: true,
        canChange: false,
      }),
    );
    const current = find('[data-testid="informing-current"]');
    expect(text(current.querySelector('.cst-badges'))).toBe('Status: Uitgesteld');
    const facts = [...current.querySelectorAll('dt')].map(
      (dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`,
    );
    expect(facts).toEqual([
      'Reden: Lopend onderzoek',
      'Toelichting: De politie onderzoekt de uitbuiter (fictief).',
      'Heroverwegen op: 2-5-2026',
      `Vastgelegd door: Petra (fictief), ZVH Gooi (fictief), ${formatDateTime(DEFERRED.setAt)}`,
    ]);
    expect(current.querySelector('dd.cst-due')?.textContent?.trim()).toBe('2-5-2026');
    expect(text(find('[data-testid="informing-review-due"]'))).toContain(
      'De datum om het uitstel opnieuw te bekijken is bereikt.',
    );
    const history = [...root.querySelectorAll('[data-testid="informing-history"] li')].map(text);
    expect(history).toHaveLength(2);
    expect(history[0]).toContain('Uitgesteld: Lopend onderzoek, heroverwegen op 2-5-2026');
    expect(history[0]).toContain('door Petra (fictief), ZVH Gooi (fictief)');
    expect(history[0]).toContain('De politie onderzoekt de uitbuiter (fictief).');
    expect(history[1]).toContain('Geïnformeerd');
    expect(root.querySelector('button')).toBeNull();
  });

  it('a deferral needs a reason and a review date from today on; the fields follow the status', async () => {
    await render(informing());
    expect(text(find('[data-testid="informing-current"]'))).toContain('Nog niet vastgelegd.');
    button('Status wijzigen').click();
    await fixture.whenStable();
    expect(document.activeElement).toBe(find('#informing-form-heading'));
    // Informed: no reason code and no review date to fill in.
    choose(find('#informing-status'), 'INFORMED');
    await fixture.whenStable();
    expect(root.querySelector('#informing-reason-code')).toBeNull();
    expect(root.querySelector('#informing-review-at')).toBeNull();

    choose(find('#informing-status'), 'DEFERRED');
    await fixture.whenStable();
    await submit();
    http.expectNone({ method: 'PUT' });
    expect(text(find('#informing-reason-code-error'))).toContain('Kies een reden.');
    expect(text(find('#informing-review-at-error'))).toContain('Vul de datum in');
    expect(document.activeElement).toBe(find('#informing-reason-code'));

    choose(find('#informing-reason-code'), 'LOPEND_ONDERZOEK');
    choose(find('#informing-review-at'), '2026-05-01');
    await submit();
    http.expectNone({ method: 'PUT' });
    expect(text(find('#informing-review-at-error'))).toContain('De datum mag niet in het verleden liggen.');

    choose(find('#informing-review-at'), '2026-05-02');
    choose(find('#informing-reason'), 'Lopend opsporingsonderzoek (fictief)');
    await submit();
    const put = http.expectOne({ method: 'PUT', url: `${CASE_URL}/informing` });
    expect(put.request.body).toEqual({
      status: 'DEFERRED',
      reasonCode: 'LOPEND_ONDERZOEK',
      reason: 'Lopend opsporingsonderzoek (fictief)',
      reviewAt: '2026-05-02',
      version: 0,
    });
    const saved = { ...DEFERRED, reason: 'Lopend opsporingsonderzoek (fictief)', version: 1 };
    put.flush(informing({ current: saved, history: [saved], version: 1, reviewDue: true }));
    await fixture.whenStable();
    expect(text(find('[data-testid="detail-notice"]'))).toContain('De status ‘Uitgesteld’ is vastgelegd.');
    expect(text(find('[data-testid="informing-current"] .cst-badges'))).toBe('Status: Uitgesteld');
    expect(root.querySelector('[data-testid="informing-form"]')).toBeNull();
  });

  it('"Anders" needs a text; a stale version offers to reload', async () => {
    await render(informing({ current: INFORMED, history: [INFORMED], version: 1 }));
    button('Status wijzigen').click();
    await fixture.whenStable();
    choose(find('#informing-status'), 'NOT_INFORMED');
    await fixture.whenStable();
    choose(find('#informing-reason-code'), 'ANDERS');
    await submit();
    http.expectNone({ method: 'PUT' });
    expect(text(find('#informing-reason-error'))).toContain('Vul dit veld in.');
    expect(root.querySelector('#informing-review-at')).toBeNull();

    choose(find('#informing-reason'), 'Uitzondering volgens de FG (fictief)');
    await submit();
    const put = http.expectOne({ method: 'PUT', url: `${CASE_URL}/informing` });
    expect(put.request.body).toMatchObject({
      status: 'NOT_INFORMED',
      reasonCode: 'ANDERS',
      reviewAt: null,
      version: 1,
    });
    put.flush(
      { status: 409, type: 'urn:casustafel:problem:conflict' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    const notice = find('[data-testid="detail-notice"]');
    expect(text(notice)).toContain('Iemand anders heeft dit gewijzigd');
    expect(notice.querySelector('button')).not.toBeNull();
  });
});
