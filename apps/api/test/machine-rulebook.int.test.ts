// The machine is the rulebook (issue 18, point 4): an order's read model offers each viewer the
// actions the order machine allows them under the grant table, and the API then accepts exactly
// those and refuses the rest — for the buyer, the seller and staff, in every state people act in.
// Editing the grant table through the roles admin procedures moves both together: the offer and
// the API's answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission, Scope } from '@marketdesk/domain';
import { createCategory, type Person } from './catalog-fixtures.js';
import { client, registerUser, type OutputOf, type RunningApi } from './harness.js';
import { buyWithTestCard, startApiWithPayments } from './payments-harness.js';

type Order = OutputOf<'orders.get'>;
type Command = Order['actions'][number]['command'];

let env: Awaited<ReturnType<typeof startApiWithPayments>>;
let api: RunningApi;
let seller: Person;
let admin: Person;
let agent: Person;
let categoryId: string;

beforeAll(async () => {
  env = await startApiWithPayments();
  api = env.api;
  [seller, admin, agent] = await Promise.all([registerUser(api, { roles: ['seller', 'buyer'] }), registerUser(api, { roles: ['admin'] }), registerUser(api, { roles: ['agent'] })]);
  categoryId = (await createCategory(api)).id;
});
afterAll(async () => env?.close());

const view = async (id: string, who: Person) => {
  const res = await client(api).orders.get.query({ id }, { cookie: who.cookie });
  if (!res.data) throw new Error(`orders.get failed: ${JSON.stringify(res.error)}`);
  return res.data;
};

/** Each order command people send, through the procedure the apps call for it. */
function send(command: Command, order: Order, who: Person) {
  const target = { id: order.id, version: order.version };
  const as = { cookie: who.cookie };
  switch (command) {
    case 'ship':
      return client(api).orders.ship.mutate({ ...target, carrier: 'dpd', trackingNumber: '01234567890123' }, as);
    case 'mark_delivered':
      return client(api).orders.markDelivered.mutate(target, as);
    case 'confirm_receipt':
      return client(api).orders.confirmReceipt.mutate(target, as);
    case 'cancel':
      return client(api).orders.cancel.mutate({ ...target, reason: 'Checking the rulebook' }, as);
    case 'open_dispute':
      return client(api).disputes.open.mutate({ orderId: order.id, version: order.version, reason: 'damaged', description: 'The sleeve arrived torn in half.', files: [] }, as);
  }
}
const commands: Command[] = ['ship', 'mark_delivered', 'confirm_receipt', 'cancel', 'open_dispute'];

/** A fresh order of the seller's, bought by `buyer` and moved by the seller to `state`. */
async function orderIn(state: 'paid' | 'shipped' | 'delivered', buyer: Person): Promise<Order> {
  let order = (await buyWithTestCard(api, { buyer, seller, reviewer: admin }, { categoryId })).order;
  for (const step of (['ship', 'mark_delivered'] as const).slice(0, ['paid', 'shipped', 'delivered'].indexOf(state))) {
    const moved = await send(step, order, seller);
    if (moved.error) throw new Error(`${step} failed: ${JSON.stringify(moved.error)}`);
    order = await view(order.id, seller);
  }
  expect(order.state).toBe(state);
  return order;
}

/** The built-in role's grants from the roles admin, edited and saved on the version seen. */
async function editGrant(role: string, permission: Permission, scope: Scope | null) {
  const current = (await client(api).roles.list.query(undefined, { cookie: admin.cookie })).data!.roles.find((r) => r.name === role)!;
  const grants = { ...(current.grants as Partial<Record<Permission, Scope>>) };
  if (scope) grants[permission] = scope;
  else delete grants[permission];
  const saved = await client(api).roles.update.mutate({ name: role, version: current.version, grants }, { cookie: admin.cookie });
  expect(saved.error).toBeUndefined();
}

