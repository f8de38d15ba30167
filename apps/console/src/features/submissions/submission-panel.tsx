// The submission inside the queue drawer: every record with artist, title, format, grade, photos,
// asking price and the indicative quote (and the current offer or the seller's counter), the
// seller's note and any info request, and the decisions staff can take on it.
import { Alert, Badge, Button, Group, Image, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { queueOpenStates, queueWaitingStates } from '@marketdesk/domain';
import { formatDateTime, formatMoney } from '@marketdesk/ui';
import type { QueueRow } from '../queues/queue-rows';
import type { DecisionKind, StaffSubmission } from './submission-decisions';
import { formatLabels, photoThumbUrl } from './submission-format';

export interface SubmissionPanelProps {
  submission: StaffSubmission;
  row: QueueRow;
  /** Why decisions are unavailable right now (someone else has it, not claimed…), or null. */
  blocked: string | null;
  pending: boolean;
  onDecide: (kind: DecisionKind) => void;
}

export function SubmissionPanel({ submission: s, row, blocked, pending, onDecide }: SubmissionPanelProps) {
  const money = (amountMinor: number | null) => (amountMinor === null ? '—' : formatMoney({ amountMinor, currency: s.currency }));
  // Staff decide while the row waits for them (the domain's queue states; queues.decide holds the same).
  const decidable = queueOpenStates.submissions.includes(row.state);
  const disabled = !decidable || !!blocked || pending;
  const hint = !decidable ? (queueWaitingStates.submissions.includes(row.state) ? 'Waiting for the seller to answer the offer.' : 'This submission is decided.') : blocked;
  const button = (kind: DecisionKind, label: string, color?: string, variant = 'light') => (
    <Button size="sm" variant={variant} color={color} disabled={disabled} onClick={() => onDecide(kind)}>
      {label}
    </Button>
  );
  return (
    <Stack gap="md">
      <Group gap="lg">
        <div>
          <Text size="xs" c="dimmed">
            Indicative quote
          </Text>
          <Text fw={600}>{money(s.indicativeMinor)}</Text>
        </div>
        {s.quoteMinor !== null && (
          <div>
            <Text size="xs" c="dimmed">
              Our offer
            </Text>
            <Text fw={600}>{money(s.quoteMinor)}</Text>
          </div>
        )}
        {s.counterMinor !== null && (
          <div>
            <Text size="xs" c="dimmed">
              Seller counters
            </Text>
            <Text fw={600} c="grape">
              {money(s.counterMinor)}
            </Text>
          </div>
        )}
        {s.agreedMinor !== null && (
          <div>
            <Text size="xs" c="dimmed">
              Agreed
            </Text>
            <Text fw={600} c="green">
              {money(s.agreedMinor)}
            </Text>
          </div>
        )}
        {s.quoteExpiresAt && s.state === 'quoted' && (
          <div>
            <Text size="xs" c="dimmed">
              Offer open until
            </Text>
            <Text size="sm">{formatDateTime(s.quoteExpiresAt)}</Text>
          </div>
        )}
      </Group>

      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" aria-label="Records in this submission">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Record</Table.Th>
              <Table.Th>Grade</Table.Th>
              <Table.Th ta="right">Asking</Table.Th>
              <Table.Th ta="right">Quote</Table.Th>
              <Table.Th ta="right">Offer</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.items.map((i) => (
              <Table.Tr key={i.id} opacity={i.declined ? 0.6 : 1}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    {i.imageIds.slice(0, 3).map((imageId, n) => (
                      <Image key={imageId} src={photoThumbUrl(imageId)} alt={`${i.title}, photo ${n + 1}`} w={44} h={44} radius="sm" fit="cover" fallbackSrc="data:image/gif;base64,R0lGODlhAQABAAAAACw=" />
                    ))}
                    <div>
                      <Text size="sm" fw={500}>
                        {i.artist} – {i.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatLabels[i.format] ?? i.format}
                        {i.imageIds.length > 3 ? ` · ${i.imageIds.length} photos` : i.imageIds.length === 0 ? ' · no photos' : ''}
                        {i.referenceSource === 'market' ? ' · market price' : ''}
                      </Text>
                      {i.declined && (
                        <Badge size="xs" color="gray" variant="outline">
                          Below what we buy
                        </Badge>
                      )}
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" color="gray">
                    {i.grade}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{money(i.askingMinor)}</Table.Td>
                <Table.Td ta="right">{money(i.indicativeOfferMinor)}</Table.Td>
                <Table.Td ta="right">
                  {money(i.offerMinor)}
                  {i.counterMinor !== null && (
                    <Text size="xs" c="grape">
                      asks {money(i.counterMinor)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {s.note && (
        <Paper withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed">
            Seller’s note
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {s.note}
          </Text>
        </Paper>
      )}
      {s.infoRequest && (
        <Alert color={s.infoResponse ? 'teal' : 'blue'} title={s.infoResponse ? 'The seller answered' : 'Waiting for the seller’s answer'}>
          <Text size="sm">Asked: {s.infoRequest}</Text>
          {s.infoResponse && <Text size="sm">Answer: {s.infoResponse}</Text>}
        </Alert>
      )}
      {s.rejection && (
        <Alert color="red" title="Rejected">
          {s.rejection.label}
          {s.rejection.note ? `: ${s.rejection.note}` : ''}
        </Alert>
      )}

      <Stack gap={6}>
        <Title order={3} size="h5">
          Decision
        </Title>
        <Group gap="xs">
          {button('accept', 'Accept', 'green', 'filled')}
          {button('reject', 'Reject', 'red')}
          {button('counter', 'Counter-offer')}
          {button('info', 'Request info', undefined, 'default')}
        </Group>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
        {!hint && row.state === 'countered' && (
          <Text size="xs" c="dimmed">
            Accept takes the seller’s counter-offer; Counter-offer sends new prices back.
          </Text>
        )}
      </Stack>
    </Stack>
  );
}

