// Vaardig's service worker: after the first visit the app and its data load from the cache, so
// the young person can fill in and match with the network off. The version is set at build time.
const VERSION = "__VERSION__";
const CACHE = `vaardig-${VERSION}`;
const FILES = ["./", "index.html", "style.css", "vaardig_web.js", "vaardig_web_bg.wasm", "taxonomy.json",
  "manifest.webmanifest", "icon.svg"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("vaardig-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only this origin's GETs; the pool server's answers (/api/) always come from the network.
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then((hit) => {
      if (hit) return hit;
      // The view page (view.html, the app's QR code) is kept once fetched, so it works offline too.
      const fetched = fetch(request).then((response) => {
        if (response.ok && url.pathname.includes("view")) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      });
      // Other pages (delen.html, werk.html) come from the network; only offline does a page
      // the cache does not hold fall back to the app.
      if (request.mode === "navigate") {
        return fetched.catch(() => caches.match("index.html"));
      }
      return fetched;
    }),
  );
});
