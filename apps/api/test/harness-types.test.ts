// The harness's calls are typed from AppRouter: a call to a path that is no procedure, a query sent
// as a mutation (or the other way round), or input of the wrong shape fails the type check
// (`tsc -p apps/api`), and `data` is the procedure's own output after superjson. Each line expected
// to be refused below fails that check if the typing ever loosens; nothing here is sent.
import { expectTypeOf, it } from 'vitest';
import { client, type ApiTarget, type CallResult, type InputOf, type OutputOf } from './harness.js';

const api: ApiTarget = { baseUrl: 'http://127.0.0.1:9' };
const id = '00000000-0000-4000-8000-000000000000';

/** Compiled, never called. */
function refusedByTheTypeCheck() {
  // @ts-expect-error no such procedure
  void client(api).orders.noSuchProcedure.query({ id });
  // @ts-expect-error no such procedure, not even unchecked
  void client(api).orders.noSuchProcedure.mutateUnchecked({});
  // @ts-expect-error a mutation is not a query
  void client(api).orders.ship.query({ id, version: 1, carrier: 'dpd', trackingNumber: '01234567890123' });
  // @ts-expect-error a query is not a mutation
  void client(api).orders.get.mutate({ id });
  // @ts-expect-error a query is not a mutation, not even unchecked
  void client(api).orders.get.mutateUnchecked({ id });
  // @ts-expect-error a mutation is not a query, not even unchecked
  void client(api).profile.update.queryUnchecked({ displayName: 'Name' });
  // @ts-expect-error the input's field has the wrong type
  void client(api).profile.update.mutate({ displayName: 42 });
  // @ts-expect-error a required input left out
  void client(api).orders.get.query();
  // @ts-expect-error a field the input does not have
  void client(api).orders.get.query({ id, orderId: id });
  // @ts-expect-error a value outside the input's enum
  void client(api).queues.decide.mutate({ id, version: 1, decision: 'maybe' });
}

it('types every call from AppRouter: paths by kind, inputs and outputs', () => {
  expectTypeOf(refusedByTheTypeCheck).toBeFunction();
  // Accepted: the procedure's own input; none (or `undefined` before options) where it takes none.
  const api$ = client(api);
  expectTypeOf(api$.orders.get.query).parameter(0).toEqualTypeOf<InputOf<'orders.get'>>();
  expectTypeOf<InputOf<'orders.get'>>().toEqualTypeOf<{ id: string }>();
  expectTypeOf(api$.auth.me.query).toBeCallableWith();
  expectTypeOf(api$.auth.me.query).toBeCallableWith(undefined, { cookie: 'sid=x' });
  // The answer: the procedure's output, Dates as Dates (superjson), inside the harness's result.
  expectTypeOf(api$.orders.get.query).returns.resolves.toEqualTypeOf<CallResult<OutputOf<'orders.get'>>>();
  expectTypeOf<CallResult<OutputOf<'orders.get'>>['data']>().toEqualTypeOf<OutputOf<'orders.get'> | undefined>();
  expectTypeOf<OutputOf<'orders.get'>>().toHaveProperty('version').toEqualTypeOf<number>();
  expectTypeOf<OutputOf<'submissions.get'>>().toHaveProperty('updatedAt').toEqualTypeOf<Date>();
  // One decision path answers per queue, told apart by `queue`, each with its subject's new state.
  expectTypeOf<Extract<OutputOf<'queues.decide'>, { queue: 'submissions' }>>().toHaveProperty('submission').toHaveProperty('state').toBeString();
  expectTypeOf<Extract<OutputOf<'queues.decide'>, { queue: 'listings' }>>().toHaveProperty('listing').toHaveProperty('version').toEqualTypeOf<number>();
  expectTypeOf<Extract<OutputOf<'queues.decide'>, { queue: 'kyc' }>>().toHaveProperty('check').toHaveProperty('state').toBeString();
  // The escape hatch: any input, an answer of unknown shape.
  expectTypeOf(api$.profile.update.mutateUnchecked).parameter(0).toBeUnknown();
  expectTypeOf(api$.profile.update.mutateUnchecked).returns.resolves.toEqualTypeOf<CallResult>();
});
