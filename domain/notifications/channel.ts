/** The one delivery interface every channel implements (implementations live in db/notify). Pure types. */
export interface OutgoingMessage {
  id: number;
  channel: "email" | "webhook";
  /** Email address or webhook URL, resolved by the worker. */
  to: string;
  subject: string;
  body: string;
}

export type DeliveryResult = { ok: true } | { ok: false; error: string };

export interface Channel {
  readonly name: "email" | "webhook";
  send(message: OutgoingMessage): Promise<DeliveryResult>;
}
