/**
 * The emulator's TC3 verifier against every vector of schemas/source/tc3-vectors.json (each intermediate value
 * and the full verification from the headers as sent), then tampered variants of them, each of which must be
 * refused with the code the service answers.
 */
import { strict as assert } from 'node:assert';
import vectorFile from '../../../schemas/source/tc3-vectors.json';
import {
  canonicalRequest,
  parseAuthorization,
  sha256Hex,
  signatureOf,
  signingKey,
  stringToSign,
  utcDate,
  verifyTc3,
  type SignedRequest,
} from '../../../emulator/tc3Verify';

interface Vector {
  id: string;
  input: {
    method: string;
    canonicalQueryString: string;
    signedHeaders_input: Record<string, string>;
    payload?: string;
    multipart_fields?: { name: string; value?: string; value_utf8?: string }[];
    timestamp: number;
    date_utc: string;
    service: string;
    secretId: string;
    secretKey: string;
  };
  expected: Record<string, string>;
}

const vectors = vectorFile.vectors as unknown as Vector[];

/** The multipart body the SDK hashes, rebuilt from the vector's documented layout. */
function multipartBody(vector: Vector): Buffer {
  const boundary = /boundary=(.+)$/.exec(vector.input.signedHeaders_input['content-type'])![1];
  const parts: Buffer[] = [Buffer.from(`--${boundary}`)];
  for (const field of vector.input.multipart_fields!) {
    const binary = field.value_utf8 !== undefined;
    const head = `\r\nContent-Disposition: form-data; name="${field.name}"\r\n${binary ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`;
    parts.push(Buffer.from(head), Buffer.from(field.value ?? field.value_utf8 ?? ''), Buffer.from(`\r\n--${boundary}`));
  }
  parts.push(Buffer.from('--\r\n'));
  return Buffer.concat(parts);
}

/** The request of a vector as a server receives it: its signed headers, timestamp and Authorization. */
function requestOf(vector: Vector): SignedRequest {
  const body = vector.input.multipart_fields ? multipartBody(vector) : (vector.input.payload ?? '');
  const headers = {
    ...vector.input.signedHeaders_input,
    'x-tc-timestamp': String(vector.input.timestamp),
    authorization: vector.expected.authorization,
  };
  return { method: vector.input.method, query: vector.input.canonicalQueryString, headers, body };
}

const optionsFor = (vector: Vector, overrides: { nowSeconds?: number; secretKey?: string } = {}) => ({
  nowSeconds: overrides.nowSeconds ?? vector.input.timestamp,
  service: vector.input.service,
  secretFor: (id: string) =>
    id === vector.input.secretId ? (overrides.secretKey ?? vector.input.secretKey) : undefined,
});

