/**
 * How the columns holding personal data are sealed and matched, shared by everything that writes
 * them (the cases services, the demo seeder). The context binds a ciphertext to its row and
 * column, so a sealed value copied elsewhere does not open (ADR 0015).
 */
export function bsnContext(personId: string): string {
  return `person.bsn:${personId}`;
}

/** The BSN a data-subject request was made for (looked up, never stored in clear). */
export function rightsSubjectBsnContext(requestId: string): string {
  return `rights_request_subject.bsn:${requestId}`;
}

export function shelterAddressContext(caseId: string): string {
  return `case_mensenhandel.shelter_address:${caseId}`;
}

/**
 * The text behind a person's name-and-birth-date matching hash: accents, case, spaces and
 * punctuation ignored. No key without a date of birth (too many false matches).
 */
export function personMatchKey(
  givenName: string,
  familyName: string,
  dateOfBirth: string | null,
): string | null {
  if (!dateOfBirth) {
    return null;
  }
  const normalise = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return `${normalise(givenName)}|${normalise(familyName)}|${dateOfBirth}`;
}
