// The harness's calls are typed from AppRouter: a call to a path that is no procedure, a query sent
// as a mutation (or the other way round), or input of the wrong shape fails the type check
// (`tsc -p apps/api`), and `data` is the procedure's own output after superjson. Each line expected
// to be refused below fails that check if the typing ever loosens; nothing here is sent.
import { expectTypeOf, it } from 'vitest';
import { mutate, mutateUnchecked, query, queryUnchecked, type ApiTarget, type CallResult, type InputOf, type OutputOf } from './harness.js';

const api: ApiTarget = { baseUrl: 'http://127.0.0.1:9' };
const id = '00000000-0000-4000-8000-000000000000';

/** Compiled, never called. */
function refusedByTheTypeCheck() {
  // @ts-expect-error no such procedure
  void query(api, 'orders.noSuchProcedure', { id });
  // @ts-expect-error no such procedure, not even unchecked
  void mutateUnchecked(api, 'orders.noSuchProcedure', {});
  // @ts-expect-error a mutation is not a query
  void query(api, 'orders.ship', { id, version: 1, carrier: 'dpd', trackingNumber: '01234567890123' });
  // @ts-expect-error a query is not a mutation
  void mutate(api, 'orders.get', { id });
  // @ts-expect-error a query is not a mutation, not even unchecked
  void mutateUnchecked(api, 'orders.get', { id });
  // @ts-expect-error a mutation is not a query, not even unchecked
  void queryUnchecked(api, 'profile.update', { displayName: 'Name' });
  // @ts-expect-error the input's field has the wrong type
  void mutate(api, 'profile.update', { displayName: 42 });
  // @ts-expect-error a required input left out
  void query(api, 'orders.get');
  // @ts-expect-error a field the input does not have
  void query(api, 'orders.get', { id, orderId: id });
  // @ts-expect-error a value outside the input's enum
  void mutate(api, 'queues.decide', { id, version: 1, decision: 'maybe' });
}

it('types every call from AppRouter: paths by kind, inputs and outputs', () => {
  expectTypeOf(refusedByTheTypeCheck).toBeFunction();
  // Accepted: the procedure's own input; none (or `undefined` before options) where it takes none.
  expectTypeOf(query<'orders.get'>).parameter(2).toEqualTypeOf<InputOf<'orders.get'>>();
  expectTypeOf<InputOf<'orders.get'>>().toEqualTypeOf<{ id: string }>();
  expectTypeOf(query<'auth.me'>).toBeCallableWith(api, 'auth.me');
  expectTypeOf(query<'auth.me'>).toBeCallableWith(api, 'auth.me', undefined, { cookie: 'sid=x' });
  // The answer: the procedure's output, Dates as Dates (superjson), inside the harness's result.
  expectTypeOf(query<'orders.get'>).returns.resolves.toEqualTypeOf<CallResult<OutputOf<'orders.get'>>>();
  expectTypeOf<CallResult<OutputOf<'orders.get'>>['data']>().toEqualTypeOf<OutputOf<'orders.get'> | undefined>();
  expectTypeOf<OutputOf<'orders.get'>>().toHaveProperty('version').toEqualTypeOf<number>();
  expectTypeOf<OutputOf<'submissions.get'>>().toHaveProperty('updatedAt').toEqualTypeOf<Date>();
  // One decision path answers per queue, told apart by `queue`, each with its subject's new state.
  expectTypeOf<Extract<OutputOf<'queues.decide'>, { queue: 'submissions' }>>().toHaveProperty('submission').toHaveProperty('state').toBeString();
  expectTypeOf<Extract<OutputOf<'queues.decide'>, { queue: 'listings' }>>().toHaveProperty('listing').toHaveProperty('version').toEqualTypeOf<number>();
  expectTypeOf<Extract<OutputOf<'queues.decide'>, { queue: 'kyc' }>>().toHaveProperty('check').toHaveProperty('state').toBeString();
  // The escape hatch: any input, an answer of unknown shape.
  expectTypeOf(mutateUnchecked).parameter(2).toBeUnknown();
  expectTypeOf(mutateUnchecked).returns.resolves.toEqualTypeOf<CallResult>();
});
