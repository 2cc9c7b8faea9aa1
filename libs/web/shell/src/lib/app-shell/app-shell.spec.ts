import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, ChangeDetectionStrategy, Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { LANGUAGE_STORAGE_KEY, provideI18n } from '@casustafel/web/shared/i18n';
import { HttpTestingController } from '@angular/common/http/testing';
import { AUTH_URL, SessionStore } from '@casustafel/web/auth/data-access';
import { AppShell } from './app-shell';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Blank {}

describe('AppShell', () => {
  let fixture: ComponentFixture<AppShell>;
  let root: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    document.documentElement.lang = '';
    TestBed.configureTestingModule({
      imports: [AppShell],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideI18n()],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    fixture = TestBed.createComponent(AppShell);
    root = fixture.nativeElement;
    await fixture.whenStable();
  });

  function find<T extends Element>(selector: string): T {
    const element = root.querySelector<T>(selector);
    if (!element) {
      throw new Error(`Nothing matches ${selector}`);
    }
    return element;
  }

  const languageSwitch = () => find<HTMLButtonElement>('[data-testid="language-switch"]');

  async function clickSwitch(): Promise<void> {
    languageSwitch().click();
    // the switch awaits the (lazy) translation before activating it
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  it('has the landmarks, the skip link and the main target', () => {
    expect(root.querySelector('header')).not.toBeNull();
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('Hoofdmenu');
    expect(root.querySelector('main')?.id).toBe('hoofdinhoud');
    expect(root.querySelector('footer')).not.toBeNull();
    const skip = root.querySelector('cst-skip-link a');
    expect(skip?.getAttribute('href')).toBe('#hoofdinhoud');
    expect(skip?.textContent?.trim()).toBe('Naar hoofdinhoud');
  });

  it('offers English while Dutch is active, with lang="en" on the option text', () => {
    const option = languageSwitch().querySelector('[lang]');

    expect(languageSwitch().tagName).toBe('BUTTON');
    expect(option?.getAttribute('lang')).toBe('en');
    expect(option?.textContent?.trim()).toBe('English');
    expect(languageSwitch().textContent).toContain('Taal wijzigen naar');
  });

  it('switches to English and back, updating texts, <html lang> and the stored preference', async () => {
    await clickSwitch();

    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('Main menu');
    expect(root.querySelector('cst-skip-link a')?.textContent?.trim()).toBe('Skip to main content');
    const option = languageSwitch().querySelector('[lang]');
    expect(option?.getAttribute('lang')).toBe('nl');
    expect(option?.textContent?.trim()).toBe('Nederlands');

    await clickSwitch();

    expect(document.documentElement.lang).toBe('nl');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('nl');
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('Hoofdmenu');
  });

  async function signIn(permissions: string[]): Promise<void> {
    const loaded = TestBed.inject(SessionStore).load(true);
    TestBed.inject(HttpTestingController)
      .expectOne(`${AUTH_URL}/session`)
      .flush({
        user: { id: 'u', displayName: 'Fleur Jansen', email: 'f@x', isDemo: false },
        organisation: { id: 'o', name: 'ZVH Demo', partnerType: 'ZVH' },
        roles: [],
        permissions,
        idleExpiresAt: '2026-01-01T00:30:00Z',
        absoluteExpiresAt: '2026-01-01T12:00:00Z',
      });
    await loaded;
    await fixture.whenStable();
  }

  const navLinks = () =>
    [...root.querySelectorAll('nav a')].map((a) => `${a.textContent?.trim()} ${a.getAttribute('href')}`);

  it('shows the case links by permission', async () => {
    await signIn(['account.manage', 'cases.read', 'registrations.create']);
    expect(navLinks()).toEqual([
      'Start /start',
      'Casussen /casussen',
      'Aanmeldingen /aanmeldingen',
      'Mijn account /account',
      'Over Casustafel /over',
    ]);
    await signIn(['account.manage', 'cases.read', 'registrations.create', 'registrations.triage']);
    expect(navLinks()).toContain('Triage /triage');
    await signIn(['account.manage', 'admin.read']);
    expect(navLinks()).not.toContain('Casussen /casussen');
    expect(navLinks()).toContain('Beheer /beheer');
    expect(navLinks()).not.toContain('Verwerkingsregister /verwerkingsregister');
  });

  it('shows the case conference links by permission, and the notification bell when signed in', async () => {
    await signIn(['account.manage', 'cases.read', 'meetings.attend', 'actions.work']);
    expect(navLinks()).toEqual([
      'Start /start',
      'Casussen /casussen',
      'Overleggen /overleggen',
      'Mijn acties /acties',
      'Mijn account /account',
      'Over Casustafel /over',
    ]);
    expect(document.querySelector('[data-testid="notification-bell"]')).not.toBeNull();
    await signIn(['account.manage', 'cases.read', 'meetings.attend']);
    expect(navLinks()).toContain('Overleggen /overleggen');
    expect(navLinks()).not.toContain('Mijn acties /acties');
  });

  it('shows the register to whoever may read it, also without Beheer (the FG)', async () => {
    await signIn(['account.manage', 'register.read']);
    expect(navLinks()).toEqual([
      'Start /start',
      'Verwerkingsregister /verwerkingsregister',
      'Mijn account /account',
      'Over Casustafel /over',
    ]);
    await signIn(['account.manage', 'admin.read', 'register.read']);
    expect(navLinks()).toEqual([
      'Start /start',
      'Beheer /beheer',
      'Verwerkingsregister /verwerkingsregister',
      'Mijn account /account',
      'Over Casustafel /over',
    ]);
  });

  it('shows the data-subject request links by permission: the contactpunt’s list, the partners’ tasks', async () => {
    await signIn(['account.manage', 'rights.manage']);
    expect(navLinks()).toEqual([
      'Start /start',
      'Verzoeken betrokkenen /verzoeken-betrokkenen',
      'Mijn account /account',
      'Over Casustafel /over',
    ]);
    await signIn(['account.manage', 'cases.read', 'rights.tasks']);
    expect(navLinks()).toContain('Taken verzoeken /taken-verzoeken');
    expect(navLinks()).not.toContain('Verzoeken betrokkenen /verzoeken-betrokkenen');
  });

  it('shows the Logboek to the FG only (audit.read)', async () => {
    await signIn(['account.manage', 'register.read', 'audit.read']);
    expect(navLinks()).toEqual([
      'Start /start',
      'Verwerkingsregister /verwerkingsregister',
      'Logboek /logboek',
      'Mijn account /account',
      'Over Casustafel /over',
    ]);
    await signIn(['account.manage', 'admin.read', 'register.read']);
    expect(navLinks()).not.toContain('Logboek /logboek');
  });

  it('moves focus to the content after a new page, not after a change of the query only', async () => {
    document.body.appendChild(root);
    const router = TestBed.inject(Router);
    router.resetConfig([
      { path: 'a', component: Blank },
      { path: 'b', component: Blank },
    ]);
    await router.navigateByUrl('/a');
    await router.navigateByUrl('/b');
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.activeElement).toBe(root.querySelector('main'));

    const search = document.createElement('input');
    document.body.appendChild(search);
    search.focus();
    await router.navigateByUrl('/b?zoek=Sanne');
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.activeElement).toBe(search);
    search.remove();
    root.remove();
  });

  it('shows the session user only when signed in', async () => {
    expect(root.querySelector('[data-testid="session-user"]')).toBeNull();

    const loaded = TestBed.inject(SessionStore).load(true);
    TestBed.inject(HttpTestingController)
      .expectOne(`${AUTH_URL}/session`)
      .flush({
        user: { id: 'u', displayName: 'Fleur Jansen', email: 'f@x', isDemo: false },
        organisation: { id: 'o', name: 'ZVH Demo', partnerType: 'ZVH' },
        roles: [],
        permissions: ['account.manage'],
        idleExpiresAt: '2026-01-01T00:30:00Z',
        absoluteExpiresAt: '2026-01-01T12:00:00Z',
      });
    await loaded;
    await fixture.whenStable();

    const session = root.querySelector('[data-testid="session-user"]');
    expect(session?.textContent).toContain('Fleur Jansen');
    expect(session?.textContent).toContain('ZVH Demo');
  });
});
