// The part of ws's server API that the preview uses (ws ships no declarations; @types/ws is not installed).

declare module "ws" {
  import type { IncomingMessage } from "node:http";
  import type { Duplex } from "node:stream";

  export interface WebSocket {
    send(data: string): void;
    terminate(): void;
  }

  /** A server that takes upgrades handed to it (noServer), so the caller decides who may connect. */
  export class WebSocketServer {
    constructor(options: { noServer: true });
    readonly clients: ReadonlySet<WebSocket>;
    handleUpgrade(
      request: IncomingMessage,
      socket: Duplex,
      head: Buffer,
      done: (client: WebSocket) => void,
    ): void;
    emit(event: "connection", client: WebSocket): boolean;
  }
}
