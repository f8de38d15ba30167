// A listing's photos: the chosen one large, thumbnails to switch (buttons, so keyboards work too).
// No photos: the listing's placeholder cover.
import { AspectRatio, Box, Group, Image, Stack, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { ListingView } from '../../lib/api-types';
import { RecordCover } from './record-cover';

export function Gallery({ listing }: { listing: ListingView }) {
  const [index, setIndex] = useState(0);
  const images = listing.images;
  const artist = typeof listing.attributes.artist === 'string' ? listing.attributes.artist : listing.title;
  if (images.length === 0) {
    return (
      <Box maw={{ base: 300, sm: 'none' }} mx="auto">
        <RecordCover imageUrl={null} name={artist} alt={listing.title} size="lg" radius="lg" priority />
      </Box>
    );
  }
  const current = images[Math.min(index, images.length - 1)]!;
  return (
    <Stack gap="sm">
      <AspectRatio ratio={1}>
        <Image src={current.url} alt={`${listing.title}, photo ${index + 1} of ${images.length}`} radius="lg" fit="contain" bg="var(--mantine-color-default-hover)" />
      </AspectRatio>
      {images.length > 1 && (
        <Group gap="xs" role="group" aria-label="Photos">
          {images.map((img, i) => (
            <UnstyledButton
              key={img.id}
              onClick={() => setIndex(i)}
              aria-label={`Show photo ${i + 1}`}
              aria-pressed={i === index}
              style={{ borderRadius: 'var(--mantine-radius-md)', outline: i === index ? '2px solid var(--mantine-primary-color-filled)' : undefined, outlineOffset: 2 }}
            >
              <Image src={img.thumbUrl} alt="" w={64} h={64} radius="md" fit="cover" />
            </UnstyledButton>
          ))}
        </Group>
      )}
    </Stack>
  );
}
