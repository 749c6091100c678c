import type { ClientDirective } from 'astro'

/** What tells that the visitor reached into an island: a tap or click, a key, focus moving into it, a change. */
export const INTERACTIONS = ['pointerdown', 'touchstart', 'keydown', 'focusin', 'input', 'change'] as const

/**
 * `client:interaction` (site/integrations/interaction.ts): hydrates an island when the visitor first reaches
 * into it, not when the browser is idle. Until then the island is its server-rendered HTML, a plain form
 * that works; what was typed or chosen before hydration is taken from the inputs by the island itself. So a
 * page whose island is large (the service request form: React alone is 68 KB gzipped) costs no JavaScript
 * on its first view, and the code is fetched while the resident fills the first field.
 *
 * `client:interaction="key"` hydrates at once when this tab's sessionStorage holds `key` (a draft to bring
 * back: the resident has been here, and the code is likely in the cache).
 */
const interaction: ClientDirective = (load, options, el) => {
  let started = false
  const start = async () => {
    if (started) return
    started = true
    for (const type of INTERACTIONS) el.removeEventListener(type, start, true)
    await (
      await load()
    )()
  }
  for (const type of INTERACTIONS) el.addEventListener(type, start, { capture: true, passive: true })
  // Focus already inside (restored by the browser on going back): the visitor is there.
  if (el.contains(document.activeElement)) void start()
  else if (typeof options.value === 'string' && sessionStorage.getItem(options.value) !== null) void start()
}

export default interaction
