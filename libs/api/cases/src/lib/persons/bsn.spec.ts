import { isValidBsn } from './bsn';

describe('isValidBsn', () => {
  it.each(['111222333', '123456782', '999990019'])('accepts %s', (bsn) => expect(isValidBsn(bsn)).toBe(true));
  it.each(['123456789', '12345678', '1234567820', '12345678a', '000000000', ''])('refuses %s', (bsn) =>
    expect(isValidBsn(bsn)).toBe(false),
  );
});
