// Record condition grades (Goldmine scale, as record shops and Discogs use them), best first.
export const grades = ['M', 'NM', 'VG+', 'VG', 'G+', 'G', 'F', 'P'] as const;
export type Grade = (typeof grades)[number];

export const gradeLabels: Record<Grade, string> = {
  M: 'Mint',
  NM: 'Near Mint',
  'VG+': 'Very Good Plus',
  VG: 'Very Good',
  'G+': 'Good Plus',
  G: 'Good',
  F: 'Fair',
  P: 'Poor',
};

export function isGrade(value: string): value is Grade {
  return (grades as readonly string[]).includes(value);
}
