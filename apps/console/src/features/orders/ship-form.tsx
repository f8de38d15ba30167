// "Mark shipped": carrier, a tracking number checked live with the carrier's own format (the same
// rule the API applies), and an optional proof of shipment uploaded as soon as it is picked, so
// submitting only sends its id. Server refusals land on the field they are about.
import { Alert, Anchor, Button, FileInput, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { carriers } from '@marketdesk/domain';
import { type FormEvent, useState } from 'react';
import { carrierOptions, formatBytes, isCarrier, proofAccept, trackingFeedback, uploadShipmentProof, type UploadedProof } from './fulfillment';

export interface ShipInput {
  carrier: keyof typeof carriers;
  trackingNumber: string;
  proofId?: string;
}

export interface ShipFormProps {
  submitting?: boolean;
  /** Server messages for the fields, and one for the form as a whole. */
  errors?: { carrier?: string; trackingNumber?: string; proofId?: string; form?: string };
  onSubmit: (input: ShipInput) => void;
  upload?: (file: File) => Promise<UploadedProof>;
}

type ProofState = { status: 'none' } | { status: 'uploading'; name: string } | { status: 'done'; name: string; proof: UploadedProof } | { status: 'failed'; name: string; message: string };

export function ShipForm({ submitting, errors = {}, onSubmit, upload = uploadShipmentProof }: ShipFormProps) {
  const [carrier, setCarrier] = useState<string | null>(null);
  const [tracking, setTracking] = useState('');
  const [touched, setTouched] = useState(false);
  const [carrierMissing, setCarrierMissing] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [proof, setProof] = useState<ProofState>({ status: 'none' });
  const feedback = trackingFeedback(carrier, tracking);

  const pick = (next: File | null) => {
    setFile(next);
    if (!next) return setProof({ status: 'none' });
    setProof({ status: 'uploading', name: next.name });
    upload(next)
      .then((uploaded) => setProof((p) => (p.status === 'uploading' && p.name === next.name ? { status: 'done', name: next.name, proof: uploaded } : p)))
      .catch((err: unknown) => setProof({ status: 'failed', name: next.name, message: err instanceof Error ? err.message : 'Upload failed.' }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!isCarrier(carrier)) return setCarrierMissing(true);
    if (!feedback.ok || proof.status === 'uploading' || proof.status === 'failed') return;
    onSubmit({ carrier, trackingNumber: tracking, ...(proof.status === 'done' ? { proofId: proof.proof.id } : {}) });
  };

  // Say what is wrong while typing only once there is something to judge (not on the first key).
  const trackingError = errors.trackingNumber ?? (touched || tracking.trim().length >= 8 ? feedback.message : undefined);
  const example = isCarrier(carrier) ? carriers[carrier].example : undefined;

  return (
    <form onSubmit={submit} noValidate aria-label="Mark shipped">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Carrier"
            placeholder="Pick the carrier"
            data={carrierOptions}
            value={carrier}
            onChange={(value) => {
              setCarrier(value);
              setCarrierMissing(false);
            }}
            error={errors.carrier ?? (carrierMissing ? 'Pick the carrier' : undefined)}
            allowDeselect={false}
            required
          />
          <TextInput
            label="Tracking number"
            placeholder={example ? `e.g. ${example}` : 'From the label or receipt'}
            value={tracking}
            onChange={(e) => setTracking(e.currentTarget.value)}
            onBlur={() => tracking.trim() && setTouched(true)}
            error={trackingError}
            description={feedback.ok && feedback.url ? <Anchor href={feedback.url} target="_blank" rel="noopener noreferrer" size="xs">Check it on the carrier&apos;s site</Anchor> : undefined}
            autoComplete="off"
            spellCheck={false}
            maxLength={60}
            required
          />
        </SimpleGrid>
        <FileInput
          label="Proof of shipment"
          description="Optional: a photo of the receipt or the label as a PDF. Only the buyer and our team can see it."
          placeholder="Choose a PDF or image"
          accept={proofAccept}
          value={file}
          onChange={pick}
          clearable
          error={errors.proofId ?? (proof.status === 'failed' ? proof.message : undefined)}
        />
        {proof.status === 'uploading' && (
          <Text size="xs" c="dimmed" role="status">
            Uploading {proof.name}…
          </Text>
        )}
        {proof.status === 'done' && (
          <Text size="xs" c="dimmed" role="status">
            {proof.name} uploaded ({formatBytes(proof.proof.bytes)}){proof.proof.scan === 'clean' ? ', checked for viruses' : ''}.
          </Text>
        )}
        {errors.form && (
          <Alert color="red" variant="light" title="Not shipped">
            {errors.form}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={submitting} disabled={proof.status === 'uploading'}>
            Mark shipped
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
