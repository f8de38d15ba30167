// The machine is the rulebook (issue 18, point 4) for submissions and KYC: the seller's read models
// (submissions.get / mine, kyc.mine) offer exactly the answers the API then accepts, and the API
// refuses every other — in each state a seller acts in, an offer past its time whose timer has not
// run yet and one with no counter-offers left included. Staff are offered nothing there: they
// decide on the queue row (queues.decide).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_COUNTER_ROUNDS, type QueueDecision } from '@marketdesk/domain';
import { createCategory } from './catalog-fixtures.js';
import { client, allowedOrigin, registerUser, startApi, type InputOf, type OutputOf, type RunningApi } from './harness.js';

type Person = Awaited<ReturnType<typeof registerUser>>;
type Submission = OutputOf<'submissions.get'>;
type SubmissionCommand = Submission['actions'][number]['command'];
type KycCommand = OutputOf<'kyc.mine'>['actions'][number]['command'];

let api: RunningApi;
/** Quotes open for 1.2 s and no worker: an offer outlives its time before any timer runs. */
let brief: RunningApi;
let seller: Person;
let admin: Person;

// Records of this file's own: accepted submissions list them in the house shop, and their prices
// would become the reference prices other suites' quotes are checked against.
const tag = Math.random().toString(36).slice(2, 8);
const records: InputOf<'submissions.create'>['items'] = [
  { artist: `Rulebook Quartet ${tag}`, title: 'Offers and Answers', format: 'lp', grade: 'NM', askingMinor: 4000 },
  { artist: `Rulebook Trio ${tag}`, title: 'Counter Rounds', format: 'lp', grade: 'VG+', askingMinor: 3000 },
];

