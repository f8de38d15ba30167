// What services may ask of the live channel directly (not events — those go through the outbox).
export interface LiveGateway {
  /** Disconnect every socket of these sessions, on every API process. */
  disconnectSessions(sessionIds: string[]): Promise<void>;
}

export const noLiveGateway: LiveGateway = { disconnectSessions: async () => {} };
