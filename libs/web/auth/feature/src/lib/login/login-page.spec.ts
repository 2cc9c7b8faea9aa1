import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AUTH_URL, SessionStore } from '@casustafel/web/auth/data-access';
import { LanguageStore, provideI18n } from '@casustafel/web/shared/i18n';
import { LoginPage } from './login-page';

const LOGIN_URL = `${AUTH_URL}/login`;

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideI18n()],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    root = fixture.nativeElement;
    document.body.appendChild(root);
    await fixture.whenStable();
  });

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

  const email = () => find<HTMLInputElement>('#login-email');
  const password = () => find<HTMLInputElement>('#login-password');
  const form = () => find<HTMLFormElement>('[data-testid="login-form"]');

  function type(input: HTMLInputElement, value: string): void {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    form().dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('has visible labels tied to the inputs and the right autocomplete hints', () => {
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Inloggen bij Casustafel');
    expect(root.querySelector('label[for="login-email"]')?.textContent?.trim()).toBe('E-mailadres');
    expect(root.querySelector('label[for="login-password"]')?.textContent?.trim()).toBe('Wachtwoord');
    expect(email().type).toBe('email');
    expect(email().getAttribute('autocomplete')).toBe('username');
    expect(password().type).toBe('password');
    expect(password().getAttribute('autocomplete')).toBe('current-password');
    expect(email().getAttribute('aria-invalid')).toBeNull();
  });

  it('shows accessible required errors and does not call the API when empty', async () => {
    await submit();

    const emailError = root.querySelector('#login-email-error');
    const passwordError = root.querySelector('#login-password-error');
    expect(emailError?.textContent).toContain('Vul uw e-mailadres in.');
    expect(passwordError?.textContent).toContain('Vul uw wachtwoord in.');
    expect(email().getAttribute('aria-invalid')).toBe('true');
    expect(email().getAttribute('aria-describedby')).toBe('login-email-error');
    expect(password().getAttribute('aria-describedby')).toBe('login-password-error');
    expect(document.activeElement).toBe(email());
    http.expectNone(LOGIN_URL);
  });

  it('shows the errors in English after switching language', async () => {
    await TestBed.inject(LanguageStore).use('en');
    await submit();

    expect(root.querySelector('#login-email-error')?.textContent).toContain('Enter your e-mail address.');
    expect(root.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Log in');
  });

  it('rejects a malformed e-mail address', async () => {
    type(email(), 'geen-adres');
    type(password(), 'geheim');
    await submit();

    expect(root.querySelector('#login-email-error')?.textContent).toContain('Vul een geldig e-mailadres in');
    expect(root.querySelector('#login-password-error')).toBeNull();
    http.expectNone(LOGIN_URL);
  });

  it('posts the credentials and reports a failure in Dutch with the code for the helpdesk', async () => {
    type(email(), 'coordinator@zvh.example');
    type(password(), 'geheim');
    await submit();

    const request = http.expectOne(LOGIN_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'coordinator@zvh.example', password: 'geheim' });
    request.flush(
      { type: 'about:blank', title: 'Not Found', status: 404, correlationId: 'c0ffee-1234-abcd' },
      { status: 404, statusText: 'Not Found', headers: { 'Content-Type': 'application/problem+json' } },
    );
    await fixture.whenStable();

    const alert = root.querySelector('[role="alert"]');
    expect(alert?.classList).toContain('utrecht-alert');
    expect(alert?.textContent).toContain('Inloggen is niet gelukt.');
    expect(alert?.textContent).toContain('Er ging iets mis. Probeer het later opnieuw.');
    // The API's problem title is an English reason phrase: never shown in the interface.
    expect(alert?.textContent).not.toContain('Not Found');
    expect(root.querySelector('[data-testid="login-reference"]')?.textContent).toContain('c0ffee-1234-abcd');
    expect(root.querySelector('#login-email-error')).toBeNull();
  });

  it.each([
    [401, 'Het e-mailadres of het wachtwoord klopt niet, of het account is tijdelijk geblokkeerd'],
    [429, 'U heeft het te vaak geprobeerd.'],
  ])('explains a %s in words of its own, without a helpdesk code', async (status, text) => {
    type(email(), 'coordinator@zvh.example');
    type(password(), 'geheim');
    await submit();

    http
      .expectOne(LOGIN_URL)
      .flush({ title: 'x', status, correlationId: 'c0ffee-1234-abcd' }, { status, statusText: 'x' });
    await fixture.whenStable();

    expect(root.querySelector('[role="alert"]')?.textContent).toContain(text);
    expect(root.querySelector('[data-testid="login-reference"]')).toBeNull();
  });

  it('falls back to a translated generic message when the error is not a problem', async () => {
    type(email(), 'coordinator@zvh.example');
    type(password(), 'geheim');
    await submit();

    http.expectOne(LOGIN_URL).error(new ProgressEvent('error'));
    await fixture.whenStable();

    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Er ging iets mis. Probeer het later opnieuw.',
    );
  });

  it('goes to the second-factor step when the password is right and a code is due', async () => {
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    type(email(), 'coordinator@zvh.example');
    type(password(), 'geheim');
    await submit();

    http.expectOne(LOGIN_URL).flush({ next: 'SECOND_FACTOR' });
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith(['/inloggen/code'], { queryParams: {} });
    expect(password().value).toBe('');
  });

  it('loads the session and goes to the start page when the login is complete', async () => {
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    type(email(), 'coordinator@zvh.example');
    type(password(), 'geheim');
    await submit();

    http.expectOne(LOGIN_URL).flush({ next: 'DONE' });
    await fixture.whenStable();
    http.expectOne(`${AUTH_URL}/session`).flush({
      user: { id: 'u', displayName: 'Fleur Jansen (fictief)', email: 'f@x', isDemo: true },
      organisation: { id: 'o', name: 'ZVH Demo', partnerType: 'ZVH' },
      roles: [],
      permissions: ['account.manage'],
      idleExpiresAt: '2026-01-01T00:30:00Z',
      absoluteExpiresAt: '2026-01-01T12:00:00Z',
    });
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));

    expect(TestBed.inject(SessionStore).user()?.displayName).toBe('Fleur Jansen (fictief)');
    expect(navigate).toHaveBeenCalledWith('/start');
  });
});
