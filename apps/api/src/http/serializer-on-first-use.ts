// Fastify's response serializer compiler (@fastify/fast-json-stringify-compiler: fast-json-stringify
// with an ajv and ajv-formats of its own, ~80 ms and ~1.5 MB at start-up) is only used by routes that
// declare response schemas — the API declares none — yet Fastify loads it as every instance is made.
// Given as the instance's serializer factory (schemaController.compilersFactory.buildSerializer), it
// loads, from where Fastify itself loads it, when a route first needs it; it is the same compiler
// (Fastify treats a given serializer factory no differently from its default one).
import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type SerializerFactory = NonNullable<NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildSerializer']>;

export function serializerOnFirstUse(): SerializerFactory {
  let factory: SerializerFactory | undefined;
  return (externalSchemas, serializerOpts) => {
    if (!factory) {
      const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
      const selector = fromFastify('@fastify/fast-json-stringify-compiler') as () => SerializerFactory;
      factory = selector();
    }
    return factory(externalSchemas, serializerOpts);
  };
}
