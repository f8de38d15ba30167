// A dispute as its buyer or seller sees it, on their order page (storefront and console alike):
// open one (when the order's actions offer it: its buyer, shipped or delivered), follow it live on
// the order's room, read the record, and add a statement with photos or PDFs — answering Support
// when it is their turn.
import { Alert, Badge, Button, FileButton, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { disputePartyStateLabels, type AnyLiveEvent, type DisputeState } from '@marketdesk/domain';
import { type FormEvent, useState } from 'react';
import { formatMoney } from '../format/money';
import { Timestamp } from '../Timestamp/Timestamp';
import { useLiveEvents } from './live';
import { documentAccept, uploadDocument } from './private-upload';
import { trpc, type RouterOutputs } from './trpc';

type PartyDispute = RouterOutputs['disputes']['forOrder'][number];

/** Badge colours of a dispute's states for its parties (the words are the domain's disputePartyStateLabels). */
const stateColors: Record<DisputeState, string> = {
  open: 'blue',
  awaiting_seller: 'yellow',
  awaiting_buyer: 'yellow',
  under_review: 'indigo',
  resolved_buyer: 'green',
  resolved_seller: 'gray',
  split: 'green',
  closed: 'gray',
};

/**
 * `required`: the person must write this (a description, an answer Support asked for). Adding to
 * the record otherwise is optional, so the field carries no required mark and Add waits for text.
 */
function EvidenceForm({ label, submitLabel, busy, error, onSubmit, required }: { label: string; submitLabel: string; busy: boolean; error: string | null; onSubmit: (body: string, files: string[]) => void; required: boolean }) {
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<{ id: string; name: string }[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const add = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      const up = await uploadDocument('/uploads/dispute-evidence', 'Evidence', file);
      setFiles((f) => [...f, { id: up.id, name: file.name }]);
    } catch (err) {
      setUploadError((err as Error).message);
    } finally {
      setUploading(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(body, files.map((f) => f.id));
  };
  return (
    <Stack gap="xs" component="form" onSubmit={submit}>
      <Textarea label={label} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={3} maxLength={5000} required={required} />
      <Group gap="xs">
        <FileButton accept={documentAccept} onChange={(f) => void add(f)}>
          {(props) => (
            <Button {...props} variant="default" size="xs" loading={uploading}>
              Add a photo or PDF
            </Button>
          )}
        </FileButton>
        {files.map((f) => (
          <Badge key={f.id} variant="light" tt="none">
            {f.name}
          </Badge>
        ))}
      </Group>
      {(uploadError || error) && (
        <Text size="sm" c="red" role="alert">
          {uploadError ?? error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button type="submit" loading={busy} disabled={uploading || (!required && !body.trim())}>
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}

const outcomeWords = { buyer: 'full refund', seller: 'no refund', split: 'partial refund' } as const;

/** The decision and Support's note to both parties, as the buyer or the seller reads it. */
function Resolution({ d, resolution: r }: { d: PartyDispute; resolution: NonNullable<PartyDispute['resolution']> }) {
  const amount = formatMoney({ amountMinor: r.buyerShareMinor, currency: d.currency });
  const toBuyer = d.you === 'buyer' ? `${amount} refunded to your card` : `${amount} refunded to the buyer’s card`;
  const what = r.outcome === 'seller' ? (d.you === 'seller' ? 'The payment goes to you.' : 'The payment goes to the seller.') : r.outcome === 'buyer' ? `${toBuyer}.` : `${toBuyer}; the rest goes to the seller.`;
  return (
    <Alert color={r.outcome === 'seller' ? 'gray' : 'green'} title={r.by === 'seller' ? 'The seller agreed to a full refund' : `Support’s decision: ${outcomeWords[r.outcome]}`}>
      <Stack gap={6}>
        <Text size="sm">
          {what}
          {r.resolvedAt && (
            <Text span size="xs" c="dimmed">
              {' '}
              · <Timestamp value={r.resolvedAt} />
            </Text>
          )}
        </Text>
        {r.note && (
          <Stack gap={2}>
            <Text size="xs" fw={600}>
              Note from Support
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {r.note}
            </Text>
          </Stack>
        )}
      </Stack>
    </Alert>
  );
}

function DisputeRecord({ d, onChanged }: { d: PartyDispute; onChanged: () => void }) {
  const add = trpc.disputes.evidence.useMutation({ onSuccess: onChanged });
  // The view's state is the dispute machine's (its type widens to string on the wire today).
  const state = d.state as DisputeState;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Dispute">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5">
            Dispute: {d.reasonLabel}
          </Title>
          <Badge color={stateColors[state] ?? 'gray'} variant="light" tt="none">
            {disputePartyStateLabels[state] ?? d.stateLabel}
          </Badge>
        </Group>
        {d.resolution && <Resolution d={d} resolution={d.resolution} />}
        {d.yourTurn && (
          <Alert color="yellow" title="Support is waiting for your answer">
            {d.deadline ? (
              <>
                Please answer by <Timestamp value={d.deadline} />; after that Support decides without it.
              </>
            ) : (
              'Please add your answer below.'
            )}
          </Alert>
        )}
        <Stack gap={6} aria-label="Dispute record">
          {d.evidence.map((e) => (
            <Paper key={e.id} bg="var(--mantine-color-default-hover)" p="xs" radius="sm">
              <Text size="xs" c="dimmed">
                {e.author} ({e.party === 'staff' ? 'Support' : e.party}) · <Timestamp value={e.createdAt} />
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {e.body}
              </Text>
              {e.files.length > 0 && (
                <Group gap="xs" mt={4}>
                  {e.files.map((f, n) => (
                    <a key={f.url} href={f.url} target="_blank" rel="noopener noreferrer">
                      <Text size="xs">{f.contentType === 'application/pdf' ? `PDF ${n + 1}` : `Photo ${n + 1}`}</Text>
                    </a>
                  ))}
                </Group>
              )}
            </Paper>
          ))}
        </Stack>
        {d.live && (
          <EvidenceForm
            label={d.yourTurn ? 'Your answer' : 'Add to the record'}
            submitLabel={d.yourTurn ? 'Send answer' : 'Add'}
            required={d.yourTurn}
            busy={add.isPending}
            error={add.error?.message ?? null}
            onSubmit={(body, files) => add.mutate({ disputeId: d.id, body, files })}
          />
        )}
      </Stack>
    </Paper>
  );
}

function OpenDispute({ order, label, onOpened }: { order: { id: string; version: number }; label: string; onOpened: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  // Submitting without a reason used to do nothing at all; now the select says what is missing.
  const [reasonMissing, setReasonMissing] = useState(false);
  const reasons = trpc.disputes.reasons.useQuery(undefined, { enabled: open, staleTime: Infinity });
  const start = trpc.disputes.open.useMutation({ onSuccess: onOpened });
  if (!open) {
    return (
      <Button variant="default" color="red" onClick={() => setOpen(true)}>
        Report a problem
      </Button>
    );
  }
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Report a problem">
      <Stack gap="sm">
        <Title order={2} size="h5">
          Report a problem with this order
        </Title>
        <Text size="sm" c="dimmed">
          The seller is told at once and Support steps in. The payment stays on hold until it is settled.
        </Text>
        <Select
          label="What went wrong?"
          placeholder={reasons.isPending ? 'Loading the reasons…' : 'Choose what went wrong'}
          data={(reasons.data ?? []).map((r) => ({ value: r.code, label: r.label }))}
          value={reason}
          onChange={(value) => {
            setReason(value);
            if (value) setReasonMissing(false);
          }}
          required
          error={reasonMissing ? 'Choose what went wrong' : undefined}
          comboboxProps={{ withinPortal: false }}
        />
        <EvidenceForm
          label="Describe the problem"
          submitLabel={label}
          required
          busy={start.isPending}
          error={start.error?.message ?? null}
          onSubmit={(description, files) => {
            setReasonMissing(!reason);
            if (reason) start.mutate({ orderId: order.id, version: order.version, reason: reason as never, description, files });
          }}
        />
      </Stack>
    </Paper>
  );
}

/**
 * The order's disputes for its buyer or seller, and the form to open one when the order's actions
 * (the API's answer from the order machine and the viewer's grants) offer it.
 */
export function OrderDisputes({ order, onChanged }: { order: { id: string; version: number; actions: readonly { command: string; label: string }[] }; onChanged: () => void }) {
  const list = trpc.disputes.forOrder.useQuery({ orderId: order.id });
  useLiveEvents((event: AnyLiveEvent) => {
    if (event.name.startsWith('dispute.') && (event.payload as { orderId?: string }).orderId === order.id) void list.refetch();
  });
  const refresh = () => {
    void list.refetch();
    onChanged();
  };
  if (!list.data) return null;
  const open = order.actions.find((a) => a.command === 'open_dispute');
  return (
    <Stack gap="md">
      {list.data.map((d) => (
        <DisputeRecord key={d.id} d={d} onChanged={refresh} />
      ))}
      {open && <OpenDispute order={order} label={open.label} onOpened={refresh} />}
    </Stack>
  );
}