describe('the order read model offers exactly what the API accepts', () => {
  // What each viewer is offered, state by state: the expectation the API's behaviour is checked against.
  const cases = [
    { state: 'paid', viewer: 'buyer', offered: ['cancel'] },
    { state: 'paid', viewer: 'seller', offered: ['ship', 'cancel'] },
    { state: 'paid', viewer: 'staff', offered: ['cancel'] },
    { state: 'shipped', viewer: 'buyer', offered: ['mark_delivered', 'open_dispute'] },
    { state: 'shipped', viewer: 'seller', offered: ['mark_delivered'] },
    { state: 'shipped', viewer: 'staff', offered: ['mark_delivered'] },
    { state: 'delivered', viewer: 'buyer', offered: ['confirm_receipt', 'open_dispute'] },
    { state: 'delivered', viewer: 'seller', offered: [] },
    { state: 'delivered', viewer: 'staff', offered: [] },
  ] as const;

  it.each(cases)('$state order, $viewer: offered $offered, and the API agrees command by command', async ({ state, viewer, offered }) => {
    const buyer = await registerUser(api);
    const who = { buyer, seller, staff: agent }[viewer];
    const order = await orderIn(state, buyer);
    const actions = (await view(order.id, who)).actions;
    expect(actions.map((a) => a.command)).toEqual(offered);
    for (const a of actions) expect(a.label).toMatch(/^[A-Z]/);

    // Everything not offered is refused, and leaves the order as it was.
    for (const command of commands.filter((c) => !(offered as readonly Command[]).includes(c))) {
      const refused = await send(command, order, who);
      expect(refused.error?.data.code, `${viewer} ${command} on a ${state} order`).toMatch(/^(FORBIDDEN|CONFLICT|NOT_FOUND)$/);
      expect((await view(order.id, seller)).version, `${viewer} ${command} changed the order`).toBe(order.version);
    }
    // Everything offered is accepted, each on its own fresh order in the same state.
    for (const command of offered) {
      const fresh = command === offered[0] ? order : await orderIn(state, buyer);
      const accepted = await send(command, fresh, who);
      expect(accepted.error, `${viewer} ${command} on a ${state} order`).toBeUndefined();
      expect((await view(fresh.id, seller)).version).toBeGreaterThan(fresh.version);
    }
  });

  it('labels states and actions from the machine', async () => {
    const buyer = await registerUser(api);
    const order = await orderIn('paid', buyer);
    expect(await view(order.id, seller)).toMatchObject({ state: 'paid', stateLabel: 'Paid', actions: [{ command: 'ship', label: 'Ship' }, { command: 'cancel', label: 'Cancel' }] });
    const mine = (await client(api).orders.mine.query(undefined, { cookie: buyer.cookie })).data!;
    expect(mine.find((o) => o.id === order.id)?.stateLabel).toBe('Paid');
  });
});

describe('an edited grant table moves the offer and the API together', () => {
  it('takes cancelling from sellers when their orders.cancel grant is removed, and gives it back', async () => {
    const buyer = await registerUser(api);
    const order = await orderIn('paid', buyer);
    expect((await view(order.id, seller)).actions.map((a) => a.command)).toEqual(['ship', 'cancel']);

    await editGrant('seller', 'orders.cancel', null);
    expect((await view(order.id, seller)).actions.map((a) => a.command)).toEqual(['ship']);
    const refused = await send('cancel', order, seller);
    expect(refused.error?.data.code).toBe('FORBIDDEN');
    // The buyer's own grant is untouched.
    expect((await view(order.id, buyer)).actions.map((a) => a.command)).toEqual(['cancel']);

    await editGrant('seller', 'orders.cancel', 'own');
    expect((await view(order.id, seller)).actions.map((a) => a.command)).toEqual(['ship', 'cancel']);
    expect((await send('cancel', order, seller)).error).toBeUndefined();
    expect((await view(order.id, seller)).state).toBe('cancelled');
  });

  it('lets agents ship once their role is granted orders.ship, and stops them when it is taken back', async () => {
    const buyer = await registerUser(api);
    const order = await orderIn('paid', buyer);
    expect((await view(order.id, agent)).actions.map((a) => a.command)).toEqual(['cancel']);
    expect((await send('ship', order, agent)).error?.data.code).toBe('FORBIDDEN');

    await editGrant('agent', 'orders.ship', 'any');
    expect((await view(order.id, agent)).actions.map((a) => a.command)).toEqual(['ship', 'cancel']);
    expect((await send('ship', order, agent)).error).toBeUndefined();
    expect((await view(order.id, agent)).state).toBe('shipped');

    await editGrant('agent', 'orders.ship', null);
    const next = await orderIn('paid', buyer);
    expect((await view(next.id, agent)).actions.map((a) => a.command)).toEqual(['cancel']);
    expect((await send('ship', next, agent)).error?.data.code).toBe('FORBIDDEN');
  });

  it('stops staff marking parcels delivered when orders.cancel leaves the agent role (a grant the machine used to ignore)', async () => {
    const buyer = await registerUser(api);
    const order = await orderIn('shipped', buyer);
    expect((await view(order.id, agent)).actions.map((a) => a.command)).toEqual(['mark_delivered']);

    await editGrant('agent', 'orders.cancel', null);
    try {
      expect((await view(order.id, agent)).actions).toEqual([]);
      expect((await send('mark_delivered', order, agent)).error?.data.code).toBe('FORBIDDEN');
    } finally {
      await editGrant('agent', 'orders.cancel', 'any');
    }
    expect((await view(order.id, agent)).actions.map((a) => a.command)).toEqual(['mark_delivered']);
  });
});
