import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { textOf, tick } from '../testing/page-harness';
import { NotificationBell } from './notification-bell';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Empty {}

@Component({
  imports: [NotificationBell],
  template: '<cst-notification-bell />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {}

describe('NotificationBell', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'acties', component: Empty },
          { path: 'elders', component: Empty },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(Host);
    document.body.appendChild(fixture.nativeElement);
    fixture.detectChanges();
    http.expectOne('/api/notifications/unread-count').flush({ unread: 2 });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await fixture.whenStable();
      await tick();
      await fixture.whenStable();
    };
    return { fixture, el, settle };
  }

  it('shows the unread count, asks again after navigation and announces a change politely', async () => {
    const { el, settle, fixture } = await render();
    expect(textOf(el.querySelector('[data-testid="notification-count"]'))).toBe('2 2 ongelezen');
    expect(textOf(el.querySelector('[aria-live="polite"]'))).toBe('');

    await TestBed.inject(Router).navigateByUrl('/elders');
    http.expectOne('/api/notifications/unread-count').flush({ unread: 3 });
    await settle();
    expect(textOf(el.querySelector('[aria-live="polite"]'))).toBe('U hebt 3 ongelezen melding(en).');
    fixture.nativeElement.remove();
  });

  it('opens a list linking to Mijn acties and the meeting, marks read, closes with Escape back on the bell', async () => {
    const { el, settle, fixture } = await render();
    const bell = el.querySelector<HTMLButtonElement>('[data-testid="notification-bell"]') as HTMLButtonElement;
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    bell.click();
    await settle();
    http.expectOne('/api/notifications').flush({ total: 2, unread: 1, page: 1, pageSize: 20, items: [
      { id: 'n1', type: 'ACTION_ASSIGNED', actionId: 'x1', meetingId: 'm1', createdAt: '2026-12-01T09:00:00Z', readAt: null },
      { id: 'n2', type: 'MINUTES_ESTABLISHED', actionId: null, meetingId: 'm1', createdAt: '2026-11-01T09:00:00Z', readAt: '2026-11-02T09:00:00Z' },
    ] });
    await settle();
    expect(bell.getAttribute('aria-expanded')).toBe('true');
    const items = [...el.querySelectorAll('[data-testid="notification"]')];
    expect(items.map((i) => i.querySelector('a')?.getAttribute('href'))).toEqual(['/acties', '/overleggen/m1']);
    expect(textOf(items[0])).toContain('Er is een actie aan u of uw organisatie toegewezen.');

    [...items[0].querySelectorAll('button')].find((b) => textOf(b) === 'Markeer als gelezen')?.click();
    http.expectOne({ method: 'POST', url: '/api/notifications/n1/read' }).flush({});
    await settle();
    expect(textOf(el.querySelector('[data-testid="notification-count"]'))).toBe('1 1 ongelezen');

    el.querySelector('cst-notification-bell')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(bell);
    fixture.nativeElement.remove();
  });
});
