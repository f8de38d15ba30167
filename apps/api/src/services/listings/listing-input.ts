// What a seller may send for a listing: the schemas live in the domain, where the console's editor
// reads the same rules (which edits need review).
export { listingFieldsSchema, listingPatchSchema, type ListingFields, type ListingPatch } from '@marketdesk/domain';
