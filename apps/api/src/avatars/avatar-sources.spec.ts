import { loadConfig } from '@resonance/config';
import { avatarSourceAllowed } from './avatar-sources';
import { sniffImageType } from './avatar-fetch';

describe('avatarSourceAllowed', () => {
  const demo = loadConfig({ SIM_URL: 'http://127.0.0.1:4000' });
  const allReal = loadConfig({
    SIM_URL: 'http://127.0.0.1:4000',
    FACEBOOK_GRAPH_URL: 'https://graph.facebook.com',
    X_API_URL: 'https://api.x.com',
    LINKEDIN_API_URL: 'https://api.linkedin.com',
    YOUTUBE_API_URL: 'https://www.googleapis.com',
    XING_API_URL: 'https://api.xing.com',
    INSTAGRAM_API_URL: 'https://graph.instagram.com',
  });
  const allowed = (url: string, config = demo) => avatarSourceAllowed(new URL(url), config);

  it.each([
    'https://pbs.twimg.com/profile_images/1/a_normal.jpg',
    'https://scontent-fra5-1.xx.fbcdn.net/v/t1/p.jpg',
    'https://yt3.ggpht.com/ytc/abc=s88',
    'https://media.licdn.com/dms/image/abc',
    'https://x1.xingassets.com/assets/img/users/1.jpg',
    'https://scontent-fra3-1.cdninstagram.com/v/t51.2885-19/p.jpg',
  ])('takes https pictures of the networks: %s', (url) => expect(allowed(url, allReal)).toBe(true));

  it.each([
    'http://pbs.twimg.com/profile_images/1/a.jpg', // not https
    'https://pbs.twimg.com:8443/a.jpg', // another port
    'https://pbs.twimg.com.attacker.example/a.jpg',
    'https://fbcdn.net.attacker.example/a.jpg',
    'https://user:pw@pbs.twimg.com/a.jpg',
    'http://169.254.169.254/latest/meta-data/',
    'http://127.0.0.1:5432/',
    'file:///etc/passwd',
  ])('refuses %s', (url) => expect(allowed(url)).toBe(false));

  it("takes the sim's origin only while a network is served by the sim", () => {
    expect(allowed('http://127.0.0.1:4000/x/avatars/1.png')).toBe(true);
    expect(allowed('http://127.0.0.1:4001/x/avatars/1.png')).toBe(false);
    expect(allowed('http://127.0.0.1:4000/x/avatars/1.png', allReal)).toBe(false);
  });
});

describe('sniffImageType', () => {
  it('knows PNG, JPEG, GIF and WebP by their first bytes, and nothing else', () => {
    expect(sniffImageType(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('image/png');
    expect(sniffImageType(Buffer.from('ffd8ffe000', 'hex'))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('GIF89a....', 'latin1'))).toBe('image/gif');
    expect(sniffImageType(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});
