import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SkipLink } from './skip-link';

@Component({
  imports: [SkipLink],
  template: `<cst-skip-link target="hoofdinhoud">Naar hoofdinhoud</cst-skip-link>
    <main id="hoofdinhoud">Inhoud</main>`,
})
class Host {}

describe('SkipLink', () => {
  it('moves focus to the target without navigating', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const link: HTMLAnchorElement = fixture.nativeElement.querySelector('a');
    const main: HTMLElement = fixture.nativeElement.querySelector('main');
    document.body.appendChild(fixture.nativeElement);

    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);

    expect(link.getAttribute('href')).toBe('#hoofdinhoud');
    expect(link.textContent?.trim()).toBe('Naar hoofdinhoud');
    expect(click.defaultPrevented).toBe(true);
    expect(main.getAttribute('tabindex')).toBe('-1');
    expect(document.activeElement).toBe(main);
  });
});
