import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Alert, AlertType } from './alert';

@Component({
  imports: [Alert],
  template: `<cst-alert [type]="type()"><p>Er ging iets mis.</p></cst-alert>`,
})
class Host {
  readonly type = signal<AlertType>('error');
}

describe('Alert', () => {
  async function render(type: AlertType): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.type.set(type);
    await fixture.whenStable();
    return fixture.nativeElement.querySelector('.utrecht-alert');
  }

  it('renders an error as an assertive Utrecht error alert with the projected content', async () => {
    const alert = await render('error');

    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.classList).toContain('utrecht-alert--error');
    expect(alert.textContent).toContain('Er ging iets mis.');
  });

  it('renders an ok message as a polite status', async () => {
    const alert = await render('ok');

    expect(alert.getAttribute('role')).toBe('status');
    expect(alert.classList).toContain('utrecht-alert--ok');
    expect(alert.classList).not.toContain('utrecht-alert--error');
  });
});
