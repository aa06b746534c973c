import { leakedRedactPaths, objectAtRedactPath } from './log-redaction';

describe('log redaction probes', () => {
  it('places the secret at the path, brackets and wildcards included', () => {
    expect(objectAtRedactPath('req.headers["x-hub-signature-256"]', 's')).toEqual({ req: { headers: { 'x-hub-signature-256': 's' } } });
    expect(objectAtRedactPath('*.token', 's')).toEqual({ anything: { token: 's' } });
  });

  it('names the paths a logger leaves in clear (so the api and worker specs can fail)', () => {
    const partial = { pinoHttp: { redact: { paths: ['*.token'], censor: '[Redacted]' } } };
    expect(leakedRedactPaths(partial, ['*.token', '*.secret', 'req.headers.cookie'])).toEqual(['*.secret', 'req.headers.cookie']);
  });
});
