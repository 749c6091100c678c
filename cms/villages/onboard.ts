import type { PayloadRequest, RequestContext } from 'payload'
import type { Village } from '../payload-types'
import { CATALOGUE, copyCatalogue, type CatalogueCollection } from './catalogue'
import { VillageCopies } from './copies'
import { firstAdminOf, type FirstAdmin, type FirstAdminOutcome } from './firstAdmin'
import { copyPageSkeletons } from './pageSkeletons'
import { copySettingsPolicies } from './settingsPolicies'
import { templateVillage } from './template'

/** What onboarding a village is told: the village to copy from (its slug; else the oldest other active one), its first admin. */
export type OnboardingInput = {
  from?: string
  admin?: FirstAdmin
  /** The village is being created, its settings just made: they take the template's policies (never on a later run). */
  newSettings?: boolean
}

/** What onboarding did: the village copied from, how many documents of each kind it copied, the first admin. */
export type OnboardingReport = {
  template: Pick<Village, 'id' | 'name' | 'slug'> | null
  copied: Record<CatalogueCollection | 'pages', number>
  /** Whether its settings took the template's payment methods, returns policy and WhatsApp templates. */
  settings: boolean
  admin: FirstAdminOutcome | null
}

/**
 * Onboards a village: copies in, from the template village, its service catalogue (services with their forms and
 * letter templates), product categories and shipping zones, its profile pages as empty drafts and its settings'
 * payment methods, returns policy and WhatsApp templates; references in
 * the copies point to the new village's copies or are left out (pictures are not copied); then its first admin is
 * invited. Running it again for the same village copies nothing twice (so an onboarding cut short can be finished),
 * and with a database that has transactions it is part of the request's.
 */
export const onboardVillage = async (req: PayloadRequest, village: Village, input: OnboardingInput = {}): Promise<OnboardingReport> => {
  const template = await templateVillage(req, village, input.from)
  const copied = { 'product-categories': 0, 'shipping-zones': 0, services: 0, pages: 0 }
  let settings = false
  if (template) {
    const route = { from: template.id, to: village.id }
    const copies = new VillageCopies()
    for (const collection of CATALOGUE) copied[collection] = await copyCatalogue(req, collection, route, copies)
    copied.pages = await copyPageSkeletons(req, route)
    if (input.newSettings) {
      await copySettingsPolicies(req, route)
      settings = true
    }
  }
  const admin = input.admin ? await firstAdminOf(req, village, input.admin) : null
  return { template: template && { id: template.id, name: template.name, slug: template.slug }, copied, settings, admin }
}

/** Where a village's creator passes onboarding its input, and hears what it did (`npm run village:add`). */
export type OnboardingContext = { onboarding?: OnboardingInput & { done?: (report: OnboardingReport) => void } }

/** The onboarding asked for in a request's context (none: copy from the default template, invite nobody). */
export const onboardingIn = (context: RequestContext): OnboardingContext['onboarding'] => (context as OnboardingContext).onboarding