describe('emulator TC3 verifier', () => {
  it('has every vector of the reference file to check (10)', () => {
    assert.equal(vectors.length, 10);
  });

  for (const vector of vectors) {
    describe(`vector ${vector.id}`, () => {
      const request = requestOf(vector);
      const signed = Object.keys(vector.input.signedHeaders_input).sort();
      const { expected, input } = vector;

      it('reproduces every intermediate value and the signature', () => {
        assert.equal(sha256Hex(request.body), expected.hashedRequestPayload);
        const canonical = canonicalRequest(request, signed);
        if (expected.canonicalRequest) assert.equal(canonical, expected.canonicalRequest);
        assert.equal(sha256Hex(canonical), expected.hashedCanonicalRequest);
        assert.equal(utcDate(input.timestamp), input.date_utc);
        const toSign = stringToSign(input.timestamp, `${input.date_utc}/${input.service}/tc3_request`, canonical);
        if (expected.stringToSign) assert.equal(toSign, expected.stringToSign);
        if (expected.secretSigning_hex)
          assert.equal(
            signingKey(input.secretKey, input.date_utc, input.service).toString('hex'),
            expected.secretSigning_hex,
          );
        assert.equal(signatureOf(input.secretKey, input.date_utc, input.service, toSign), expected.signature);
      });

      it('accepts the request as sent', () => {
        assert.deepEqual(verifyTc3(request, optionsFor(vector)), { ok: true, secretId: input.secretId });
      });

      it('refuses it with one body byte changed (SignatureFailure)', () => {
        const body = Buffer.concat([Buffer.from(request.body), Buffer.from(' ')]);
        assert.equal(codeOf(verifyTc3({ ...request, body }, optionsFor(vector))), 'AuthFailure.SignatureFailure');
      });

      it('refuses it with a signed header changed (SignatureFailure)', () => {
        const headers = { ...request.headers, host: 'evil.tencentcloudapi.com' };
        assert.equal(codeOf(verifyTc3({ ...request, headers }, optionsFor(vector))), 'AuthFailure.SignatureFailure');
      });

      it('refuses it under another key (SignatureFailure) and an unknown SecretId (SecretIdNotFound)', () => {
        assert.equal(
          codeOf(verifyTc3(request, optionsFor(vector, { secretKey: `${input.secretKey}x` }))),
          'AuthFailure.SignatureFailure',
        );
        assert.equal(
          codeOf(verifyTc3(request, { ...optionsFor(vector), secretFor: () => undefined })),
          'AuthFailure.SecretIdNotFound',
        );
      });

      it('refuses it 301 s late or early (SignatureExpire) and accepts it 300 s late', () => {
        assert.equal(
          codeOf(verifyTc3(request, optionsFor(vector, { nowSeconds: input.timestamp + 301 }))),
          'AuthFailure.SignatureExpire',
        );
        assert.equal(
          codeOf(verifyTc3(request, optionsFor(vector, { nowSeconds: input.timestamp - 301 }))),
          'AuthFailure.SignatureExpire',
        );
        assert.equal(verifyTc3(request, optionsFor(vector, { nowSeconds: input.timestamp + 300 })).ok, true);
      });

      it('refuses it when the service expects another one in the scope (SignatureFailure)', () => {
        const result = verifyTc3(request, { ...optionsFor(vector), service: input.service === 'vpc' ? 'cvm' : 'vpc' });
        assert.equal(codeOf(result), 'AuthFailure.SignatureFailure');
      });
    });
  }

  describe('malformed requests', () => {
    const vector = vectors.find((candidate) => candidate.id === 'derived-vpc-create-sdk-style')!;
    const request = requestOf(vector);
    const withAuthorization = (authorization: string | undefined): SignedRequest => ({
      ...request,
      headers: { ...request.headers, authorization },
    });

    it('answers InvalidAuthorization for a missing, garbled or non-TC3 Authorization', () => {
      for (const header of [
        undefined,
        'garbage',
        String(request.headers.authorization).replace('TC3-HMAC-SHA256', 'HMAC-SHA1'),
      ]) {
        assert.equal(
          codeOf(verifyTc3(withAuthorization(header), optionsFor(vector))),
          'AuthFailure.InvalidAuthorization',
          String(header),
        );
      }
    });

    it('answers InvalidAuthorization when SignedHeaders lacks host', () => {
      const header = String(request.headers.authorization).replace(
        'SignedHeaders=content-type;host',
        'SignedHeaders=content-type',
      );
      assert.equal(
        codeOf(verifyTc3(withAuthorization(header), optionsFor(vector))),
        'AuthFailure.InvalidAuthorization',
      );
    });

    it('refuses a scope date that is not the UTC date of X-TC-Timestamp', () => {
      const header = String(request.headers.authorization).replace('2023-11-14', '2023-11-15');
      assert.equal(codeOf(verifyTc3(withAuthorization(header), optionsFor(vector))), 'AuthFailure.SignatureFailure');
    });

    it('parses the Authorization of every vector into its fields', () => {
      for (const each of vectors)
        assert.equal(parseAuthorization(each.expected.authorization)?.signature, each.expected.signature, each.id);
    });
  });
});

function codeOf(result: ReturnType<typeof verifyTc3>): string | undefined {
  return result.ok ? undefined : result.code;
}
