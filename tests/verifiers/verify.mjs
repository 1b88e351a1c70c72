// Verifies what OneWindow signs with libraries that are not OneWindow's: cose-js for the LC1 亮证码 (COSE_Sign1, ES256),
// jose for the vc+jwt credential. Input: the path of a JSON file {payload: "LC1:…", jwk: {kty, crv, x, y, kid}, jwt?: "…"}.
// Output: one JSON line {lc1: {valid, claims?, error?}, jwt?: {valid, payload?, error?}}.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { importJWK, jwtVerify } from 'jose';

const require = createRequire(import.meta.url);
const cose = require('cose-js');
const base45 = require('base45');
const cbor = require('cbor');

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out = {};

try {
  if (!input.payload.startsWith('LC1:')) throw new Error('no LC1: prefix');
  const zipped = base45.decode(input.payload.slice(4));
  const message = inflateSync(Buffer.from(zipped));
  const key = { x: Buffer.from(input.jwk.x, 'base64url'), y: Buffer.from(input.jwk.y, 'base64url') };
  const payload = await cose.sign.verify(message, { key });
  out.lc1 = { valid: true, claims: cbor.decodeFirstSync(payload) };
} catch (e) {
  out.lc1 = { valid: false, error: String(e && e.message || e) };
}

if (input.jwt) {
  try {
    const key = await importJWK({ ...input.jwk, alg: 'ES256' }, 'ES256');
    const { payload, protectedHeader } = await jwtVerify(input.jwt, key, { typ: 'vc+jwt' });
    out.jwt = { valid: true, typ: protectedHeader.typ, payload };
  } catch (e) {
    out.jwt = { valid: false, error: String(e && e.message || e) };
  }
}

process.stdout.write(JSON.stringify(out, (k, v) => (v instanceof Map ? Object.fromEntries(v) : typeof v === 'bigint' ? Number(v) : v)) + '\n');
