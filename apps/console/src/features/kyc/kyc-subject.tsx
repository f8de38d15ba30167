// One identity check in the KYC drawer: who the seller says they are, where, and their documents
// (opened from the private file route; each view is logged on the server).
import { Alert, Anchor, Badge, Blockquote, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorState, formatDateTime, LoadingState } from '@marketdesk/ui';
import { trpc } from '../../trpc';
import type { QueueRow } from '../queues/queue-rows';
import { useFollowRow } from '../queues/use-follow-row';

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Table.Tr>
      <Table.Th w={170} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{value || '—'}</Table.Td>
    </Table.Tr>
  );
}

export function KycSubject({ row }: { row: QueueRow }) {
  const check = trpc.kyc.get.useQuery({ id: row.subjectId });
  useFollowRow(row, check.refetch);
  if (check.isPending) return <LoadingState label="Loading the verification…" />;
  if (check.isError) return <ErrorState title="Could not load the verification" error={check.error} onRetry={() => void check.refetch()} />;
  const k = check.data;
  return (
    <Stack gap="sm" aria-label="Verification under review">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {k.legalName}
        </Title>
        <Badge variant="light" tt="none">
          {k.businessType === 'company' ? 'Company' : 'Individual'}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        Seller account {k.seller.name} · submitted {formatDateTime(k.submittedAt)}
      </Text>
      {k.piiMasked && (
        <Alert variant="light" color="gray" title="Personal details are masked">
          Claim this check to see the seller&apos;s identity and documents.
        </Alert>
      )}
      <Table withRowBorders={false} verticalSpacing={4} aria-label="Declared details">
        <Table.Tbody>
          {k.businessType === 'company' ? <Field label="Registration number" value={k.registrationNumber} /> : <Field label="Date of birth" value={k.dateOfBirth} />}
          <Field label="Tax id" value={k.taxId} />
          <Field label="Address" value={`${k.address.line1}, ${k.address.postalCode} ${k.address.city}, ${k.address.country}`} />
        </Table.Tbody>
      </Table>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          Documents
        </Text>
        {k.documents.length === 0 ? (
          <Text size="sm" c="dimmed">
            No documents attached.
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {k.documents.map((d) => (
              <List.Item key={d.id}>
                {d.url ? (
                  <Anchor href={d.url} target="_blank" rel="noreferrer">
                    {d.label}
                  </Anchor>
                ) : (
                  <Text span size="sm">
                    {d.label}
                  </Text>
                )}{' '}
                <Text span size="xs" c="dimmed">
                  ({d.contentType === 'application/pdf' ? 'PDF' : 'image'}, {formatDateTime(d.uploadedAt)})
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      {k.infoRequest && (
        <Blockquote color="cyan" p="sm" cite={k.infoResponse ? '— asked, and the seller answered:' : '— waiting for the seller'}>
          <Text size="sm">{k.infoRequest}</Text>
          {k.infoResponse && (
            <Text size="sm" mt={6} fw={500}>
              {k.infoResponse}
            </Text>
          )}
        </Blockquote>
      )}
      {k.rejection && (
        <Text size="sm" c="red">
          Rejected: {k.rejection.text}
        </Text>
      )}
    </Stack>
  );
}
