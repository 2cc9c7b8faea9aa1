import type { AuditEventDto, LdvLogRecord } from '@casustafel/shared/contracts';

/** `2026-11-26 10:15:03` in Dutch time: what a spreadsheet reads as a date and time. */
const DUTCH_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const OUTCOME_NL: Record<AuditEventDto['outcome'], string> = {
  OK: 'toegestaan',
  DENIED: 'geweigerd',
  ERROR: 'fout',
};

const CSV_COLUMNS: Array<[header: string, value: (e: AuditEventDto) => string]> = [
  ['Tijdstip (Nederlandse tijd)', (e) => DUTCH_TIME.format(new Date(e.occurredAt))],
  ['Handeling', (e) => e.action],
  ['Uitkomst', (e) => OUTCOME_NL[e.outcome]],
  ['Organisatie', (e) => e.organisation?.name ?? ''],
  ['Gebruiker', (e) => e.user?.displayName ?? ''],
  ['Rollen', (e) => e.roles.join(', ')],
  ['Namens', (e) => e.onBehalfOf?.displayName ?? ''],
  ['Object', (e) => [e.objectType, e.objectId].filter(Boolean).join(' ')],
  ['Gegevenscategorie', (e) => e.dataCategory ?? ''],
  ['Autorisatie', (e) => e.authorisationRule ?? ''],
  ['Grondslag', (e) => e.legalGround ?? ''],
  ['Doel', (e) => e.purpose ?? ''],
  ['Verwerkingsactiviteit', (e) => e.processingActivity?.id ?? ''],
  ['Naam verwerkingsactiviteit', (e) => e.processingActivity?.name ?? ''],
  ['Noodknop', (e) => (e.breakGlass ? 'ja' : 'nee')],
  ['Betrokkene (pseudoniem)', (e) => e.dataSubjectId ?? ''],
  ['Trace-id', (e) => e.traceId ?? ''],
  ['Span-id', (e) => e.spanId ?? ''],
];

/**
 * One CSV field: quoted when it holds a separator, quote or line break; a leading `=`, `+`, `-`,
 * `@` or tab gets a `'` so a spreadsheet does not run it as a formula (organisation and user names
 * are typed by people).
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Semicolon-separated (the Dutch Excel default), CRLF lines, UTF-8 with BOM so Excel reads the accents. */
export function toCsv(events: AuditEventDto[]): string {
  const lines = [
    CSV_COLUMNS.map(([header]) => header),
    ...events.map((e) => CSV_COLUMNS.map(([, value]) => value(e))),
  ].map((fields) => fields.map(csvField).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * A record as a Logboek Dataverwerkingen log line (DOMAIN.md §2.8): the core fields, the core
 * attributes and the NEN 7513 extension's attributes. An audit record is one span; the time is
 * the moment of the action, so start and end are the same.
 */
export function toLdv(event: AuditEventDto): LdvLogRecord {
  return {
    trace_id: event.traceId,
    span_id: event.spanId,
    parent_span_id: event.parentSpanId,
    name: event.action,
    start_time: event.occurredAt,
    end_time: event.occurredAt,
    status_code: event.statusCode,
    resource: { name: 'casustafel' },
    attributes: {
      'dpl.core.processing_activity_id': event.processingActivity?.id ?? null,
      'dpl.core.data_subject_id': event.dataSubjectId,
      'dpl.core.data_subject_id_type': event.dataSubjectIdType,
      'dpl.nen7513.user_id': event.user?.id ?? null,
      'dpl.nen7513.responsible_user_id': event.onBehalfOf?.id ?? event.user?.id ?? null,
      'dpl.nen7513.role_id_code': event.roles,
      'dpl.nen7513.organisation_id': event.organisation?.id ?? null,
      'dpl.nen7513.purpose_of_use': event.purpose,
      'dpl.nen7513.autorisatie_protocol': event.authorisationRule,
      'dpl.nen7513.noodknop': event.breakGlass,
      'dpl.nen7513.event_outcome_indicator': event.outcome,
      'dpl.nen7513.participant_object_type': event.objectType,
      'dpl.nen7513.participant_object_id': event.objectId,
      'dpl.nen7513.participant_object_data_category': event.dataCategory,
      'dpl.nen7513.legal_ground': event.legalGround,
    },
  };
}
