import type { RightsRequestStatus, RightsTaskStatus } from '@casustafel/shared/contracts';
import { daysUntil } from '../detail/detail-util';
import { type BadgeTone } from '@casustafel/web/shared/ui';

/** How a legal deadline reads: words (a translation key and its day count), a tone and maybe a badge. */
export interface Deadline {
  key: string | null;
  days: number;
  tone: BadgeTone;
  /** A badge beside the status ("Verlopen", "Termijn bijna om"); null when there is nothing to flag. */
  badge: string | null;
}

/** A week before the deadline the request is flagged. */
export const DEADLINE_WARNING_DAYS = 7;

/**
 * The deadline of an open request or task, in words and colour: passed ("Termijn verstreken (3
 * dagen)", red), today or within a week (yellow), or how many days remain. A closed one has no
 * deadline any more.
 */
export function deadlineOf(today: string, dueAt: string, open: boolean): Deadline {
  const days = daysUntil(today, dueAt);
  if (!open) {
    return { key: null, days, tone: 'neutral', badge: null };
  }
  if (days < 0) {
    return {
      key: days === -1 ? 'rights.deadline.overdueOne' : 'rights.deadline.overdue',
      days: -days,
      tone: 'danger',
      badge: 'rights.deadline.overdueBadge',
    };
  }
  if (days === 0) {
    return { key: 'rights.deadline.today', days, tone: 'attention', badge: 'rights.deadline.soonBadge' };
  }
  const key = days === 1 ? 'rights.deadline.one' : 'rights.deadline.days';
  return days <= DEADLINE_WARNING_DAYS
    ? { key, days, tone: 'attention', badge: 'rights.deadline.soonBadge' }
    : { key, days, tone: 'neutral', badge: null };
}

const REQUEST_TONES: Record<RightsRequestStatus, BadgeTone> = {
  ONTVANGEN: 'attention',
  IN_BEHANDELING: 'info',
  AFGEROND: 'positive',
  AFGEWEZEN: 'neutral',
};

const TASK_TONES: Record<RightsTaskStatus, BadgeTone> = {
  OPEN: 'info',
  AFGEROND: 'positive',
  NIETS_GEVONDEN: 'positive',
  AFGEWEZEN: 'neutral',
};

export const requestStatusTone = (status: RightsRequestStatus): BadgeTone =>
  REQUEST_TONES[status] ?? 'neutral';
export const taskStatusTone = (status: RightsTaskStatus): BadgeTone => TASK_TONES[status] ?? 'neutral';
export const isOpenRequest = (status: RightsRequestStatus): boolean =>
  status === 'ONTVANGEN' || status === 'IN_BEHANDELING';
