// The loading placeholder of a listing grid: card-shaped skeletons in the same grid.
import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';

export function GridSkeleton({ count = 8, label }: { count?: number; label: string }) {
  return (
    <div role="status" aria-busy="true" style={{ display: 'grid', gap: 'var(--mantine-spacing-md)', gridTemplateColumns: 'repeat(auto-fill, minmax(min(150px, 100%), 1fr))' }}>
      <VisuallyHidden>{label}</VisuallyHidden>
      {Array.from({ length: count }, (_, i) => (
        <Stack key={i} gap={8}>
          <Skeleton style={{ aspectRatio: '1 / 1' }} radius="md" />
          <Skeleton height={14} width="80%" />
          <Skeleton height={12} width="50%" />
        </Stack>
      ))}
    </div>
  );
}
