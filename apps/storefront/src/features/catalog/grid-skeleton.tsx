// The loading placeholder of a listing grid: card-shaped skeletons in the same grid.
import { SimpleGrid, Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { fullWidthColumns, type GridColumns } from './listing-card';

export function GridSkeleton({ count = 8, label, cols = fullWidthColumns }: { count?: number; label: string; cols?: GridColumns }) {
  return (
    <SimpleGrid role="status" aria-busy="true" cols={cols} spacing={{ base: 'sm', sm: 'md' }}>
      <VisuallyHidden>{label}</VisuallyHidden>
      {Array.from({ length: count }, (_, i) => (
        <Stack key={i} gap={8}>
          <Skeleton style={{ aspectRatio: '1 / 1' }} radius="md" />
          <Skeleton height={14} width="80%" />
          <Skeleton height={12} width="50%" />
        </Stack>
      ))}
    </SimpleGrid>
  );
}
