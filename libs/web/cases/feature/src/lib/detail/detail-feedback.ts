import { ElementRef, Injector, Signal, afterNextRender, inject, signal } from '@angular/core';
import type { DetailNotice, Notice } from './detail-notice';
import { conflictKey, correlationIdOf, failureKind, splitFieldErrors } from './detail-util';

export interface Feedback {
  readonly notice: Signal<Notice | null>;
  /** Shows the notice and moves focus to it (after it is rendered). */
  show(notice: Notice): void;
  clear(): void;
  /** Moves focus to the element with this id once the view is rendered (after opening a form). */
  focusId(id: string): void;
}

/** A section's notice and focus handling. Call in an injection context (a field initializer). */
export function feedback(view: Signal<DetailNotice | undefined>): Feedback {
  const injector = inject(Injector);
  const host = inject<ElementRef<HTMLElement>>(ElementRef);
  const notice = signal<Notice | null>(null);
  return {
    notice: notice.asReadonly(),
    show(next: Notice) {
      notice.set(next);
      afterNextRender(() => view()?.focus(), { injector });
    },
    clear() {
      notice.set(null);
    },
    focusId(id: string) {
      afterNextRender(() => host.nativeElement.querySelector<HTMLElement>(`[id="${id}"]`)?.focus(), {
        injector,
      });
    },
  };
}

export interface DescribedFailure {
  /** Translation key per form field. */
  fields: Record<string, string>;
  notice: Notice | null;
  /** The thing is gone or no longer ours: the case should be reloaded. */
  reload: boolean;
}

/**
 * What the page says about a failed change: field problems next to their fields, a specific 409
 * (illegal transition, chair decision, four eyes…) or the stale-version message with "Opnieuw
 * laden", "not found" (also what a denial looks like), or a generic message with the helpdesk code.
 */
export function describeFailure(
  error: unknown,
  fieldOf: (field: string) => string | null = () => null,
): DescribedFailure {
  switch (failureKind(error)) {
    case 'invalid': {
      const { fields, other } = splitFieldErrors(error, fieldOf);
      return {
        fields,
        notice: other.length > 0 ? { type: 'error', key: 'caseDetail.errors.invalid', details: other } : null,
        reload: false,
      };
    }
    case 'conflict': {
      const { key, stale } = conflictKey(error);
      return { fields: {}, notice: { type: 'error', key, reload: stale }, reload: false };
    }
    case 'notFound':
      return { fields: {}, notice: { type: 'error', key: 'caseDetail.errors.notFound' }, reload: true };
    default:
      return {
        fields: {},
        notice: { type: 'error', key: 'caseDetail.errors.generic', correlationId: correlationIdOf(error) },
        reload: false,
      };
  }
}

/**
 * Shows a failed change: field problems go to `setErrors` (focus on the first such field), the
 * rest in the section's notice; "not found" also reloads the case.
 */
export function reportFailure(
  error: unknown,
  fb: Feedback,
  options: {
    fieldIds: Record<string, string>;
    setErrors: (fields: Record<string, string>) => void;
    reload: () => void;
    fieldOf?: (field: string) => string | null;
  },
): void {
  const fieldOf = options.fieldOf ?? ((field: string) => (field in options.fieldIds ? field : null));
  const failure = describeFailure(error, fieldOf);
  options.setErrors(failure.fields);
  const first = Object.keys(options.fieldIds).find((f) => failure.fields[f]);
  if (failure.notice) {
    fb.show(failure.notice);
  } else if (first) {
    fb.focusId(options.fieldIds[first]);
  }
  if (failure.reload) {
    options.reload();
  }
}
