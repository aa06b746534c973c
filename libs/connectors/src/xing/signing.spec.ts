import { xingSigner } from './client';

/**
 * The connector's OAuth 1.0a signing (the oauth-1.0a library as configured in client.ts) against
 * published test vectors — not only against our own sim. The sim's own implementation is held to
 * the same vectors in apps/sim/test/xing-oauth1.spec.ts, so the two cannot agree on a shared mistake.
 */
describe('XING OAuth 1.0a HMAC-SHA1 signing', () => {
  it('RFC 5849 §1.2: the photos example signs to MdpQcU8iPSUjWoN/UDMsK2sui9I=', () => {
    const signer = xingSigner({ key: 'dpf43f3p2l4k3l03', secret: 'kd94hf93k423kf44' });
    signer.getNonce = () => 'chapoH';
    signer.getTimeStamp = () => 137131202;
    const request = { url: 'http://photos.example.net/photos?file=vacation.jpg&size=original', method: 'GET' };
    const data = signer.authorize(request, { key: 'nnch734d00sl2jdk', secret: 'pfkkdhi9sl3r4s00' });
    // RFC 5849 §1.2 sends no oauth_version; the library adds "1.0", which the RFC allows (§3.1) and which changes the
    // signature — so the vector is checked on the exact parameters of the RFC.
    const rfc = { ...data } as Record<string, unknown>;
    delete rfc.oauth_version;
    delete rfc.oauth_signature;
    expect(signer.getSignature(request, 'pfkkdhi9sl3r4s00', rfc as never)).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=');
    expect(data.oauth_signature).toBe(signer.getSignature(request, 'pfkkdhi9sl3r4s00', { ...rfc, oauth_version: '1.0' } as never));
  });

  it('RFC 5849 §3.4.1: the base string of the example request (query, form body, repeated and encoded names)', () => {
    const signer = xingSigner({ key: '9djdj82h48djs9d2', secret: 'j49sk3j29djd' });
    const request = { url: 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b', method: 'POST', data: { c2: '', a3: '2 q' } };
    const oauth = {
      oauth_consumer_key: '9djdj82h48djs9d2',
      oauth_token: 'kkk9d7dh3k39sjv7',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: 137131201,
      oauth_nonce: '7d8f3e4a',
    };
    const expected =
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7';
    // The library drops a repeated name (a3) and encodes an already encoded name (c%40) twice, so it
    // cannot sign this request; the connector never sends either (its parameters are one Record of
    // plain names), and for such requests the library's base string is the RFC's:
    expect(signer.getBaseString(request, { ...oauth } as never)).not.toBe(expected);
    const plain = { url: 'http://example.com/request?b5=%3D%253D&a2=r%20b', method: 'POST', data: { c2: '', a3: '2 q' } };
    expect(signer.getBaseString(plain, { ...oauth } as never)).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26b5%3D%253D%25253D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    );
  });

  it('the classic Twitter example ("Creating a signature") signs to tnnArxj06cWHq44gCs1OSKk/jLY=, in the connector', () => {
    const signer = xingSigner({ key: 'xvz1evFS4wEEPTGEFPHBog', secret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw' });
    signer.getNonce = () => 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg';
    signer.getTimeStamp = () => 1318622958;
    const token = { key: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb', secret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE' };
    const request = {
      url: 'https://api.twitter.com/1/statuses/update.json?include_entities=true',
      method: 'POST',
      data: { status: 'Hello Ladies + Gentlemen, a signed OAuth request!' },
    };
    const data = signer.authorize(request, token);
    expect(data.oauth_signature).toBe('tnnArxj06cWHq44gCs1OSKk/jLY=');
  });
});
