/**
 * JSON fetched once per address and shared by every caller on the page; a failed fetch (network
 * or HTTP status) is forgotten, so the next call tries again.
 */
const loaded = new Map<string, Promise<unknown>>();

export function fetchJson<T>(url: string): Promise<T> {
  let data = loaded.get(url);
  if (!data) {
    data = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return r.json() as Promise<unknown>;
    });
    data.catch(() => loaded.delete(url));
    loaded.set(url, data);
  }
  return data as Promise<T>;
}
