import { checkDecision, toDecisionRequest } from './triage-decision';

describe('triage decision rules', () => {
  it('requires an outcome, advice unless to the table, and a referral for LOKAAL', () => {
    expect(checkDecision({ outcome: '', advice: '', referral: '' })).toEqual({
      outcome: 'cases.fieldErrors.choose',
    });
    expect(checkDecision({ outcome: 'ZVH_TABLE', advice: '', referral: '' })).toEqual({});
    expect(checkDecision({ outcome: 'BILATERAAL', advice: '  ', referral: '' })).toEqual({
      advice: 'cases.fieldErrors.adviceRequired',
    });
    expect(checkDecision({ outcome: 'LOKAAL', advice: 'a', referral: '' })).toEqual({
      referral: 'cases.fieldErrors.referralRequired',
    });
    expect(checkDecision({ outcome: 'AFGEWEZEN', advice: 'Meld bij het wijkteam.', referral: '' })).toEqual(
      {},
    );
  });

  it('sends a referral only for LOKAAL', () => {
    expect(toDecisionRequest({ outcome: 'BILATERAAL', advice: ' Bel GGz. ', referral: 'x' }, 3)).toEqual({
      outcome: 'BILATERAAL',
      advice: 'Bel GGz.',
      referral: null,
      version: 3,
    });
    expect(
      toDecisionRequest({ outcome: 'LOKAAL', advice: 'a', referral: ' Wijkteam Oost ' }, 1).referral,
    ).toBe('Wijkteam Oost');
  });
});
