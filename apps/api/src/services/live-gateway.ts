// What services may ask of the live channel directly (not events — those go through the outbox).
export interface LiveGateway {
  /** Disconnect every socket of these sessions, on every API process. */
  disconnectSessions(sessionIds: string[]): Promise<void>;
  /** Re-check every room these sessions' sockets are in against the current roles and grants; leave the ones no longer allowed. */
  recheckRooms(sessionIds: string[]): Promise<void>;
}

export const noLiveGateway: LiveGateway = { disconnectSessions: async () => {}, recheckRooms: async () => {} };
