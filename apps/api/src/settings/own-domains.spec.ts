import { ownDomainsOf } from './own-domains';

describe('ownDomainsOf', () => {
  it('reduces URLs and www. to the domain, lower case, without duplicates or empty lines', () => {
    expect(ownDomainsOf(['https://www.Example.com/shop?x=1', 'example.com', ' shop.acme.de ', '', 'münchen.de', 'acme.de:8080'])).toEqual([
      'example.com',
      'shop.acme.de',
      'münchen.de',
      'acme.de',
    ]);
  });

  it.each(['not a domain', 'localhost', 'acme', '-acme.de', 'acme..de', 'acme.d3'])('refuses %p with OWN_DOMAIN_INVALID', (value) => {
    expect(() => ownDomainsOf(['acme.de', value])).toThrow(expect.objectContaining({ response: expect.objectContaining({ code: 'OWN_DOMAIN_INVALID' }) }));
  });
});
