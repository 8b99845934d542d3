import { describeError } from './apiError';

describe('describeError', () => {
  it('names the service that is down on a 503', () => {
    const error = { status: 503, data: { statusCode: 503, error: 'Service Unavailable', message: 'timeout', service: 'execution', requestId: 'r1' } };
    expect(describeError(error)).toMatchObject({ status: 503, message: 'execution is unavailable', requestId: 'r1' });
  });

  it('collects field errors from a 400 body', () => {
    const error = {
      status: 400,
      data: { statusCode: 400, error: 'Bad Request', message: 'Validation failed', details: [{ field: 'reason', rules: { isNotEmpty: 'reason should not be empty', maxLength: 'too long' } }] },
    };
    expect(describeError(error).fieldErrors).toEqual({ reason: 'reason should not be empty; too long' });
  });

  it('reads details that carry a plain message instead of rules (a refused order)', () => {
    const error = {
      status: 422,
      data: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'Refused by max-order-quantity: Quantity 50 is above the limit of 10',
        details: [
          { field: 'check', message: 'max-order-quantity' },
          { field: 'orderId', message: 'o-1' },
        ],
      },
    };
    expect(describeError(error)).toMatchObject({ status: 422, fieldErrors: { check: 'max-order-quantity', orderId: 'o-1' } });
  });

  it('falls back to the HTTP status when the body is not the API error shape', () => {
    expect(describeError({ status: 502, data: '<html>' }).message).toBe('Request failed (HTTP 502)');
  });

  it('describes network failures in words', () => {
    expect(describeError({ status: 'FETCH_ERROR', error: 'TypeError: fetch failed' }).message).toBe('Cannot reach the gateway');
  });
});