beforeAll(async () => {
  [api, brief] = await Promise.all([startApi(), startApi({ QUOTE_VALID_MINUTES: '0.02' })]);
  await createCategory(api, 'Vinyl');
  [seller, admin] = await Promise.all([registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Rita Rulebook' }), registerUser(api, { roles: ['admin'], displayName: 'Dana Admin' })]);
});
afterAll(async () => {
  await Promise.all([api?.close(), brief?.close()]);
});

describe('submissions: the seller is offered exactly what submissions.respond and provideInfo accept', () => {
  const get = async (id: string, who: Person, on = api): Promise<Submission> => {
    const res = await client(on).submissions.get.query({ id }, { cookie: who.cookie });
    if (!res.data) throw new Error(`submissions.get failed: ${JSON.stringify(res.error)}`);
    return res.data;
  };
  async function decide(id: string, decision: QueueDecision, on = api) {
    const row = (await get(id, admin, on)).queueItem!;
    const res = await client(on).queues.decide.mutate({ ...decision, id: row.id, version: row.version }, { cookie: admin.cookie });
    if (res.error) throw new Error(`queues.decide failed: ${JSON.stringify(res.error)}`);
  }
  /** The seller asks 1 € more per record than the offer on the table. */
  const sellerCounter = async (s: Submission, on = api) => {
    const items = s.items.filter((i) => !i.declined).map((i) => ({ itemId: i.id, counterMinor: i.offerMinor + 100 }));
    const res = await client(on).submissions.respond.mutate({ submissionId: s.id, version: s.version, response: 'counter', items }, { cookie: seller.cookie });
    if (res.error) throw new Error(`counter failed: ${JSON.stringify(res.error)}`);
  };
  /** Staff meet the seller halfway: 50 cents more per record, below the counter. */
  const staffRequote = (s: Submission, on = api) => decide(s.id, { decision: 'counter', items: s.items.filter((i) => !i.declined).map((i) => ({ itemId: i.id, offerMinor: i.offerMinor + 50 })) }, on);

  const states = {
    submitted: async () => undefined,
    'submitted, with a question': async (s: Submission) => decide(s.id, { decision: 'request_info', message: 'Is the inner sleeve original?' }),
    quoted: async (s: Submission) => decide(s.id, { decision: 'accept' }),
    countered: async (s: Submission) => {
      await decide(s.id, { decision: 'accept' });
      await sellerCounter(await get(s.id, seller));
    },
    'quoted, no counter-offers left': async (s: Submission) => {
      await decide(s.id, { decision: 'accept' });
      for (let round = 0; round < MAX_COUNTER_ROUNDS; round++) {
        await sellerCounter(await get(s.id, seller));
        await staffRequote(await get(s.id, admin));
      }
    },
    accepted: async (s: Submission) => {
      await decide(s.id, { decision: 'accept' });
      const quoted = await get(s.id, seller);
      await client(api).submissions.respond.mutate({ submissionId: s.id, version: quoted.version, response: 'accept' }, { cookie: seller.cookie });
    },
    rejected: async (s: Submission) => decide(s.id, { decision: 'reject', reason: 'condition', note: '' }),
    withdrawn: async (s: Submission) => {
      await client(api).submissions.respond.mutate({ submissionId: s.id, version: s.version, response: 'decline' }, { cookie: seller.cookie });
    },
  } satisfies Record<string, (s: Submission) => Promise<unknown>>;

  /** The machine state each setup reaches (a setup that silently failed would test the wrong state). */
  const reached: Record<keyof typeof states, Submission['state']> = {
    submitted: 'submitted',
    'submitted, with a question': 'submitted',
    quoted: 'quoted',
    countered: 'countered',
    'quoted, no counter-offers left': 'quoted',
    accepted: 'accepted',
    rejected: 'rejected',
    withdrawn: 'withdrawn',
  };

  const expected: Record<keyof typeof states, SubmissionCommand[]> = {
    submitted: ['withdraw'],
    'submitted, with a question': ['withdraw', 'provide_info'],
    quoted: ['accept', 'counter', 'withdraw'],
    countered: ['withdraw'],
    'quoted, no counter-offers left': ['accept', 'withdraw'],
    accepted: [],
    rejected: [],
    withdrawn: [],
  };

  /** A fresh submission of the seller's, moved to `state`, as the seller reads it. */
  async function submissionIn(state: keyof typeof states, on = api): Promise<Submission> {
    const created = await client(on).submissions.create.mutate({ items: records, note: 'Rulebook' }, { cookie: seller.cookie });
    if (!created.data) throw new Error(`submissions.create failed: ${JSON.stringify(created.error)}`);
    await states[state](await get(created.data.id, seller, on));
    return get(created.data.id, seller, on);
  }

  /** Each seller answer, through the procedure the console calls for it. */
  function send(command: SubmissionCommand, s: Submission, on = api) {
    const as = { cookie: seller.cookie };
    const target = { submissionId: s.id, version: s.version };
    switch (command) {
      case 'accept':
        return client(on).submissions.respond.mutate({ ...target, response: 'accept' }, as);
      case 'counter':
        return client(on).submissions.respond.mutate({ ...target, response: 'counter', items: s.items.filter((i) => !i.declined).map((i) => ({ itemId: i.id, counterMinor: i.offerMinor + 100 })) }, as);
      case 'withdraw':
        return client(on).submissions.respond.mutate({ ...target, response: 'decline' }, as);
      case 'provide_info':
        return client(on).submissions.provideInfo.mutate({ submissionId: s.id, message: 'Yes, with the lyrics insert.' }, as);
    }
  }
  const commands: SubmissionCommand[] = ['accept', 'counter', 'withdraw', 'provide_info'];

  for (const state of Object.keys(states) as (keyof typeof states)[]) {
    it(`${state}: offers ${expected[state].join(', ') || 'nothing'}, and the API agrees command by command`, async () => {
      const seen = await submissionIn(state);
      expect(seen.state).toBe(reached[state]);
      expect(seen.actions.map((a) => a.command)).toEqual(expected[state]);
      // The list shows the same answers as the submission's page.
      const listed = (await client(api).submissions.mine.query({ limit: 100 }, { cookie: seller.cookie })).data!.find((x) => x.id === seen.id)!;
      expect(listed.actions).toEqual(seen.actions);
      for (const command of commands) {
        // Each command on its own fresh submission in this state: an accepted one moves it on.
        const s = command === commands[0] ? seen : await submissionIn(state);
        const res = await send(command, s);
        const offered = s.actions.some((a) => a.command === command);
        expect({ command, accepted: res.error === undefined, error: res.error?.message }).toMatchObject({ command, accepted: offered });
      }
    });
  }

  it('labels the answers by the machine, and the seller reads the machine state label beside them', async () => {
    const s = await submissionIn('quoted');
    expect(s.actions).toEqual([
      { command: 'accept', label: 'Accept' },
      { command: 'counter', label: 'Counter' },
      { command: 'withdraw', label: 'Withdraw' },
    ]);
    expect(s.stateLabel).toBe('Quoted');
  });

  it('stops offering accept and counter once the offer is past its time, before its timer has run', async () => {
    const created = await client(brief).submissions.create.mutate({ items: records, note: 'Brief' }, { cookie: seller.cookie });
    await decide(created.data!.id, { decision: 'accept' }, brief);
    expect((await get(created.data!.id, seller, brief)).actions.map((a) => a.command)).toEqual(['accept', 'counter', 'withdraw']);
    await new Promise((r) => setTimeout(r, 1_500));
    const late = await get(created.data!.id, seller, brief);
    expect(late).toMatchObject({ state: 'quoted' });
    expect(late.actions.map((a) => a.command)).toEqual(['withdraw']);
    expect((await send('accept', late, brief)).error?.data.code).toBe('CONFLICT');
    expect((await send('counter', late, brief)).error?.data.code).toBe('CONFLICT');
    expect((await send('withdraw', late, brief)).data).toMatchObject({ state: 'withdrawn' });
  });

  it('offers staff nothing: their decisions are queues.decide on the row', async () => {
    const s = await submissionIn('countered');
    expect((await get(s.id, admin)).actions).toEqual([]);
  });
});

describe('KYC: the seller is offered exactly what kyc.submit and kyc.provideInfo accept', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  async function uploadId(who: Person): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([pdf]), 'passport.pdf');
    const res = await fetch(`${api.baseUrl}/uploads/kyc-documents`, { method: 'POST', headers: { cookie: who.cookie, origin: allowedOrigin }, body: form });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  const details = { businessType: 'individual', legalName: 'Kim Example', country: 'de', addressLine1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', dateOfBirth: '1990-02-03' } satisfies Omit<InputOf<'kyc.submit'>, 'documents'>;
  const mine = async (who: Person) => (await client(api).kyc.mine.query(undefined, { cookie: who.cookie })).data!;
  async function decide(who: Person, decision: QueueDecision) {
    const row = (await client(api).kyc.get.query({ id: (await mine(who)).check!.id }, { cookie: admin.cookie })).data!.queueItem!;
    const res = await client(api).queues.decide.mutate({ ...decision, id: row.id, version: row.version }, { cookie: admin.cookie });
    if (res.error) throw new Error(`queues.decide failed: ${JSON.stringify(res.error)}`);
  }
  const submit = async (who: Person) => client(api).kyc.submit.mutate({ ...details, documents: [{ kind: 'identity', uploadId: await uploadId(who) }] }, { cookie: who.cookie });

  const states = {
    'no check yet': async () => undefined,
    submitted: async (who: Person) => submit(who),
    'needs information': async (who: Person) => {
      await submit(who);
      await decide(who, { decision: 'request_info', message: 'Please add a proof of address.' });
    },
    approved: async (who: Person) => {
      await submit(who);
      await decide(who, { decision: 'accept' });
    },
    rejected: async (who: Person) => {
      await submit(who);
      await decide(who, { decision: 'reject', reason: 'expired', note: 'Passport expired in 2019.' });
    },
  } satisfies Record<string, (who: Person) => Promise<unknown>>;
  const reached: Record<keyof typeof states, OutputOf<'kyc.mine'>['state']> = { 'no check yet': 'not_started', submitted: 'submitted', 'needs information': 'needs_info', approved: 'approved', rejected: 'rejected' };
  const expected: Record<keyof typeof states, OutputOf<'kyc.mine'>['actions']> = {
    'no check yet': [{ command: 'submit', label: 'Submit' }],
    submitted: [],
    'needs information': [{ command: 'resubmit', label: 'Resubmit' }],
    approved: [],
    rejected: [{ command: 'submit', label: 'Submit' }],
  };

  async function sellerIn(state: keyof typeof states): Promise<Person> {
    const who = await registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Kim Seller', verified: false });
    await states[state](who);
    return who;
  }
  async function send(command: KycCommand, who: Person) {
    if (command === 'submit') return submit(who);
    const check = (await mine(who)).check;
    return client(api).kyc.provideInfo.mutate({ kycId: check?.id ?? '00000000-0000-4000-8000-000000000000', version: check?.version ?? 1, response: 'Attached a utility bill.', documents: [{ kind: 'proof_of_address', uploadId: await uploadId(who) }] }, { cookie: who.cookie });
  }

  for (const state of Object.keys(states) as (keyof typeof states)[]) {
    it(`${state}: offers ${expected[state].map((a) => a.command).join(', ') || 'nothing'}, and the API agrees`, async () => {
      const seen = await mine(await sellerIn(state));
      expect(seen.state).toBe(reached[state]);
      expect(seen.actions).toEqual(expected[state]);
      for (const command of ['submit', 'resubmit'] as const) {
        const who = await sellerIn(state);
        const offered = (await mine(who)).actions.some((a) => a.command === command);
        const res = await send(command, who);
        expect({ command, accepted: res.error === undefined, error: res.error?.message }).toMatchObject({ command, accepted: offered });
      }
    });
  }

  it('offers reviewers nothing on the check they read: they decide on queues.decide', async () => {
    const who = await sellerIn('submitted');
    const check = (await client(api).kyc.get.query({ id: (await mine(who)).check!.id }, { cookie: admin.cookie })).data!;
    expect(check).toMatchObject({ stateLabel: 'Submitted', actions: [] });
  });
});
