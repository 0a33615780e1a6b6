import { describe, expect, it, vi } from 'vitest';
import { ApiError, HttpClient, withQuery } from './http';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

describe('HttpClient', () => {
  it('sends the bearer token and JSON, and reads JSON back', async () => {
    const fetchImpl = vi.fn(async () => json(202, { eventId: 'e1', externalId: 'x', status: 'ACCEPTED' }));
    const http = new HttpClient(async () => 'tok', fetchImpl as unknown as typeof fetch);
    const res = await http.request('POST', '/api/orders', { body: { a: 1 }, headers: { 'Idempotency-Key': 'k' } });
    expect(res).toEqual({ eventId: 'e1', externalId: 'x', status: 'ACCEPTED' });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/orders');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer tok', 'Content-Type': 'application/json', 'Idempotency-Key': 'k' });
    expect(init.body).toBe('{"a":1}');
  });

  it('turns problem+json into an ApiError a person can read', async () => {
    const problem = { title: 'Invalid request', status: 400, detail: 'The request has 1 invalid field(s)', errors: [{ field: 'lines[0].quantity', message: 'must be at least 1' }] };
    const http = new HttpClient(async () => 'tok', (async () => json(400, problem, 'application/problem+json')) as unknown as typeof fetch);
    const error = (await http.get('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('The request has 1 invalid field(s) — lines[0].quantity: must be at least 1');
  });

  it('says plainly when the role is not allowed or the service is down', async () => {
    const http = new HttpClient(async () => 'tok', (async () => new Response('', { status: 403 })) as unknown as typeof fetch);
    await expect(http.get('/api/x')).rejects.toThrow('Your role does not allow this');
    const down = new HttpClient(async () => 'tok', (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch);
    await expect(down.get('/api/x')).rejects.toMatchObject({ status: 0 });
  });

  it('leaves empty query values out', () => {
    expect(withQuery('/api/orders', { channel: 'WEB', locationId: '', page: 0, productId: undefined })).toBe('/api/orders?channel=WEB&page=0');
  });
});
