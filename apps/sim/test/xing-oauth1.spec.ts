import { hmacSha1Signature, parseAuthorizationHeader, signatureBaseString } from '../src/core/oauth1';

/** The sim's OAuth 1.0a verifier, written from RFC 5849, held to published vectors (the connector's signer to the same ones). */
describe('sim OAuth 1.0a (XING module)', () => {
  it('RFC 5849 §3.4.1: base string of the example request, repeated and encoded names included', () => {
    const params: Array<[string, string]> = [
      ['b5', '=%3D'],
      ['a3', 'a'],
      ['c@', ''],
      ['a2', 'r b'],
      ['c2', ''],
      ['a3', '2 q'],
      ['oauth_consumer_key', '9djdj82h48djs9d2'],
      ['oauth_token', 'kkk9d7dh3k39sjv7'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131201'],
      ['oauth_nonce', '7d8f3e4a'],
      ['oauth_signature', 'ignored'],
    ];
    expect(signatureBaseString('POST', 'http://example.com/request', params)).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    );
  });

  it('RFC 5849 §1.2 photos example → MdpQcU8iPSUjWoN/UDMsK2sui9I=; the Twitter example → tnnArxj06cWHq44gCs1OSKk/jLY=', () => {
    const header = parseAuthorizationHeader(
      'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_token="nnch734d00sl2jdk", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131202", oauth_nonce="chapoH", oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"',
    )!;
    expect(header.oauth_signature).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=');
    const photos = signatureBaseString('GET', 'http://photos.example.net/photos', [['file', 'vacation.jpg'], ['size', 'original'], ...Object.entries(header)]);
    expect(hmacSha1Signature(photos, 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00')).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=');
    const twitter = signatureBaseString('POST', 'https://api.twitter.com/1/statuses/update.json', [
      ['include_entities', 'true'],
      ['status', 'Hello Ladies + Gentlemen, a signed OAuth request!'],
      ['oauth_consumer_key', 'xvz1evFS4wEEPTGEFPHBog'],
      ['oauth_nonce', 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '1318622958'],
      ['oauth_token', '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb'],
      ['oauth_version', '1.0'],
    ]);
    expect(hmacSha1Signature(twitter, 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw', 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE')).toBe(
      'tnnArxj06cWHq44gCs1OSKk/jLY=',
    );
    expect(hmacSha1Signature(twitter, 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw', 'other')).not.toBe('tnnArxj06cWHq44gCs1OSKk/jLY=');
  });
});
