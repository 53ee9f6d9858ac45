import { assertAcceptablePassword, PASSWORD_MIN_LENGTH } from './password-policy';

const ada = { email: 'ada.lovelace@example.org', name: 'Ada Lovelace' };
const reasonFor = (password: string, owner = ada): string | null => {
  try {
    assertAcceptablePassword(password, owner);
    return null;
  } catch (error) {
    expect(error).toMatchObject({ category: 'BAD_USER_INPUT', details: { field: 'password' } });
    return (error as { code: string }).code;
  }
};

describe('password policy (NIST SP 800-63B)', () => {
  it.each([
    ['aaaaaaaaaaaa', 'IDENTITY.PASSWORD_TOO_SHORT'],
    ['password1234', 'IDENTITY.PASSWORD_TOO_SHORT'],
    ['aaaaaaaaaaaaaaaa', 'IDENTITY.PASSWORD_REPETITIVE'],
    ['abababababababab', 'IDENTITY.PASSWORD_REPETITIVE'],
    ['1234567890123456', 'IDENTITY.PASSWORD_REPETITIVE'],
    ['abcdefghijklmnop', 'IDENTITY.PASSWORD_REPETITIVE'],
    ['password12345678', 'IDENTITY.PASSWORD_TOO_COMMON'],
    ['Password1234567!', 'IDENTITY.PASSWORD_TOO_COMMON'],
    ['2024iloveyou2024', 'IDENTITY.PASSWORD_TOO_COMMON'],
    ['qwertyuiop123456', 'IDENTITY.PASSWORD_TOO_COMMON'],
    ['ada.lovelace@example.org', 'IDENTITY.PASSWORD_PERSONAL'],
    ['ADA.LOVELACE@EXAMPLE.ORG', 'IDENTITY.PASSWORD_PERSONAL'],
    ['my ada.lovelace@example.org!', 'IDENTITY.PASSWORD_PERSONAL'],
    ['adalovelace19121815', 'IDENTITY.PASSWORD_PERSONAL'],
    ['Lovelace-Ada-1815!!', 'IDENTITY.PASSWORD_PERSONAL'],
    ['x'.repeat(257) + 'yzw', 'IDENTITY.PASSWORD_TOO_LONG'],
  ])('refuses %j with %s', (password, reason) => {
    expect(reasonFor(password)).toBe(reason);
  });

  it.each([
    'correct horse battery',
    'lattice-demo-2026',
    'ada lovelace wrote the first program',
    'Tr0ub4dor&3 plus more',
    'mots de passe très longs 🌲',
    'the quick brown fox jumps over the lazy dog while 42 owls watch it!',
  ])('accepts %j: long, not common, not personal — whatever characters it uses', (password) => {
    expect(reasonFor(password)).toBeNull();
  });

  it('counts characters, not bytes, after Unicode normalization', () => {
    const fifteen = '🌲🍁🐻🦫🏒🍁🌲🐻🦫🏒🥞🍁🌲🐻🦫';
    expect([...fifteen]).toHaveLength(PASSWORD_MIN_LENGTH);
    expect(fifteen.length).toBe(2 * PASSWORD_MIN_LENGTH);
    expect(reasonFor(fifteen)).toBeNull();
    expect(reasonFor([...fifteen].slice(1).join(''))).toBe('IDENTITY.PASSWORD_TOO_SHORT');
    // Sequential code points are a sequence too.
    expect(reasonFor('🌲🌳🌴🌵🌾🌿🍀🍁🍂🍃🌲🌳🌴🌵🌾')).toBe('IDENTITY.PASSWORD_REPETITIVE');
  });
});
