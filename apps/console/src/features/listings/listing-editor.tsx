// The listing editor for new and existing listings. Values are checked here for what a seller can
// fix at once; the API's zod schema remains the authority and its field errors land under the
// same fields. Edits send only what changed, on the version the seller opened (CONFLICT if it moved).
import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { gradeLabels, grades, type Grade } from '@marketdesk/domain';
import { notifications } from '@mantine/notifications';
import { errorMessage, formatMoney } from '@marketdesk/ui';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorCode, fieldErrors, trpc, type RouterOutputs } from '../../trpc';
import { flattenCategories } from './categories';
import {
  changesNeedReview,
  emptyListingForm,
  formToFields,
  listingToForm,
  recordFormats,
  toCreateInput,
  toFormErrors,
  toUpdateInput,
  type ListingFormErrors,
  type ListingFormValues,
} from './listing-form';
import { PhotoStrip } from './photo-strip';
import { DiscogsLookupButton } from '../discogs/discogs-lookup';
import type { DiscogsPrefill } from '../discogs/discogs-prefill';
import { minorToDecimal } from './money-input';
import { attachedImageIds, isUploading, photosFromListing } from './photos';
import { usePhotoUploads } from './use-photo-uploads';

export type EditableListingView = RouterOutputs['catalog']['listing'];
type Intent = 'submit' | 'draft' | 'save';

const eur = (amountMinor: number) => formatMoney({ amountMinor, currency: 'EUR' });

const conditionOptions = grades.map((g) => ({ value: g, label: `${g} — ${gradeLabels[g]}` }));

