import type { DataCategory, RightsTaskStatus, TableRole } from '@casustafel/shared/contracts';

/*
 * Dutch words for the inzage report. The interface has the same words in its translations
 * (web-shared-i18n), which the server may not import; the report is always Dutch (it goes to the
 * data subject under Dutch law), so these are the only copy the server needs.
 */

export const CATEGORY_NL: Record<DataCategory, string> = {
  C1: 'Identificatie',
  C1B: 'BSN',
  C2: 'Casuskern',
  C3: 'Plan en acties',
  C4: 'Zorg en gezondheid',
  C5: 'Politiegegevens',
  C6: 'Strafrechtelijke gegevens',
  C7: 'Opsporingsgevoelig',
  C8: 'Verblijfsrecht',
  C9: 'Veiligheid slachtoffer',
  C10: 'Jeugd en kinderbescherming',
  C11: 'Bestuurlijk en handhaving',
  C12: 'Financiën en schulden',
  C13: 'Signalen mensenhandel',
  C14: 'Statistiek',
};

export const PERSON_ROLE_NL: Record<string, string> = {
  SLACHTOFFER: 'slachtoffer',
  VERDACHTE: 'verdachte',
  GEZINSLID: 'gezinslid',
  PARTNER: 'partner',
  KIND: 'kind',
  GETUIGE: 'getuige',
  OVERIG: 'overig',
};

export const TABLE_ROLE_NL: Record<TableRole, string> = {
  PROCESREGISSEUR: 'procesregisseur',
  VOORZITTER: 'voorzitter',
  CASUSREGISSEUR: 'casusregisseur',
  DEELNEMER: 'deelnemer',
  ZORGCOORDINATOR: 'zorgcoördinator',
  TRIAGIST: 'triagist',
  FG_AUDITOR: 'functionaris gegevensbescherming',
  BEHEERDER: 'beheerder',
  CONTACTPUNT: 'contactpunt verzoeken betrokkenen',
};

export const TASK_STATUS_NL: Record<RightsTaskStatus, string> = {
  OPEN: 'nog niet beantwoord',
  AFGEROND: 'afgerond',
  NIETS_GEVONDEN: 'niets gevonden',
  AFGEWEZEN: 'afgewezen',
};

/** The actions that touch a person's data; any other shows as its code. */
export const ACTION_NL: Record<string, string> = {
  'case.read': 'casus ingezien',
  'case.list': 'casuslijst bekeken',
  'case.search': 'casussen gezocht',
  'case.create': 'casus aangemaakt',
  'case.update': 'casus gewijzigd',
  'case.transition': 'casusstatus gewijzigd',
  'case.participant.add': 'deelnemer toegevoegd',
  'case.item.create': 'gegeven toegevoegd',
  'case.item.update': 'gegeven gewijzigd',
  'case.item.read': 'gegeven ingezien',
  'case.attachment.create': 'bijlage toegevoegd',
  'case.attachment.download': 'bijlage gedownload',
  'case.mensenhandel.update': 'mensenhandelgegevens gewijzigd',
  'case.informing.read': 'informeren betrokkene ingezien',
  'case.informing.set': 'informeren betrokkene vastgelegd',
  'case.break_glass.open': 'noodtoegang geopend',
  'consent.list': 'toestemmingen ingezien',
  'consent.record': 'toestemming vastgelegd',
  'consent.withdraw': 'toestemming ingetrokken',
  'disclosure.propose': 'verstrekking voorgesteld',
  'disclosure.approve': 'verstrekking goedgekeurd',
  'disclosure.reject': 'verstrekking afgewezen',
  'disclosure.revoke': 'verstrekking ingetrokken',
  'information_request.create': 'informatieverzoek verstuurd',
  'registration.create': 'aanmelding gedaan',
  'registration.read': 'aanmelding ingezien',
  'registration.list': 'aanmeldingen bekeken',
  'registration.triage.start': 'triage gestart',
  'registration.triage.decide': 'triagebesluit genomen',
  'person.index.lookup': 'personenindex geraadpleegd',
  'audit.subject.search': 'logboek: persoon gezocht',
  'audit.subject.read': 'logboek ingezien',
  'audit.subject.export': 'logboek geëxporteerd',
  'rights_request.person_lookup': 'verzoek betrokkene: persoon opgezocht',
  'rights_request.fan_out': 'verzoek betrokkene uitgezet',
  'rights_request.report': 'inzageoverzicht gemaakt',
  'extract.candidates': 'gegevens voor een uittreksel bekeken',
  'extract.create': 'uittreksel samengesteld',
  'extract.decide': 'besluit over een uittreksel',
  'extract.issue': 'uittreksel verstrekt',
  'extract.recall': 'uittreksel ingetrokken',
  'extract.read': 'uittreksels bekeken',
  'extract.download': 'uittreksel gedownload',
  'extract.received.list': 'ontvangen uittreksels bekeken',
  'extract.received.read': 'ontvangen uittreksel bekeken',
};

export const OUTCOME_NL: Record<string, string> = { OK: '', DENIED: 'geweigerd', ERROR: 'fout' };
