/*
 * Crew Record Locator: service-worker kill switch (docs/service-worker.md, "Kill switch").
 *
 * Deploy this file, unchanged, at the URL of the worker to retire (/sw.js), served as
 * JavaScript with `Cache-Control: no-cache`. It is kept out of public/ so it can never ship
 * by accident.
 *
 * What it does on each device, at the browser's next update check (the app's next start or
 * reload, or the app's hourly check):
 * - installs and activates at once (no waiting for the crew);
 * - deletes every Cache Storage cache of this origin (the precached app shell);
 * - unregisters itself, so the next start loads the app from the network.
 *
 * What it deliberately does not do:
 * - no fetch handler: while it is still in charge, every request goes to the network;
 * - no forced reload of open pages: a crew with a plan on screen keeps it; the fresh app
 *   arrives when they next reload or start the app;
 * - never touches IndexedDB or localStorage: saved plans and access events waiting to be sent
 *   live there, and an access event must never be dropped (DESIGN.md safety rule 6).
 */
self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.map((name) => caches.delete(name)));
      await self.registration.unregister();
    })(),
  );
});
