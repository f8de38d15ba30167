// The types of this API's Socket.IO server and its sockets: the protocol both ends share
// (@marketdesk/domain live/socket-protocol.ts) plus what the server keeps per socket. A leaf module,
// so socket-server.ts and the handlers it registers all import it instead of each other.
import type { Server, Socket } from 'socket.io';
import type { ClientToServer, ServerToClient } from '@marketdesk/domain';
import type { SessionActor } from '../trpc/context.js';

export interface SocketData {
  /** Null for an anonymous storefront visitor, who may only follow public rooms (listing stock). */
  actor: SessionActor | null;
  presencePage: string | null;
  /** Chat presence: this tab is hidden (the person is away). */
  chatAway?: boolean;
}

export type LiveServer = Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
export type LiveSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
