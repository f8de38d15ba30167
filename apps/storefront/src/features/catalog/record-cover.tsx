// A listing's cover: its photo, or (no photo yet) a coloured square with the artist's initials, so
// a shelf of listings without images still reads as a shelf of records.
import { AspectRatio, Box, Image, Text } from '@mantine/core';

const palette = ['market', 'blue', 'grape', 'orange', 'teal', 'indigo', 'pink', 'cyan', 'violet', 'red'] as const;

/** A stable colour per name, so the same artist always gets the same cover. */
export function coverColor(name: string): (typeof palette)[number] {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return palette[hash % palette.length]!;
}

export function coverInitials(name: string): string {
  const words = name
    .replace(/^the\s+/i, '')
    .split(/[\s-]+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words
    .slice(0, 2)
    .map((w) => [...w.replace(/[^\p{L}\p{N}]/gu, '')][0] ?? '')
    .join('')
    .toUpperCase() || '♪';
}

export interface RecordCoverProps {
  imageUrl: string | null;
  /** Artist (or title) for the placeholder's initials and colour. */
  name: string;
  alt: string;
  radius?: string | number;
  size?: 'xs' | 'sm' | 'lg';
  priority?: boolean;
}

export function RecordCover({ imageUrl, name, alt, radius = 'md', size = 'sm', priority = false }: RecordCoverProps) {
  if (imageUrl) {
    return (
      <AspectRatio ratio={1}>
        <Image src={imageUrl} alt={alt} radius={radius} fit="cover" loading={priority ? 'eager' : 'lazy'} />
      </AspectRatio>
    );
  }
  const color = coverColor(name);
  return (
    <AspectRatio ratio={1}>
      <Box
        role="img"
        aria-label={`${alt} (no photo yet)`}
        bg={`var(--mantine-color-${color}-light)`}
        style={{ borderRadius: `var(--mantine-radius-${radius})`, display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden' }}
      >
        <Text aria-hidden fw={800} c={`var(--mantine-color-${color}-light-color)`} fz={size === 'lg' ? 'clamp(48px, 12vw, 96px)' : size === 'xs' ? 22 : 'clamp(28px, 6vw, 44px)'} lts={1}>
          {coverInitials(name)}
        </Text>
      </Box>
    </AspectRatio>
  );
}
