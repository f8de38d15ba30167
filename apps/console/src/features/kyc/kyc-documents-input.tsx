// Picks and uploads KYC documents one kind at a time (identity, proof of address, registration);
// each file goes to the private upload route at once, so the form only sends their ids.
import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { documentAccept, formatBytes, uploadDocument } from '@marketdesk/ui/app';

export type KycDocumentKind = 'identity' | 'proof_of_address' | 'business_registration';
export interface PickedDocument {
  kind: KycDocumentKind;
  uploadId: string;
  name: string;
  bytes: number;
}

export const kycDocumentLabel: Record<KycDocumentKind, string> = {
  identity: 'Identity document (passport or ID card)',
  proof_of_address: 'Proof of address',
  business_registration: 'Business registration',
};

export function KycDocumentsInput({ kinds, value, onChange, error }: { kinds: KycDocumentKind[]; value: PickedDocument[]; onChange: (docs: PickedDocument[]) => void; error?: string | undefined }) {
  const [busy, setBusy] = useState<KycDocumentKind | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const add = async (kind: KycDocumentKind, file: File | null) => {
    if (!file) return;
    setBusy(kind);
    setFailure(null);
    try {
      const uploaded = await uploadDocument('/uploads/kyc-documents', 'A KYC document', file);
      onChange([...value, { kind, uploadId: uploaded.id, name: file.name, bytes: uploaded.bytes }]);
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="xs">
      {kinds.map((kind) => {
        const files = value.filter((d) => d.kind === kind);
        return (
          <Group key={kind} justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text size="sm">{kycDocumentLabel[kind]}</Text>
              {files.map((f) => (
                <Text key={f.uploadId} size="xs" c="dimmed">
                  ✓ {f.name} ({formatBytes(f.bytes)}){' '}
                  <Button variant="subtle" size="compact-xs" onClick={() => onChange(value.filter((d) => d.uploadId !== f.uploadId))}>
                    Remove
                  </Button>
                </Text>
              ))}
            </Stack>
            <FileButton accept={documentAccept} onChange={(file) => void add(kind, file)}>
              {(props) => (
                <Button {...props} size="xs" variant="default" loading={busy === kind} aria-label={`Upload ${kycDocumentLabel[kind]}`}>
                  Upload
                </Button>
              )}
            </FileButton>
          </Group>
        );
      })}
      <Text size="xs" c="dimmed">
        PDF, JPEG, PNG or WebP. Only you and our verification team can open these files.
      </Text>
      {(failure || error) && (
        <Text size="sm" c="red" role="alert">
          {failure ?? error}
        </Text>
      )}
    </Stack>
  );
}
