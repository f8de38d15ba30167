// A route with a response schema still gets Fastify's serializer through the factory given in
// place of the default one (loaded when the route is registered): properties outside the schema
// are left out and values take the schema's types.
import Fastify from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { serializerOnFirstUse } from './serializer-on-first-use.js';

const app = Fastify({ schemaController: { compilersFactory: { buildSerializer: serializerOnFirstUse() } } });
afterEach(() => app.close());

it('serializes a response by its schema', async () => {
  app.get('/item', { schema: { response: { 200: { type: 'object', properties: { id: { type: 'string' }, count: { type: 'integer' } } } } } }, async () => ({ id: 'a1', count: '3', secret: 'left out' }));
  const res = await app.inject({ method: 'GET', url: '/item' });
  expect(res.statusCode).toBe(200);
  expect(res.body).toBe('{"id":"a1","count":3}');
});
