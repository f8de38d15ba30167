// "Submit records for a quote": several items, each with artist, title, format, grade, asking
// price and photos (the same listing-image uploads the listing editor uses). The answer is an
// instant indicative quote from the pricing engine, shown at once.
import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { gradeLabels, grades } from '@marketdesk/domain';
import { formatMoney } from '@marketdesk/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { fieldErrors, trpc, type RouterOutputs } from '../../trpc';
import { PhotoStrip } from '../listings/photo-strip';
import { attachedImageIds, isUploading } from '../listings/photos';
import { usePhotoUploads } from '../listings/use-photo-uploads';
import { formatLabels, parsePriceMinor, submissionFormats } from './submission-format';
import { DiscogsLookupButton } from '../discogs/discogs-lookup';
import { submissionFormatOf } from '../discogs/discogs-prefill';

export interface ItemDraft {
  key: number;
  artist: string;
  title: string;
  format: string | null;
  grade: string | null;
  asking: string | number;
  imageIds: string[];
  uploading: boolean;
}

type ItemErrors = Partial<Record<'artist' | 'title' | 'format' | 'grade' | 'asking', string>>;

let keys = 0;
const emptyItem = (): ItemDraft => ({ key: ++keys, artist: '', title: '', format: 'lp', grade: null, asking: '', imageIds: [], uploading: false });

/** What the seller must fix before sending, per item (the API checks the same and more). */
export function checkItems(items: readonly ItemDraft[]): ItemErrors[] {
  return items.map((i) => {
    const e: ItemErrors = {};
    if (!i.artist.trim()) e.artist = 'Name the artist';
    if (!i.title.trim()) e.title = 'Name the record';
    if (!i.format) e.format = 'Choose a format';
    if (!i.grade) e.grade = 'Choose a grade';
    const asking = parsePriceMinor(i.asking);
    if (asking === null) e.asking = 'Enter a price, e.g. 25 or 12.50';
    else if (asking < 50) e.asking = 'At least €0.50';
    return e;
  });
}

function ItemFields({ item, n, errors, canRemove, onChange, onRemove }: { item: ItemDraft; n: number; errors: ItemErrors; canRemove: boolean; onChange: (change: Partial<ItemDraft>) => void; onRemove: () => void }) {
  const { photos, addFiles, move, remove } = usePhotoUploads([]);
  const ids = attachedImageIds(photos).join(',');
  const uploading = isUploading(photos);
  useEffect(() => {
    onChange({ imageIds: ids ? ids.split(',') : [], uploading });
  }, [ids, uploading]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`Item ${n}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>
            Item {n}
          </Text>
          <Group gap="xs">
            <DiscogsLookupButton
              artist={item.artist}
              title={item.title}
              grade={item.grade}
              label={`Look up item ${n} on Discogs`}
              onApply={(p) => onChange({ artist: p.artist, title: p.title, format: submissionFormatOf(p.format) })}
            />
            {canRemove && (
              <Button variant="subtle" color="red" size="compact-xs" onClick={onRemove} aria-label={`Remove item ${n}`}>
                Remove
              </Button>
            )}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Artist" value={item.artist} onChange={(e) => onChange({ artist: e.currentTarget.value })} error={errors.artist} maxLength={200} required />
          <TextInput label="Title" value={item.title} onChange={(e) => onChange({ title: e.currentTarget.value })} error={errors.title} maxLength={200} required />
          <Select label="Format" data={submissionFormats.map((f) => ({ value: f, label: formatLabels[f] ?? f }))} value={item.format} onChange={(v) => onChange({ format: v })} error={errors.format} required allowDeselect={false} />
          <Select label="Grade" placeholder="Condition of the record" data={grades.map((g) => ({ value: g, label: `${g} — ${gradeLabels[g]}` }))} value={item.grade} onChange={(v) => onChange({ grade: v })} error={errors.grade} required />
          <NumberInput label="Asking price (€)" min={0} decimalScale={2} value={item.asking} onChange={(v) => onChange({ asking: v })} error={errors.asking} required hideControls />
        </SimpleGrid>
        <PhotoStrip photos={photos} onAdd={(files) => addFiles(files, photos.length)} onMove={move} onRemove={remove} />
      </Stack>
    </Paper>
  );
}

export type CreatedSubmission = RouterOutputs['submissions']['create'];

export function SubmissionForm({ onCreated }: { onCreated: (created: CreatedSubmission) => void }) {
  const [items, setItems] = useState<ItemDraft[]>(() => [emptyItem()]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<ItemErrors[]>([]);
  const [created, setCreated] = useState<CreatedSubmission | null>(null);
  const create = trpc.submissions.create.useMutation({
    onSuccess: (res) => {
      setCreated(res);
      setItems([emptyItem()]);
      setNote('');
      onCreated(res);
    },
  });
  const update = (key: number, change: Partial<ItemDraft>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i)));
  const uploading = items.some((i) => i.uploading);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkItems(items);
    setErrors(found);
    if (found.some((f) => Object.keys(f).length) || uploading) return;
    create.mutate({
      note: note.trim(),
      items: items.map((i) => ({ artist: i.artist.trim(), title: i.title.trim(), format: i.format as (typeof submissionFormats)[number], grade: i.grade as (typeof grades)[number], askingMinor: parsePriceMinor(i.asking)!, imageIds: i.imageIds })),
    });
  };
  const serverFieldErrors = fieldErrors(create.error);

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label="Submit records">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            Sell us your records
          </Title>
          <Text size="sm" c="dimmed">
            Describe each record and what you would like for it. You get an indicative quote at once; our team then makes a firm offer you can accept, decline or counter.
          </Text>
          {created && (
            <Alert color="green" title={`Indicative quote: ${formatMoney({ amountMinor: created.indicativeMinor, currency: created.currency })}`} withCloseButton onClose={() => setCreated(null)} closeButtonLabel="Dismiss">
              <Stack gap={4}>
                {created.items.map((i) => (
                  <Text key={i.id} size="sm">
                    {i.artist} – {i.title}: {i.declined ? 'below what we buy' : formatMoney({ amountMinor: i.indicativeOfferMinor, currency: created.currency })}
                  </Text>
                ))}
                {created.bulkBonusMinor > 0 && <Text size="sm">Includes a bonus of {formatMoney({ amountMinor: created.bulkBonusMinor, currency: created.currency })} for several records.</Text>}
                <Text size="sm">
                  Our team reviews it next. <Link to={`/submissions/${created.id}`}>Follow this submission</Link>
                </Text>
              </Stack>
            </Alert>
          )}
          {items.map((item, n) => (
            <ItemFields key={item.key} item={item} n={n + 1} errors={errors[n] ?? {}} canRemove={items.length > 1} onChange={(change) => update(item.key, change)} onRemove={() => setItems((all) => all.filter((i) => i.key !== item.key))} />
          ))}
          <Group>
            <Button variant="default" onClick={() => setItems((all) => [...all, emptyItem()])} disabled={items.length >= 50}>
              Add another record
            </Button>
          </Group>
          <Textarea label="Note for our team" description="Optional: anything we should know (e.g. original pressing, signed sleeve)." value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
          {create.error && (
            <Alert color="red" title="Could not submit">
              {Object.values(serverFieldErrors)[0] ?? create.error.message}
            </Alert>
          )}
          {uploading && (
            <Text size="sm" c="dimmed">
              Waiting for photos to finish uploading…
            </Text>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} disabled={uploading}>
              Submit for a quote
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
