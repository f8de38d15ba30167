// A new shipping address, validated with the same zod schema as the API (shippingAddressSchema);
// the country is a choice among the countries we ship to, never free text.
import { Checkbox, Grid, Select, TextInput } from '@mantine/core';
import { countryName, shippingCountries, type ShippingAddressInput } from '@marketdesk/domain';

/** The countries we ship to: the domain's tax table decides, this form only lists them. */
export const countries = shippingCountries().map((c) => ({ value: c.code, label: c.name }));

export const emptyAddress: Required<ShippingAddressInput> = { name: '', line1: '', line2: '', city: '', postalCode: '', country: 'DE', phone: '' };
export type AddressDraft = typeof emptyAddress;

export { countryName };

export interface AddressFormProps {
  value: AddressDraft;
  onChange: (next: AddressDraft) => void;
  errors: Record<string, string>;
  save: boolean;
  onSaveChange: (save: boolean) => void;
}

export function AddressForm({ value, onChange, errors, save, onSaveChange }: AddressFormProps) {
  const field = (key: keyof AddressDraft) => ({
    value: value[key],
    error: errors[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const v = e.currentTarget.value;
      onChange({ ...value, [key]: v });
    },
  });
  return (
    <Grid gap="sm">
      <Grid.Col span={12}>
        <TextInput label="Full name" autoComplete="shipping name" required {...field('name')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <TextInput label="Street and house number" autoComplete="shipping address-line1" required {...field('line1')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <TextInput label="Apartment, floor (optional)" autoComplete="shipping address-line2" {...field('line2')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput label="Postal code" autoComplete="shipping postal-code" required {...field('postalCode')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 8 }}>
        <TextInput label="City" autoComplete="shipping address-level2" required {...field('city')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select label="Country" data={countries} value={value.country} onChange={(v) => onChange({ ...value, country: v ?? 'DE' })} error={errors.country} allowDeselect={false} searchable required autoComplete="shipping country" />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label="Phone (optional)" type="tel" autoComplete="shipping tel" description="Only for the carrier" {...field('phone')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <Checkbox label="Save to my address book" checked={save} onChange={(e) => onSaveChange(e.currentTarget.checked)} />
      </Grid.Col>
    </Grid>
  );
}
