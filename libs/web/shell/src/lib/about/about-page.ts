import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Alert } from '@casustafel/web/shared/ui';

@Component({
  selector: 'cst-about-page',
  imports: [TranslocoPipe, Alert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="cst-about">
      <h1 class="utrecht-heading-1">{{ 'about.heading' | transloco }}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{{ 'about.lead' | transloco }}</p>
      <p class="utrecht-paragraph">{{ 'about.body' | transloco }}</p>
      <section class="cst-about__demo" aria-labelledby="about-demo-heading">
        <cst-alert type="info">
          <h2 class="utrecht-heading-2" id="about-demo-heading">{{ 'about.demoHeading' | transloco }}</h2>
          <p class="utrecht-paragraph">{{ 'about.demoBody' | transloco }}</p>
        </cst-alert>
      </section>
    </article>
  `,
  styles: `
    .cst-about {
      display: grid;
      gap: 1rem;
      max-inline-size: 42rem;
    }
    .cst-about__demo {
      margin-block-start: 1rem;
    }
  `,
})
export class AboutPage {}
