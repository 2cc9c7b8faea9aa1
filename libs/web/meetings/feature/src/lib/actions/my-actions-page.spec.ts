import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ActionDto } from '@casustafel/shared/contracts';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { textOf, tick } from '../testing/page-harness';
import { MyActionsPage } from './my-actions-page';

const action = (id: string, extra: Partial<ActionDto> = {}): ActionDto => ({
  id,
  caseId: 'c1',
  caseNumber: 'MH-2026-0012',
  meetingId: 'm1',
  agendaItemId: 'a1',
  description: `Actie ${id}`,
  ownerOrganisation: { id: 'o-ggz', name: 'GGZ', partnerType: 'GGZ_ZORGAANBIEDER' },
  ownerUser: null,
  dueDate: '2026-12-15',
  status: 'OPEN',
  notDoneReason: null,
  statusNote: null,
  overdue: false,
  version: 2,
  can: { changeStatus: true, cancel: false },
  ...extra,
});

describe('MyActionsPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const root = () => harness.routeNativeElement as HTMLElement;
  const settle = async () => {
    await harness.fixture.whenStable();
    await tick();
    await harness.fixture.whenStable();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'acties', component: MyActionsPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    document.body.appendChild(harness.fixture.nativeElement);
    await harness.navigateByUrl('/acties', MyActionsPage);
  });

  afterEach(() => {
    http.verify();
    harness.fixture.nativeElement.remove();
  });

  it('lists running actions first, overdue ones first and marked in words, and switches to the organisation', async () => {
    http
      .expectOne('/api/actions?scope=mine')
      .flush([
        action('1', { dueDate: '2026-12-20' }),
        action('2', { dueDate: '2026-11-20', overdue: true }),
        action('3', { status: 'AFGEROND' }),
      ]);
    await settle();
    const open = root().querySelector('[data-group="open"]');
    const cards = [...(open?.querySelectorAll('[data-testid="action-card"]') ?? [])];
    expect(cards.map((c) => c.getAttribute('data-overdue'))).toEqual(['true', 'false']);
    expect(textOf(cards[0])).toContain('Te laat');
    expect(textOf(cards[0])).toContain('Te laat: de uiterste datum was 20-11-2026');
    expect(textOf(root().querySelector('[data-group="closed"]'))).toContain('Actie 3');

    const toOrganisation = root().querySelector<HTMLButtonElement>('[data-scope="organisation"]');
    toOrganisation?.click();
    await settle();
    http.expectOne('/api/actions?scope=organisation').flush([]);
    await settle();
    expect(toOrganisation?.getAttribute('aria-pressed')).toBe('true');
  });

  it('requires a reason for "niet uitgevoerd" and an explanation for "anders", then sends the version', async () => {
    http.expectOne('/api/actions?scope=mine').flush([action('1')]);
    await settle();
    root().querySelector<HTMLButtonElement>('#act-1-change')?.click();
    await settle();
    // Vervallen only for who may cancel.
    expect(root().querySelector('#act-1-status-VERVALLEN')).toBeNull();
    root().querySelector<HTMLInputElement>('#act-1-status-NIET_UITGEVOERD')?.click();
    await settle();
    const form = root().querySelector<HTMLFormElement>('[data-testid="action-status-form"]') as HTMLFormElement;
    form.dispatchEvent(new Event('submit'));
    await settle();
    expect(textOf(form)).toContain('Kies een reden.');

    root().querySelector<HTMLInputElement>('#act-1-reason-ANDERS')?.click();
    form.dispatchEvent(new Event('submit'));
    await settle();
    expect(textOf(form)).toContain('Licht de reden "anders" toe.');
    expect(document.activeElement?.id).toBe('act-1-note');

    const note = root().querySelector<HTMLTextAreaElement>('#act-1-note') as HTMLTextAreaElement;
    note.value = 'Betrokkene verhuisd';
    note.dispatchEvent(new Event('input'));
    form.dispatchEvent(new Event('submit'));
    await settle();
    const request = http.expectOne({ method: 'PUT', url: '/api/actions/1/status' });
    expect(request.request.body).toEqual({
      status: 'NIET_UITGEVOERD',
      notDoneReason: 'ANDERS',
      note: 'Betrokkene verhuisd',
      version: 2,
    });
    request.flush(action('1', { status: 'NIET_UITGEVOERD', notDoneReason: 'ANDERS', version: 3 }));
    await settle();
    expect(textOf(root().querySelector('[data-testid="meeting-notice"]'))).toContain(
      'De status van de actie is nu: Niet uitgevoerd.',
    );
    expect(textOf(root().querySelector('[data-group="closed"]'))).toContain('Reden Anders');
  });
});
