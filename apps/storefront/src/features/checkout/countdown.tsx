// "Items held for 14:59": how long the reservation made at "Place order" lasts.
import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';

export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

export function ReservationCountdown({ expiresAt, onExpired }: { expiresAt: string | Date; onExpired?: () => void }) {
  const end = new Date(expiresAt).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  const left = end - now;
  useEffect(() => {
    if (left <= 0) onExpired?.();
  }, [left <= 0]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Badge size="lg" variant="light" color={left < 120_000 ? 'orange' : 'market'} role="timer" aria-live="off">
      {left > 0 ? `Items held for ${formatRemaining(left)}` : 'Reservation expired'}
    </Badge>
  );
}
