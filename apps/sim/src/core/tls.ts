import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isIP } from 'node:net';

/**
 * The sim's own certificate authority, so clients that insist on https (twitter-api-v2 always
 * does) can talk to it: a client trusts it through NODE_EXTRA_CA_CERTS=<the CA file>. Made with
 * node:crypto alone (a minimal DER encoder below): EC P-256 keys, ECDSA-SHA256 signatures.
 */
export interface LocalCa {
  /** PEM of the CA certificate (what NODE_EXTRA_CA_CERTS points at). */
  cert: string;
  key: KeyObject;
}

/** A server certificate signed by the local CA, for https.createServer. */
export interface ServerCertificate {
  key: string;
  cert: string;
  /** The CA's PEM, for clients in the same process (https.Agent({ ca })). */
  ca: string;
}

const DAY = 86_400_000;

/**
 * The CA kept in `file` (certificate and key, PEM, readable by the owner only), made there when
 * it is missing or expired, so a client configured once keeps trusting a restarted sim.
 */
export function loadOrCreateCa(file: string): LocalCa {
  if (existsSync(file)) {
    const pem = readFileSync(file, 'utf8');
    const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/.exec(pem)?.[0];
    const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----\n?/.exec(pem)?.[0];
    if (cert && key && Date.parse(new X509Certificate(cert).validTo) > Date.now() + DAY) return { cert, key: createPrivateKey(key) };
  }
  const ca = createCa();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, ca.cert + ca.key.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
  return ca;
}

/** A new CA, valid for a year (kept only in memory unless loadOrCreateCa writes it). */
export function createCa(): LocalCa {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const name = distinguishedName('Resonance sim local CA');
  const der = certificate({
    subject: name,
    issuer: name,
    spki,
    signer: privateKey,
    days: 365,
    extensions: [
      extension('2.5.29.19', true, seq(bool(true))), // basicConstraints: CA
      extension('2.5.29.15', true, bitString(Buffer.from([0x86]), 1)), // keyUsage: digitalSignature, keyCertSign, cRLSign
      extension('2.5.29.14', false, octets(keyId(spki))), // subjectKeyIdentifier
    ],
  });
  return { cert: pem(der), key: privateKey };
}

/** A server certificate for `hosts` (names and IP addresses), signed by `ca`, valid for 90 days. */
export function issueServerCertificate(ca: LocalCa, hosts: string[]): ServerCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const caCert = new X509Certificate(ca.cert);
  const caSpki = caCert.publicKey.export({ type: 'spki', format: 'der' });
  const names = [...new Set(hosts)].map((h) => (isIP(h) ? tlv(0x87, ipBytes(h)) : tlv(0x82, Buffer.from(h, 'ascii'))));
  const der = certificate({
    subject: distinguishedName(hosts[0] ?? 'localhost'),
    issuer: subjectOf(caCert.raw),
    spki,
    signer: ca.key,
    days: 90,
    extensions: [
      extension('2.5.29.19', true, seq()), // basicConstraints: not a CA
      extension('2.5.29.15', true, bitString(Buffer.from([0x80]), 7)), // keyUsage: digitalSignature
      extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))), // extKeyUsage: serverAuth
      extension('2.5.29.17', false, seq(...names)), // subjectAltName
      extension('2.5.29.14', false, octets(keyId(spki))),
      extension('2.5.29.35', false, seq(tlv(0x80, keyId(caSpki)))), // authorityKeyIdentifier
    ],
  });
  return { key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), cert: pem(der), ca: ca.cert };
}

// --- DER ---------------------------------------------------------------------------------------

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const n = body.length;
  let len: Buffer;
  if (n < 0x80) len = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
    len = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), len, body]);
}

const seq = (...items: Buffer[]) => tlv(0x30, ...items);
const set = (...items: Buffer[]) => tlv(0x31, ...items);
const octets = (b: Buffer) => tlv(0x04, b);
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0x00]));
const bitString = (b: Buffer, unusedBits = 0) => tlv(0x03, Buffer.from([unusedBits]), b);

function integer(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  const v = b.subarray(i);
  return tlv(0x02, v[0] & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
}

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const arc of rest) {
    const groups: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) groups.unshift((v & 0x7f) | 0x80);
    out.push(...groups);
  }
  return tlv(0x06, Buffer.from(out));
}

function time(ms: number): Buffer {
  const iso = new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'; // YYYYMMDDHHMMSSZ
  return Number(iso.slice(0, 4)) < 2050 ? tlv(0x17, Buffer.from(iso.slice(2), 'ascii')) : tlv(0x18, Buffer.from(iso, 'ascii'));
}

const distinguishedName = (commonName: string) => seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(commonName, 'utf8')))));

const extension = (id: string, critical: boolean, value: Buffer) => seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));

/** The key identifier RFC 5280 §4.2.1.2 (1) describes: SHA-1 of the subjectPublicKey bits. */
function keyId(spki: Buffer): Buffer {
  // SPKI = SEQUENCE { AlgorithmIdentifier, BIT STRING }: the key bits are the last element.
  const bits = lastElement(spki);
  return createHash('sha1').update(bits.subarray(1)).digest();
}

/** Header length and content length of the DER element at `offset`. */
function header(der: Buffer, offset: number): { head: number; length: number } {
  const first = der[offset + 1];
  if (first < 0x80) return { head: 2, length: first };
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + der[offset + 2 + i];
  return { head: 2 + count, length };
}

/** The contents of the last element inside the SEQUENCE `der`. */
function lastElement(der: Buffer): Buffer {
  const outer = header(der, 0);
  let offset = outer.head;
  let last: Buffer = Buffer.alloc(0);
  while (offset < outer.head + outer.length) {
    const h = header(der, offset);
    last = der.subarray(offset + h.head, offset + h.head + h.length);
    offset += h.head + h.length;
  }
  return last;
}

/** The subject Name of a DER certificate, byte for byte (the issuer of what it signs must match). */
function subjectOf(certDer: Buffer): Buffer {
  const cert = header(certDer, 0);
  const tbsStart = cert.head;
  const tbs = header(certDer, tbsStart);
  let offset = tbsStart + tbs.head;
  // version [0], serialNumber, signature, issuer, validity, subject
  const elements: Buffer[] = [];
  for (let i = 0; i < 6; i++) {
    const h = header(certDer, offset);
    elements.push(certDer.subarray(offset, offset + h.head + h.length));
    offset += h.head + h.length;
  }
  return elements[5];
}

function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split('.').map(Number));
  const [head, tail = ''] = ip.split('::');
  const parts = (s: string) => (s ? s.split(':') : []);
  const h = parts(head);
  const t = parts(tail);
  const groups = ip.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
  return Buffer.from(groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

function certificate(p: { subject: Buffer; issuer: Buffer; spki: Buffer; signer: KeyObject; days: number; extensions: Buffer[] }): Buffer {
  const now = Date.now();
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  const tbs = seq(
    tlv(0xa0, integer(Buffer.from([2]))), // v3
    integer(serial),
    ECDSA_SHA256,
    p.issuer,
    seq(time(now - DAY), time(now + p.days * DAY)),
    p.subject,
    p.spki,
    tlv(0xa3, seq(...p.extensions)),
  );
  const signature = sign('sha256', tbs, p.signer);
  return seq(tbs, ECDSA_SHA256, bitString(signature));
}

const pem = (der: Buffer) => `-----BEGIN CERTIFICATE-----\n${(der.toString('base64').match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`;