/** The field an AppError BAD_REQUEST names in its details (e.g. an unknown category). */
function detailsField(error: unknown): Record<string, string> {
  const data = (error as { data?: { details?: { field?: unknown } | null } } | null)?.data;
  const field = data?.details?.field;
  return typeof field === 'string' ? { [field]: errorMessage(error) } : {};
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label={title}>
      <Stack>
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** What saving will do, said before the seller saves (for a live listing: whether this edit goes to review). */
function saveNote(listing: EditableListingView | undefined, resubmits: boolean): string {
  if (!listing) return 'New listings are checked by the Marketdesk team before buyers see them.';
  switch (listing.state) {
    case 'active':
    case 'paused':
      return resubmits
        ? 'Saving sends this listing back to review: buyers will not see it until it is approved again. Changes to the title, description, photos, condition, category or details are reviewed; price, quantity, shipping and delivery-time changes alone keep it on sale.'
        : 'Saving keeps this listing on sale: price, quantity, shipping and delivery-time changes need no review. Changing the title, description, photos, condition, category or details would send it back to review.';
    case 'pending_review':
      return 'This listing is waiting for review; your changes will be reviewed with it.';
    case 'sold_out':
      return 'Raising the quantity puts this listing back on sale.';
    case 'rejected':
      return 'Fix what the reviewer asked for, then submit it for review again.';
    default:
      return 'Drafts stay private until you submit them for review.';
  }
}

function successMessage(state: string): { title: string; message: string } {
  if (state === 'pending_review') return { title: 'Submitted for review', message: 'We will let you know when a reviewer has looked at it.' };
  if (state === 'draft') return { title: 'Draft saved', message: 'Submit it for review when it is ready.' };
  return { title: 'Changes saved', message: 'Your listing is up to date.' };
}

export interface ListingEditorProps {
  listing?: EditableListingView;
  /** Fetch the latest version after a conflict (the page re-mounts the editor with it). */
  onReloadLatest?: () => void;
  reloading?: boolean;
}

export function ListingEditor({ listing, onReloadLatest, reloading }: ListingEditorProps) {
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const categories = trpc.catalog.categories.useQuery(undefined, { staleTime: 5 * 60_000 });
  const categoryOptions = useMemo(() => flattenCategories(categories.data ?? []), [categories.data]);
  const [values, setValues] = useState<ListingFormValues>(() => (listing ? listingToForm(listing) : emptyListingForm));
  const [clientErrors, setClientErrors] = useState<ListingFormErrors>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState<Intent | null>(null);
  const { photos, addFiles, move, remove } = usePhotoUploads(listing ? photosFromListing(listing.images) : []);
  const create = trpc.listings.create.useMutation();
  const update = trpc.listings.update.useMutation();
  const command = trpc.listings.command.useMutation();

  const set = <K extends keyof ListingFormValues>(key: K, value: ListingFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setClientErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
  };
  // A Discogs look-up fills the record's facts (and the description when empty) and offers its price.
  const [suggestion, setSuggestion] = useState<DiscogsPrefill | null>(null);
  const applyDiscogs = (p: DiscogsPrefill) => {
    setValues((v) => ({ ...v, artist: p.artist, title: `${p.artist} – ${p.title}`, year: p.year ?? v.year, label: p.label ?? v.label, format: p.format, description: v.description.trim() ? v.description : p.description }));
    setSuggestion(p.suggestedPriceMinor !== null ? p : null);
  };

  const serverErrors = toFormErrors({ ...fieldErrors(saveError), ...detailsField(saveError) });
  const errors: ListingFormErrors = { ...serverErrors, ...clientErrors };
  const conflict = errorCode(saveError) === 'CONFLICT';
  const showBanner = saveError !== null && Object.keys(serverErrors).length === 0;
  const live = listing?.state === 'active' || listing?.state === 'paused';
  const canSubmit = !listing || listing.state === 'draft' || listing.state === 'rejected';
  // Say on the button when this save takes a live listing out of the shop for review.
  const resubmits = useMemo(() => {
    if (!listing || !live) return false;
    const parsed = formToFields({ ...values, imageIds: attachedImageIds(photos) });
    return parsed.fields !== null && changesNeedReview(toUpdateInput(parsed.fields, listing));
  }, [listing, live, values, photos]);

  const save = async (intent: Intent) => {
    setSaveError(null);
    const parsed = formToFields({ ...values, imageIds: attachedImageIds(photos) });
    if (parsed.errors) {
      setClientErrors(parsed.errors);
      return;
    }
    if (isUploading(photos)) {
      setSaveError(new Error('Wait for the photos to finish uploading, then save again.'));
      return;
    }
    setClientErrors({});
    setSaving(intent);
    try {
      let state: string;
      if (!listing) {
        state = (await create.mutateAsync(toCreateInput(parsed.fields, intent === 'draft'))).state;
      } else {
        const patch = toUpdateInput(parsed.fields, listing);
        let version = listing.version;
        state = listing.state;
        if (Object.keys(patch).length > 2) ({ version, state } = await update.mutateAsync(patch));
        // A rejected listing is revised back to a draft, and a draft submitted, in the same save.
        if (intent === 'submit' && state === 'rejected') ({ version, state } = await command.mutateAsync({ id: listing.id, version, command: 'revise' }));
        if (intent === 'submit' && state === 'draft') ({ version, state } = await command.mutateAsync({ id: listing.id, version, command: 'submit_for_review' }));
      }
      notifications.show({ color: 'green', ...successMessage(state) });
      void navigate('/listings');
      void utils.listings.mine.invalidate();
      if (listing) void utils.catalog.listing.invalidate({ id: listing.id });
    } catch (err) {
      setSaveError(err);
    } finally {
      setSaving(null);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(canSubmit ? 'submit' : 'save');
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="lg" maw={860}>
        <Section title="The item">
          <Select
            label="Category"
            placeholder={categories.isPending ? 'Loading categories…' : 'Choose a category'}
            data={categoryOptions}
            value={values.categoryId}
            onChange={(v) => set('categoryId', v)}
            error={errors.categoryId ?? (categories.isError ? `Could not load categories: ${categories.error.message}` : undefined)}
            searchable
            required
            nothingFoundMessage="No category matches"
          />
          <Group justify="flex-end" mb={-8}>
            <DiscogsLookupButton artist={values.artist} title={values.title} grade={values.condition} onApply={applyDiscogs} />
          </Group>
          <TextInput label="Title" value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} maxLength={200} required description="What a buyer would search for, e.g. “Miles Davis – Kind of Blue (1959 mono)”." />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Artist" value={values.artist} onChange={(e) => set('artist', e.currentTarget.value)} error={errors.artist} maxLength={200} />
            <Select label="Format" data={[...recordFormats]} value={values.format} onChange={(v) => set('format', v)} clearable placeholder="Choose a format" />
            <TextInput label="Year" value={values.year} onChange={(e) => set('year', e.currentTarget.value)} error={errors.year} inputMode="numeric" maxLength={4} placeholder="e.g. 1972" />
            <TextInput label="Record label" value={values.label} onChange={(e) => set('label', e.currentTarget.value)} error={errors.label} maxLength={200} />
          </SimpleGrid>
          {errors.attributes && (
            <Text size="sm" c="red" role="alert">
              {errors.attributes}
            </Text>
          )}
          <Select
            label="Condition"
            description="Goldmine grade of the record (or the item's overall condition)."
            data={conditionOptions}
            value={values.condition}
            onChange={(v) => set('condition', v as Grade | null)}
            error={errors.condition}
            clearable
            placeholder="Choose a grade"
          />
          <Textarea label="Description" value={values.description} onChange={(e) => set('description', e.currentTarget.value)} error={errors.description} autosize minRows={4} maxRows={12} maxLength={5000} description="Pressing details, sleeve and label condition, anything a collector would ask." />
        </Section>

        <Section title="Photos">
          <PhotoStrip
            photos={photos}
            onAdd={(files) => {
              const dropped = addFiles(files, photos.length);
              if (dropped > 0) notifications.show({ color: 'yellow', title: 'Too many photos', message: `${dropped} photo(s) were not added: a listing holds at most 12.` });
            }}
            onMove={move}
            onRemove={remove}
            error={errors.imageIds}
          />
        </Section>

        <Section title="Price and delivery">
          {suggestion?.suggestedPriceMinor != null && (
            <Alert variant="light" color="blue" p="sm" title="Suggested price from Discogs">
              <Group justify="space-between" gap="xs">
                <Text size="sm">
                  {eur(suggestion.suggestedPriceMinor)} for {suggestion.grade}, from the pricing engine on a Near Mint market price of {eur(suggestion.referenceMinor ?? 0)}.
                </Text>
                <Button size="xs" variant="light" onClick={() => set('price', minorToDecimal(suggestion.suggestedPriceMinor ?? 0))}>
                  Use suggested price
                </Button>
              </Group>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label="Price" leftSection="€" decimalScale={2} fixedDecimalScale min={0} step={1} value={values.price} onChange={(v) => set('price', v)} error={errors.price} required allowNegative={false} thousandSeparator={false} />
            <NumberInput label="Quantity" value={values.quantity} onChange={(v) => set('quantity', v)} error={errors.quantity} min={0} max={100_000} allowDecimal={false} allowNegative={false} required description="How many you have to sell." />
            <NumberInput label="Shipping" leftSection="€" decimalScale={2} fixedDecimalScale min={0} value={values.shipping} onChange={(v) => set('shipping', v)} error={errors.shipping} allowNegative={false} description="Per order, in euros; 0 for free shipping." />
            <NumberInput label="Delivery time (days)" value={values.deliverySlaDays} onChange={(v) => set('deliverySlaDays', v)} error={errors.deliverySlaDays} min={1} max={60} allowDecimal={false} allowNegative={false} description="Business days from payment to the buyer's door." />
            <TextInput label="Deal ends" type="datetime-local" value={values.dealEndsAt} onChange={(e) => set('dealEndsAt', e.currentTarget.value)} error={errors.dealEndsAt} description="Optional: the listing is archived at this time." />
          </SimpleGrid>
        </Section>

        {conflict ? (
          <Alert color="yellow" variant="light" role="alert" title="This listing changed while you were editing">
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{errorMessage(saveError)}</Text>
              <Text size="sm">Reloading shows the latest version; your unsaved changes here will be lost.</Text>
              {onReloadLatest && (
                <Button size="xs" variant="light" color="yellow" onClick={onReloadLatest} loading={reloading}>
                  Reload latest
                </Button>
              )}
            </Stack>
          </Alert>
        ) : (
          showBanner && (
            <Alert color="red" variant="light" role="alert" title="Could not save the listing">
              {errorMessage(saveError)}
            </Alert>
          )
        )}

        <Stack gap="xs">
          <Alert variant="light" color={resubmits ? 'yellow' : 'blue'} p="sm" role="note">
            <Text size="sm">{saveNote(listing, resubmits)}</Text>
          </Alert>
          <Group>
            {canSubmit ? (
              <>
                <Button type="submit" loading={saving === 'submit'} disabled={saving !== null && saving !== 'submit'}>
                  Save and submit for review
                </Button>
                <Button variant="default" onClick={() => void save(listing ? 'save' : 'draft')} loading={saving === 'draft' || saving === 'save'} disabled={saving === 'submit'}>
                  {listing ? 'Save draft' : 'Save as draft'}
                </Button>
              </>
            ) : (
              <Button type="submit" loading={saving === 'save'}>
                {resubmits ? 'Save and resubmit for review' : 'Save changes'}
              </Button>
            )}
            <Button component={Link} to="/listings" variant="subtle">
              Cancel
            </Button>
          </Group>
        </Stack>
      </Stack>
    </form>
  );
}
