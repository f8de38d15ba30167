// check-cycles.mjs's test fixture: the type both other files import.
export interface Listing {
  title: string;
  sellerId: string;
}
