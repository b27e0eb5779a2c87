/**
 * Graceful shutdown. Why: on SIGTERM (a deploy, a scale-down) a replica must finish the requests it has accepted —
 * a journalist's CSV download must not be cut off — while refusing new connections and closing idle keep-alive ones,
 * then exit; a deadline bounds how long a stuck request can hold the process.
 */
import type http from "node:http";
import type { ServerResponse } from "node:http";

export class Drain {
  private inflight = 0;
  private waiters: (() => void)[] = [];
  draining = false;

  /** Counts a request until its response is finished or its connection dropped; while draining, asks the client to close. */
  track(res: ServerResponse): void {
    this.inflight += 1;
    if (this.draining) res.setHeader("connection", "close");
    res.once("close", () => {
      this.inflight -= 1;
      if (this.inflight === 0) for (const w of this.waiters.splice(0)) w();
    });
  }

  get inFlight(): number {
    return this.inflight;
  }

  /** Stop accepting, let in-flight requests finish (up to `timeoutMs`), then drop what is left. True if all finished. */
  async run(server: http.Server, timeoutMs: number): Promise<boolean> {
    this.draining = true;
    const closed = server.listening ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    server.closeIdleConnections();
    const idle = this.inflight === 0 ? Promise.resolve(true) : new Promise<boolean>((resolve) => this.waiters.push(() => resolve(true)));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); });
    const finished = await Promise.race([idle, late]).finally(() => clearTimeout(timer));
    server.closeAllConnections();
    await closed;
    return finished;
  }
}
