/**
 * The regency portal's only script: it shows how many units the portal's cart holds next to the header's cart link,
 * from the readable `keranjang_portal_n` cookie, so the portal's cached pages stay the same for everyone. The
 * Content-Security-Policy allows exactly this text by its hash (server/headers.ts).
 */
export const PORTAL_CART_COUNT =
  "(()=>{const c=document.querySelector('[data-cart-count]'),m=/(?:^|; )keranjang_portal_n=(\\d+)/.exec(document.cookie);if(c&&m&&+m[1]>0){c.textContent=m[1];c.hidden=false}})()"
