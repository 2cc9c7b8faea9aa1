import type { ActionStatus, MeetingStatus, MeetingSummaryDto } from '@casustafel/shared/contracts';
import { correlationIdOf, problemOf, statusOf } from '@casustafel/web/auth/data-access';
import { type BadgeTone, type Notice } from '@casustafel/web/shared/ui';
import { formatDateTime } from '@casustafel/web/shared/i18n';

const MEETING_TONES: Record<MeetingStatus, BadgeTone> = {
  GEPLAND: 'neutral',
  AGENDA_VERZONDEN: 'info',
  LIVE: 'attention',
  AFGEROND: 'positive',
  VERSLAG_CONCEPT: 'info',
  VERSLAG_VASTGESTELD: 'positive',
};

const ACTION_TONES: Record<ActionStatus, BadgeTone> = {
  OPEN: 'info',
  IN_UITVOERING: 'info',
  AFGEROND: 'positive',
  NIET_UITGEVOERD: 'attention',
  VERVALLEN: 'neutral',
};

export const meetingStatusTone = (status: MeetingStatus): BadgeTone => MEETING_TONES[status] ?? 'neutral';
export const actionStatusTone = (status: ActionStatus): BadgeTone => ACTION_TONES[status] ?? 'neutral';

/** Statuses after which the meeting has (or gets) minutes. */
export const HAS_MINUTES: readonly MeetingStatus[] = ['AFGEROND', 'VERSLAG_CONCEPT', 'VERSLAG_VASTGESTELD'];

/** "Casusoverleg 1-12-2026 10:00": the meeting's name in headings and links. */
export function meetingName(meeting: Pick<MeetingSummaryDto, 'scheduledAt'>, typeLabel: string): string {
  return `${typeLabel} ${formatDateTime(meeting.scheduledAt)}`;
}

/** A meeting is upcoming until its planned end (start + duration) has passed, or while live. */
export function isUpcoming(meeting: MeetingSummaryDto, now: Date = new Date()): boolean {
  if (meeting.status === 'LIVE') {
    return true;
  }
  if (HAS_MINUTES.includes(meeting.status)) {
    return false;
  }
  const end = new Date(meeting.scheduledAt).getTime() + meeting.durationMinutes * 60_000;
  return end >= now.getTime();
}

/** Seconds as m:ss (or h:mm:ss). */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Translation key of a field problem the API reports (its English text is never shown). */
export function fieldErrorKey(code: string): string {
  switch (code) {
    case 'isNotBlank':
    case 'isNotEmpty':
    case 'required':
      return 'cases.fieldErrors.required';
    case 'isLength':
    case 'maxLength':
      return 'cases.fieldErrors.maxLength';
    case 'isIsoDate':
    case 'isDateString':
      return 'cases.fieldErrors.isIsoDate';
    case 'isIn':
    case 'isEnum':
    case 'isUuid':
    case 'isBoolean':
      return 'cases.fieldErrors.choose';
    case 'notAtTable':
      return 'cases.fieldErrors.notAtTable';
    default:
      return 'cases.fieldErrors.invalid';
  }
}

/** The field problems of a failed call as translation keys per field (the first one wins). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const problem of problemOf(error)?.errors ?? []) {
    fields[problem.field] ??= fieldErrorKey(problem.code);
  }
  return fields;
}

/** The notice for a failed meeting call: not found, stale, chair-only, invalid, or generic with a reference. */
export function meetingFailure(error: unknown): Notice {
  switch (statusOf(error)) {
    case 404:
      return { type: 'error', key: 'meetings.errors.notFound' };
    case 409:
      return { type: 'error', key: 'meetings.errors.conflict' };
    case 403:
      return { type: 'error', key: 'meetings.errors.forbidden' };
    case 400:
      return { type: 'error', key: 'meetings.errors.invalid' };
    default:
      return { type: 'error', key: 'cases.errors.generic', correlationId: correlationIdOf(error) };
  }
}
