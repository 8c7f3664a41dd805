// Reply drafts per ticket, kept while the app runs. (Saving them across restarts belongs
// to the composer work, with the outbox.)
const byTicket = new Map<number, string>();

export const drafts = {
  get: (ticketId: number): string => byTicket.get(ticketId) ?? "",
  set: (ticketId: number, text: string): void => {
    if (text === "") byTicket.delete(ticketId);
    else byTicket.set(ticketId, text);
  },
  clear: (ticketId: number): void => {
    byTicket.delete(ticketId);
  },
};
