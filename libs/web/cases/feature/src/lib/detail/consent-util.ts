import {
  SHARING_CONSENT_KINDS,
  type ConsentDto,
  type DisclosureDto,
  type PersonDto,
} from '@casustafel/shared/contracts';

type Translate = (key: string, params?: Record<string, string>) => string;

/**
 * A person of the case as the user may see them: the name where identification is visible in
 * full, else the role and "gegevens afgeschermd". Consents name only the person's id, so what is
 * shown follows the case detail's access decision.
 */
export function personLabel(persons: readonly PersonDto[], personId: string, t: Translate): string {
  const person = persons.find((p) => p.id === personId);
  if (!person) {
    return t('caseDetail.common.unknown');
  }
  if (person.visibility === 'FULL') {
    return [person.givenName, person.familyName].filter(Boolean).join(' ');
  }
  return t('consents.personShielded', { role: t(`domain.personRoles.${person.role}`) });
}

/** The consent a disclosure cites (as far as the consent register says). */
export function consentOf(
  consents: readonly ConsentDto[],
  disclosure: DisclosureDto,
): ConsentDto | undefined {
  return consents.find((k) => k.disclosureIds.includes(disclosure.id));
}

/**
 * The disclosure grants nothing any more: it was approved under a consent that has since been
 * withdrawn (the access policy ignores it).
 */
export function lapsedBy(consents: readonly ConsentDto[], disclosure: DisclosureDto): ConsentDto | undefined {
  const consent = consentOf(consents, disclosure);
  return consent?.status === 'WITHDRAWN' && disclosure.state === 'APPROVED' ? consent : undefined;
}

/** Consents a new disclosure to this recipient can cite: standing, meant for sharing, covering it. */
export function consentsFor(consents: readonly ConsentDto[], recipientId: string): ConsentDto[] {
  return consents.filter(
    (k) =>
      k.status === 'ACTIVE' &&
      SHARING_CONSENT_KINDS.includes(k.kind) &&
      k.scope.organisations.some((o) => o.id === recipientId),
  );
}
