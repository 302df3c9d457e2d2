import net from "node:net";

/**
 * A TCP proxy in front of the database that a test can freeze: while frozen, connections stay
 * open but no byte goes through in either direction, as when the database server hangs or the
 * network to it stalls. Nothing is lost: what was held back flows on when it thaws.
 */
export interface FreezableProxy {
  /** The database URL, pointed at the proxy. */
  url: string;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function startFreezableProxy(databaseUrl: string): Promise<FreezableProxy> {
  const target = new URL(databaseUrl);
  const pairs = new Set<[net.Socket, net.Socket]>();
  let frozen = false;
  // A piped stream resumes itself when its destination drains: unpipe as well as pause.
  const stop = ([client, upstream]: [net.Socket, net.Socket]) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  };
  const flow = ([client, upstream]: [net.Socket, net.Socket]) => {
    client.pipe(upstream);
    upstream.pipe(client);
  };
  const server = net.createServer((client) => {
    const pair: [net.Socket, net.Socket] = [client, net.connect(Number(target.port || 3306), target.hostname)];
    pairs.add(pair);
    for (const socket of pair) {
      socket.on("error", () => undefined);
      socket.on("close", () => {
        pairs.delete(pair);
        pair[0].destroy();
        pair[1].destroy();
      });
    }
    if (frozen) stop(pair);
    else flow(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    freeze() {
      frozen = true;
      pairs.forEach(stop);
    },
    thaw() {
      frozen = false;
      pairs.forEach(flow);
    },
    async close() {
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
