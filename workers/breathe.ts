/**
 * Lets the worker's event loop run between measured runs, outside every timed region. A chain
 * of awaited inferences that resolve without a macrotask never returns to the event loop, so
 * the worker could neither answer the page's heartbeat nor honour `close()`. One yield every
 * `intervalMs` costs a MessageChannel round trip (tens of µs per 100 ms: under 0.1%).
 */
export function makeBreather(intervalMs = 100): () => Promise<void> | null {
  const channel = new MessageChannel();
  let last = performance.now();
  const resolvers: (() => void)[] = [];
  channel.port1.onmessage = () => resolvers.shift()?.();
  return () => {
    const now = performance.now();
    if (now - last < intervalMs) return null;
    last = now;
    return new Promise<void>((resolve) => {
      resolvers.push(resolve);
      channel.port2.postMessage(null);
    });
  };
}
