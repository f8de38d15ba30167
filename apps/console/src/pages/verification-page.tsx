// The seller's identity verification (KYC): where it stands in the seller's words, live (a
// reviewer's question or decision arrives on the seller's room), and the steps the API offers now
// (`actions`, labelled by the KYC machine): the form to submit a check (or start again after a
// rejection), and the answer to a question. Until verified, publishing and withdrawing are refused.
import { Alert, Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { kycSellerWording } from '@marketdesk/domain';
import { ErrorState, formatDateTime, LoadingState, PageHeader } from '@marketdesk/ui';
import { useRoom } from '@marketdesk/ui/app';
import { type FormEvent, useState } from 'react';
import { useMe } from '../features/auth/use-session';
import { formLevelError, serverFieldError } from '../features/forms/server-errors';
import { KycDocumentsInput, type PickedDocument } from '../features/kyc/kyc-documents-input';
import { useLiveRefetch } from '../features/live/use-live-refetch';
import { trpc, type RouterOutputs } from '../trpc';

type Verification = RouterOutputs['kyc']['mine'];

/** Badge colours of a verification's states on the seller's page (the words are the domain's kycSellerWording). */
const stateColors: Record<Verification['state'], string> = { not_started: 'gray', submitted: 'blue', in_review: 'blue', needs_info: 'yellow', approved: 'green', rejected: 'red' };

const fields = ['businessType', 'legalName', 'country', 'registrationNumber', 'taxId', 'addressLine1', 'city', 'postalCode', 'dateOfBirth', 'documents'];

const emptyForm = { businessType: 'individual' as 'individual' | 'company', legalName: '', country: 'DE', registrationNumber: '', taxId: '', addressLine1: '', city: '', postalCode: '', dateOfBirth: '' };

function SubmitForm({ label, onDone }: { label: string; onDone: () => void }) {
  const [form, setForm] = useState(emptyForm);
  const [documents, setDocuments] = useState<PickedDocument[]>([]);
  const submit = trpc.kyc.submit.useMutation({
    onSuccess: () => {
      notifications.show({ color: 'green', title: 'Verification sent', message: 'Our team will review it shortly.' });
      onDone();
    },
  });
  const err = (field: string) => serverFieldError(submit.error, field);
  const set = (k: keyof typeof emptyForm) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [k]: value }));
  };
  const company = form.businessType === 'company';
  const send = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate({
      businessType: form.businessType,
      legalName: form.legalName,
      country: form.country,
      addressLine1: form.addressLine1,
      city: form.city,
      postalCode: form.postalCode,
      ...(form.taxId ? { taxId: form.taxId } : {}),
      ...(company ? { registrationNumber: form.registrationNumber } : { dateOfBirth: form.dateOfBirth }),
      documents: documents.map((d) => ({ kind: d.kind, uploadId: d.uploadId })),
    });
  };
  return (
    <Card withBorder component="form" onSubmit={send} noValidate aria-label="Verification form">
      <Stack>
        <SegmentedControl value={form.businessType} onChange={(v) => setForm((f) => ({ ...f, businessType: v as 'individual' | 'company' }))} data={[{ value: 'individual', label: 'I sell as a person' }, { value: 'company', label: 'I sell as a company' }]} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={company ? 'Company name (as registered)' : 'Full legal name'} required value={form.legalName} onChange={set('legalName')} error={err('legalName')} />
          {company ? (
            <TextInput label="Registration number" required value={form.registrationNumber} onChange={set('registrationNumber')} error={err('registrationNumber')} />
          ) : (
            <TextInput label="Date of birth" type="date" required value={form.dateOfBirth} onChange={set('dateOfBirth')} error={err('dateOfBirth')} />
          )}
          <TextInput label="Street address" required value={form.addressLine1} onChange={set('addressLine1')} error={err('addressLine1')} />
          <TextInput label="City" required value={form.city} onChange={set('city')} error={err('city')} />
          <TextInput label="Postal code" required value={form.postalCode} onChange={set('postalCode')} error={err('postalCode')} />
          <TextInput label="Country (two letters)" required maxLength={2} value={form.country} onChange={set('country')} error={err('country')} />
          <TextInput label="Tax id (optional)" value={form.taxId} onChange={set('taxId')} error={err('taxId')} />
        </SimpleGrid>
        <KycDocumentsInput kinds={company ? ['identity', 'business_registration', 'proof_of_address'] : ['identity', 'proof_of_address']} value={documents} onChange={setDocuments} error={err('documents')} />
        {formLevelError(submit.error, fields) && (
          <Alert color="red" role="alert">
            {formLevelError(submit.error, fields)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={submit.isPending}>
            {label}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function AnswerForm({ check, label, onDone }: { check: NonNullable<Verification['check']>; label: string; onDone: () => void }) {
  const [response, setResponse] = useState('');
  const [documents, setDocuments] = useState<PickedDocument[]>([]);
  const answer = trpc.kyc.provideInfo.useMutation({
    onSuccess: () => {
      notifications.show({ color: 'green', title: 'Answer sent', message: 'Your verification is back with our team.' });
      onDone();
    },
  });
  return (
    <Card withBorder component="form" aria-label="Answer the reviewer" onSubmit={(e) => { e.preventDefault(); answer.mutate({ kycId: check.id, version: check.version, response, documents: documents.map((d) => ({ kind: d.kind, uploadId: d.uploadId })) }); }}>
      <Stack>
        <Alert color="yellow" title="Our team asks">
          {check.infoRequest}
          {check.infoDueAt && <Text size="xs" mt={4}>Please answer by {formatDateTime(check.infoDueAt)}, or the verification closes.</Text>}
        </Alert>
        <Textarea label="Your answer" required autosize minRows={3} maxLength={2000} value={response} onChange={(e) => setResponse(e.currentTarget.value)} error={serverFieldError(answer.error, 'response')} />
        <KycDocumentsInput kinds={['identity', 'proof_of_address', 'business_registration']} value={documents} onChange={setDocuments} />
        {answer.error && <Alert color="red" role="alert">{answer.error.message}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={answer.isPending}>
            {label}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function VerificationPage() {
  const me = useMe();
  const mine = trpc.kyc.mine.useQuery();
  useRoom(me.data ? `seller:${me.data.id}` : null);
  useLiveRefetch((event) => event.name.startsWith('kyc.'), mine);
  const refetch = () => void mine.refetch();
  let body;
  if (mine.isPending) body = <LoadingState label="Loading your verification…" />;
  else if (mine.isError) body = <ErrorState title="Could not load your verification" error={mine.error} onRetry={refetch} />;
  else {
    const v = mine.data;
    const copy = kycSellerWording[v.state];
    const submit = v.actions.find((a) => a.command === 'submit');
    const resubmit = v.actions.find((a) => a.command === 'resubmit');
    body = (
      <Stack>
        <Card withBorder aria-label="Verification status">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4} maw={640}>
              <Text size="sm">{copy.text}</Text>
              {v.check?.rejection && v.state === 'rejected' && (
                <Text size="sm" c="red">
                  Reason: {v.check.rejection.text}
                </Text>
              )}
              {v.check && (
                <Text size="xs" c="dimmed">
                  {v.check.legalName} · submitted {formatDateTime(v.check.submittedAt)} · {v.check.documents.length} document{v.check.documents.length === 1 ? '' : 's'}
                </Text>
              )}
            </Stack>
            <Badge size="lg" variant="light" color={stateColors[v.state]} tt="none">
              {copy.label}
            </Badge>
          </Group>
        </Card>
        {submit && <SubmitForm label={submit.label} onDone={refetch} />}
        {resubmit && v.check && <AnswerForm check={v.check} label={resubmit.label} onDone={refetch} />}
      </Stack>
    );
  }
  return (
    <>
      <PageHeader title="Verification" description="Identity verification (KYC) for selling on Marketdesk." />
      {body}
    </>
  );
}
