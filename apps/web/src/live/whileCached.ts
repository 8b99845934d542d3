/**
 * The shape of every live-updated query's `onCacheEntryAdded`: once the first data has arrived,
 * listen (to a live channel) until the cache entry is removed, then stop listening.
 */
export async function whileCached(
  api: { cacheDataLoaded: Promise<unknown>; cacheEntryRemoved: Promise<unknown> },
  listen: () => (() => void) | undefined,
): Promise<void> {
  try {
    await api.cacheDataLoaded;
  } catch {
    return; // the entry went away before any data arrived
  }
  const stop = listen();
  await api.cacheEntryRemoved;
  stop?.();
}
