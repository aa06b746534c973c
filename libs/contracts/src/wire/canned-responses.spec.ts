import { fillTemplate, firstNameOf, unfilledVariables } from './canned-responses';
import { deliveryErrorCodeOf } from './messages';

describe('canned-response templates', () => {
  const values = { 'contact.name': 'Erika Mustermann', 'contact.first_name': 'Erika', 'agent.name': 'Anna Agent', 'contact.handle': null };

  it('fills known variables, with or without spaces inside the braces', () => {
    expect(fillTemplate('Hallo {{contact.first_name}}, {{ agent.name }} hier.', values)).toBe('Hallo Erika, Anna Agent hier.');
  });

  it('uses the fallback after "|" when the value is missing or blank, and an empty fallback drops the variable', () => {
    expect(fillTemplate('Hi {{contact.handle|there}}!', values)).toBe('Hi there!');
    expect(fillTemplate('Hi {{contact.first_name|there}}!', { 'contact.first_name': '  ' })).toBe('Hi there!');
    expect(fillTemplate('Hi{{contact.handle|}}!', values)).toBe('Hi!');
    expect(fillTemplate('Hallo {{contact.name|Kundin}}', values)).toBe('Hallo Erika Mustermann');
  });

  it('leaves a variable without value or fallback as written, so that unfilledVariables finds it', () => {
    const text = fillTemplate('Hallo {{contact.handle}}, {{unknown.thing}} und {{contact.handle}}', values);
    expect(text).toBe('Hallo {{contact.handle}}, {{unknown.thing}} und {{contact.handle}}');
    expect(unfilledVariables(text)).toEqual(['contact.handle', 'unknown.thing']);
    expect(unfilledVariables('Nothing to fill, {not a variable}, {{}}')).toEqual(['']);
    expect(unfilledVariables('All filled.')).toEqual([]);
  });

  it('takes the first name from a display name', () => {
    expect(firstNameOf(' Erika  Mustermann ')).toBe('Erika');
    expect(firstNameOf('')).toBeNull();
    expect(firstNameOf(null)).toBeNull();
  });
});

describe('deliveryErrorCodeOf', () => {
  it('reads the code the worker writes before the reason, and calls any other text UNKNOWN', () => {
    expect(deliveryErrorCodeOf('AUTH_REVOKED: (#190) Error validating access token')).toBe('AUTH_REVOKED');
    expect(deliveryErrorCodeOf('WINDOW_CLOSED: outside Messenger’s 24-hour window')).toBe('WINDOW_CLOSED');
    expect(deliveryErrorCodeOf('NOT_A_CODE: something')).toBe('UNKNOWN');
    expect(deliveryErrorCodeOf('delivery stopped: the database was away')).toBe('UNKNOWN');
    expect(deliveryErrorCodeOf(null)).toBeNull();
  });
});
