import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { NotificationDto } from '@casustafel/shared/contracts';
import { NotificationsApi } from '@casustafel/web/meetings/data-access';
import { filter, interval, merge } from 'rxjs';
import { formatDateTime } from '@casustafel/web/shared/i18n';

/** How often the unread count is asked for (besides on every navigation). */
export const NOTIFICATION_POLL_MS = 30_000;

/**
 * The notification bell in the shell's header (issue 6 item 8): the unread count (asked every 30 s
 * and on every navigation; a change is announced politely), and a disclosure with the notifications,
 * each linking to Mijn acties or the meeting, and marking read. Keyboard: Enter/Space opens, Escape
 * closes and returns to the button. Notifications carry no personal data: a type and ids only.
 */
@Component({
  selector: 'cst-notification-bell',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.escape)': 'close(true)', '(document:click)': 'closeOutside($event)' },
  template: `
    <div class="cst-bell">
      <button
        #toggle
        type="button"
        class="utrecht-button utrecht-button--secondary-action cst-bell__button"
        aria-controls="cst-bell-panel"
        [attr.aria-expanded]="open()"
        data-testid="notification-bell"
        (click)="toggleOpen()"
      >
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" class="cst-bell__icon">
          <path
            d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6Zm-2 15a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
          />
        </svg>
        {{ 'notifications.bell' | transloco }}
        @if (count() > 0) {
          <span class="cst-bell__count" data-testid="notification-count"
            >{{ count()
            }}<span class="cdk-visually-hidden">
              {{ 'notifications.unread' | transloco: { n: count() } }}</span
            ></span
          >
        }
      </button>
      <p class="cdk-visually-hidden" aria-live="polite" data-testid="notification-live">
        @if (announced() !== null) {
          {{ 'notifications.countChanged' | transloco: { n: announced() } }}
        }
      </p>
      @if (open()) {
        <div
          class="cst-bell__panel"
          id="cst-bell-panel"
          role="region"
          [attr.aria-label]="'notifications.bell' | transloco"
        >
          @if (failed()) {
            <p class="utrecht-paragraph">{{ 'notifications.loadFailed' | transloco }}</p>
          } @else if (items().length === 0) {
            <p class="utrecht-paragraph">{{ 'notifications.none' | transloco }}</p>
          } @else {
            <ul class="cst-bell__list">
              @for (n of items(); track n.id) {
                <li
                  class="cst-bell__item"
                  [class.cst-bell__item--unread]="!n.readAt"
                  data-testid="notification"
                >
                  <a class="utrecht-link" [routerLink]="link(n)" (click)="follow(n)">{{
                    'notifications.types.' + n.type | transloco
                  }}</a>
                  <span class="cst-bell__meta"
                    >{{ dateTime(n.createdAt) }}
                    @if (n.readAt) {
                      · {{ 'notifications.read' | transloco }}
                    }
                  </span>
                  @if (!n.readAt) {
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--subtle cst-bell__read"
                      (click)="markRead(n)"
                    >
                      {{ 'notifications.markRead' | transloco }}
                    </button>
                  }
                </li>
              }
            </ul>
            @if (count() > 0) {
              <button type="button" class="utrecht-button utrecht-button--subtle" (click)="markAllRead()">
                {{ 'notifications.markAllRead' | transloco }}
              </button>
            }
          }
        </div>
      }
    </div>
  `,
  styles: `
    .cst-bell {
      position: relative;
    }
    .cst-bell__button {
      align-items: center;
      display: inline-flex;
      gap: 0.5rem;
    }
    .cst-bell__icon {
      block-size: 1.25rem;
      inline-size: 1.25rem;
    }
    .cst-bell__count {
      background-color: var(--utrecht-color-red-40);
      border-radius: 1rem;
      color: var(--utrecht-color-white);
      font-weight: bold;
      min-inline-size: 1.5rem;
      padding: 0 0.4rem;
      text-align: center;
    }
    .cst-bell__panel {
      background-color: var(--utrecht-color-white);
      border: 1px solid var(--utrecht-color-grey-40);
      box-shadow: 0 4px 12px rgb(0 0 0 / 20%);
      display: grid;
      gap: 0.75rem;
      inline-size: min(24rem, 90vw);
      inset-block-start: calc(100% + 0.5rem);
      inset-inline-end: 0;
      padding: 1rem;
      position: absolute;
      z-index: 10;
    }
    .cst-bell__list {
      display: grid;
      gap: 0.75rem;
      list-style: none;
      margin: 0;
      max-block-size: 60vh;
      overflow-y: auto;
      padding: 0;
    }
    .cst-bell__item {
      border-inline-start: 4px solid transparent;
      display: grid;
      gap: 0.25rem;
      padding-inline-start: 0.5rem;
    }
    .cst-bell__item--unread {
      border-inline-start-color: var(--utrecht-color-red-40);
      font-weight: bold;
    }
    .cst-bell__meta {
      color: var(--utrecht-color-grey-30);
      font-size: 0.875rem;
      font-weight: normal;
    }
    .cst-bell__read {
      justify-self: start;
    }
  `,
})
export class NotificationBell {
  private readonly api = inject(NotificationsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly toggleButton = viewChild.required<ElementRef<HTMLButtonElement>>('toggle');

  protected readonly dateTime = formatDateTime;
  protected readonly count = signal(0);
  protected readonly open = signal(false);
  protected readonly items = signal<NotificationDto[]>([]);
  protected readonly failed = signal(false);
  /** Read out when the count changes after the first answer; silent at start-up. */
  protected readonly announced = signal<number | null>(null);
  private first = true;

  constructor() {
    merge(
      interval(NOTIFICATION_POLL_MS),
      inject(Router).events.pipe(filter((e) => e instanceof NavigationEnd)),
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.refreshCount());
    this.refreshCount();
  }

  protected toggleOpen(): void {
    if (this.open()) {
      this.close(false);
    } else {
      this.open.set(true);
      this.loadList();
    }
  }

  /** Escape or leaving the panel; focus back on the bell when asked. */
  close(refocus: boolean): void {
    if (!this.open()) {
      return;
    }
    this.open.set(false);
    if (refocus) {
      afterNextRender(() => this.toggleButton().nativeElement.focus(), { injector: this.injector });
    }
  }

  /** A click outside the bell and its panel closes the panel (focus stays where the user clicked). */
  closeOutside(event: Event): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) {
      this.open.set(false);
    }
  }

  protected link(n: NotificationDto): string[] {
    if (n.actionId || n.type.startsWith('ACTION_')) {
      return ['/acties'];
    }
    return n.meetingId ? ['/overleggen', n.meetingId] : ['/start'];
  }

  protected follow(n: NotificationDto): void {
    this.open.set(false);
    if (!n.readAt) {
      this.markRead(n);
    }
  }

  protected markRead(n: NotificationDto): void {
    this.api
      .markRead(n.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          const at = new Date().toISOString();
          this.items.update((list) => list.map((i) => (i.id === n.id ? { ...i, readAt: at } : i)));
          this.setCount(Math.max(0, this.count() - 1));
        },
        error: () => undefined,
      });
  }

  protected markAllRead(): void {
    this.api
      .markAllRead()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (unread) => {
          const at = new Date().toISOString();
          this.items.update((list) => list.map((i) => (i.readAt ? i : { ...i, readAt: at })));
          this.setCount(unread);
        },
        error: () => undefined,
      });
  }

  private refreshCount(): void {
    this.api
      .unreadCount()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (n) => this.setCount(n), error: () => undefined });
  }

  private setCount(n: number): void {
    const changed = n !== this.count();
    this.count.set(n);
    if (this.first) {
      this.first = false;
      return;
    }
    if (changed) {
      this.announced.set(n);
    }
  }

  private loadList(): void {
    this.failed.set(false);
    this.api
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (list) => this.items.set(list), error: () => this.failed.set(true) });
  }
}
