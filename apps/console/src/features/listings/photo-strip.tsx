// Photos in the listing editor: pick files, see each upload's progress and thumbnail, put the
// best one first (it is the cover), remove the ones that should not be there.
import { ActionIcon, Badge, Box, Button, FileButton, Group, Image, Loader, Paper, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { maxPhotos, type Photo } from './photos';

export interface PhotoStripProps {
  photos: Photo[];
  onAdd: (files: File[]) => void;
  onMove: (photo: Photo, by: -1 | 1) => void;
  onRemove: (photo: Photo) => void;
  error?: string;
}

const statusText: Record<Photo['status'], string> = {
  uploading: 'Uploading…',
  processing: 'Making thumbnail…',
  ready: 'Ready',
  failed: 'Failed',
};

function PhotoTile({ photo, index, count, onMove, onRemove }: { photo: Photo; index: number; count: number } & Pick<PhotoStripProps, 'onMove' | 'onRemove'>) {
  const n = index + 1;
  return (
    <Paper withBorder radius="md" p={6} w={150} component="li" aria-label={`Photo ${n}: ${photo.name}`}>
      <Stack gap={6}>
        <Box pos="relative" h={110} bg="var(--mantine-color-default-hover)" style={{ borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden' }}>
          {photo.src && photo.status !== 'failed' ? (
            <Image src={photo.src} alt={`Photo ${n}`} h={110} w="100%" fit="cover" />
          ) : (
            <Group h="100%" justify="center" p="xs">
              <Text size="xs" c={photo.status === 'failed' ? 'red' : 'dimmed'} ta="center">
                {photo.status === 'failed' ? (photo.error ?? 'Upload failed') : 'No preview'}
              </Text>
            </Group>
          )}
          {(photo.status === 'uploading' || photo.status === 'processing') && (
            <Loader size="xs" pos="absolute" top={6} right={6} aria-hidden />
          )}
          {index === 0 && photo.status !== 'failed' && (
            <Badge size="xs" pos="absolute" bottom={6} left={6}>
              Cover
            </Badge>
          )}
        </Box>
        <Text size="xs" c={photo.status === 'failed' ? 'red' : 'dimmed'} truncate="end" title={photo.name}>
          {statusText[photo.status]}
        </Text>
        <Group gap={4} justify="space-between" wrap="nowrap">
          <Group gap={4} wrap="nowrap">
            <ActionIcon variant="default" size="sm" aria-label={`Move photo ${n} left`} disabled={index === 0} onClick={() => onMove(photo, -1)}>
              ‹
            </ActionIcon>
            <ActionIcon variant="default" size="sm" aria-label={`Move photo ${n} right`} disabled={index === count - 1} onClick={() => onMove(photo, 1)}>
              ›
            </ActionIcon>
          </Group>
          <Button variant="subtle" color="red" size="compact-xs" aria-label={`Remove photo ${n}`} onClick={() => onRemove(photo)}>
            Remove
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function PhotoStrip({ photos, onAdd, onMove, onRemove, error }: PhotoStripProps) {
  const full = photos.length >= maxPhotos;
  // Cleared after each pick so choosing the same file again (after removing it) still uploads.
  const resetRef = useRef<() => void>(null);
  return (
    <Stack gap="sm">
      {photos.length > 0 ? (
        <Group component="ul" aria-label="Photos" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} align="stretch">
          {photos.map((photo, index) => (
            <PhotoTile key={photo.key} photo={photo} index={index} count={photos.length} onMove={onMove} onRemove={onRemove} />
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          No photos yet. Listings with clear photos of the item, sleeve and labels sell faster.
        </Text>
      )}
      <Group gap="sm">
        <FileButton
          resetRef={resetRef}
          onChange={(files) => {
            onAdd(files);
            resetRef.current?.();
          }} accept="image/jpeg,image/png,image/webp" multiple disabled={full}>
          {(props) => (
            <Button variant="light" {...props}>
              Add photos
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          JPEG, PNG or WebP, up to {maxPhotos} photos. The first is the cover.
        </Text>
      </Group>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
