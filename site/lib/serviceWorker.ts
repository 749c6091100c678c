/**
 * The site's only inline script: it registers the service worker (public/sw.js), shows the offline notice
 * while the browser is offline, and asks the worker to send queued service requests whenever the connection
 * may be back. The Content-Security-Policy allows exactly this text by its hash (server/headers.ts).
 */
export const SW_REGISTRATION =
  "(()=>{const n=document.getElementById('offline-notice'),s=()=>{n.hidden=navigator.onLine};addEventListener('online',s);addEventListener('offline',s);s();" +
  "const w=navigator.serviceWorker;if(!w)return;w.register('/sw.js');const f=()=>w.ready.then(r=>r.active&&r.active.postMessage('flush'));addEventListener('online',f);f()})()"
