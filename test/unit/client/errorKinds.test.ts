/**
 * The one classifier of failures: every error the cloud client, the plan or the poller can throw has an ErrorKind,
 * told apart by its class (never by its name string), and the set-up kinds are the ones only the user can fix.
 */
import * as assert from 'node:assert/strict';
import { ApiError, ERROR_KINDS, errorKindOf, isNotFound, isSetupError } from '../../../cloud/apiError';
import { CancelledError } from '../../../cloud/backoff';
import { CredentialsError } from '../../../cloud/credentials';
import { EndpointError } from '../../../cloud/endpoint';
import { RegionError } from '../../../cloud/region';

describe('error kinds', () => {
  it("classifies the client's own errors by class", () => {
    assert.equal(errorKindOf(new CredentialsError(['environment'])), 'credentials');
    assert.equal(errorKindOf(new EndpointError('no')), 'endpoint');
    assert.equal(errorKindOf(new RegionError('no')), 'region');
    assert.equal(errorKindOf(new CancelledError()), 'cancelled');
  });

  it('does not trust a name string: an Error merely named CredentialsError is not one', () => {
    assert.notEqual(errorKindOf(Object.assign(new Error('x'), { name: 'CredentialsError' })), 'credentials');
  });

  it('classifies request failures as toApiError does', () => {
    assert.equal(
      errorKindOf(Object.assign(new Error('denied'), { code: 'AuthFailure.SecretIdNotFound', requestId: 'r' })),
      'api',
    );
    assert.equal(errorKindOf(Object.assign(new Error(''), { httpCode: 502 })), 'http');
    assert.equal(errorKindOf(new Error('network timeout at: https://vpc.tencentcloudapi.com/')), 'timeout');
    assert.equal(
      errorKindOf(new Error('request to https://x/ failed, reason: connect ECONNREFUSED 127.0.0.1:1')),
      'network',
    );
    assert.equal(errorKindOf(new TypeError("Cannot read properties of undefined (reading 'Error')")), 'protocol');
  });

  it('names the set-up kinds, and only those', () => {
    assert.deepEqual(ERROR_KINDS.filter(isSetupError), ['credentials', 'endpoint', 'region']);
  });

  it('tells a ResourceNotFound answer apart from other API errors', () => {
    const notFound = new ApiError({
      kind: 'api',
      code: 'ResourceNotFound.Task',
      message: 'gone',
      retryable: false,
      ambiguous: false,
    });
    const other = new ApiError({
      kind: 'api',
      code: 'InvalidParameter',
      message: 'no',
      retryable: false,
      ambiguous: false,
    });
    assert.deepEqual(
      [isNotFound(notFound), isNotFound(other), isNotFound(new Error('ResourceNotFound'))],
      [true, false, false],
    );
  });
});
