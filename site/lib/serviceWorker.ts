/**
 * The site's only inline script: it shows how many units are in the cart next to the header's cart link
 * (from the readable `keranjang_n` cookie, so cached pages stay the same for everyone), registers the service
 * worker (/sw.js under the site's base, `data-base` on <html>; compiled from site/serviceWorker/ with the site), shows the offline notice while the browser is offline, and asks the worker to send
 * queued service requests whenever the connection may be back. The Content-Security-Policy allows exactly
 * this text by its hash (server/headers.ts).
 */
export const SW_REGISTRATION =
  "(()=>{const c=document.querySelector('[data-cart-count]'),m=/(?:^|; )keranjang_n=(\\d+)/.exec(document.cookie);if(c&&m&&+m[1]>0){c.textContent=m[1];c.hidden=false}" +
  "const n=document.getElementById('offline-notice'),s=()=>{n.hidden=navigator.onLine};addEventListener('online',s);addEventListener('offline',s);s();" +
  "const w=navigator.serviceWorker;if(!w)return;const b=document.documentElement.dataset.base||'';w.register(b+'/sw.js',{scope:b+'/'});const f=()=>w.ready.then(r=>r.active&&r.active.postMessage('flush'));addEventListener('online',f);f()})()"
