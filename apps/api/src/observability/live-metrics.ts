// Wraps the relay's Socket.IO emit to count each event's fan-out on this process.
import type { AnyLiveEvent } from '@marketdesk/domain';
import type { LiveServer } from '../realtime/live-socket.js';
import { liveEmits, roomFanout } from './metrics.js';

export function observeEmits(emit: (rooms: string[], event: AnyLiveEvent) => void, io: LiveServer) {
  return (rooms: string[], event: AnyLiveEvent) => {
    const local = io.of('/').adapter.rooms;
    let reached = 0;
    if (rooms.length === 1) reached = local.get(rooms[0]!)?.size ?? 0;
    else {
      const sockets = new Set<string>();
      for (const room of rooms) for (const id of local.get(room) ?? []) sockets.add(id);
      reached = sockets.size;
    }
    liveEmits.inc({ event: event.name });
    roomFanout.observe({ event: event.name }, reached);
    emit(rooms, event);
  };
}
