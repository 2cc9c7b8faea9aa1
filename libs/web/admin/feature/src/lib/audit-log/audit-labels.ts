/** Action codes the interface has words for (`auditLog.actions.<code with _ for .>`); others show as the code. */
const KNOWN_ACTIONS = new Set([
  'case.read',
  'case.list',
  'case.search',
  'case.create',
  'case.update',
  'case.transition',
  'case.participant.add',
  'case.item.create',
  'case.item.update',
  'case.attachment.create',
  'case.attachment.download',
  'case.mensenhandel.update',
  'case.informing.read',
  'case.informing.set',
  'consent.list',
  'consent.record',
  'consent.withdraw',
  'disclosure.propose',
  'disclosure.approve',
  'disclosure.reject',
  'disclosure.revoke',
  'information_request.create',
  'information_request.decline',
  'information_request.list',
  'registration.create',
  'registration.read',
  'registration.list',
  'registration.triage.start',
  'registration.triage.decide',
  'person.index.lookup',
  'audit.subject.search',
  'audit.subject.read',
  'audit.subject.export',
  'audit.user.search',
  'audit.user.read',
  'auth.login',
  'auth.logout',
  'register.list',
]);

/** Translation key of an action code, or null when the interface shows the code itself. */
export function actionKey(code: string): string | null {
  return KNOWN_ACTIONS.has(code) ? `auditLog.actions.${code.replace(/\./g, '_')}` : null;
}

/** Data categories (C1…C14) have labels in `domain.categories`; anything else shows as it is. */
export function categoryKey(category: string | null): string | null {
  return category && /^C\d+B?$/.test(category) ? `domain.categories.${category}` : null;
}
