import type { PayloadRequest } from 'payload'
import type { Route } from './catalogue'
import { settingsOf } from './settings'

/**
 * What a new village's settings take from the template's: which payment methods it offers, its returns policy and its
 * WhatsApp templates (approved once for the install's number). Never its identity, contacts, bank account, QRIS, Stripe
 * or Xendit account: those are the village's own. Only for settings just made (onboard.ts): later ones are the village's.
 */
export const copySettingsPolicies = async (req: PayloadRequest, { from, to }: Route) => {
  const [template, own] = await Promise.all([
    settingsOf(req.payload, from, { depth: 0, req }),
    settingsOf(req.payload, to, { depth: 0, req }),
  ])
  const whatsappTemplates = (template.whatsappTemplates ?? []).map(({ id: _row, ...row }) => row)
  const { paymentMethods, returnPolicy } = template
  await req.payload.update({
    collection: 'settings',
    id: own.id,
    data: { paymentMethods, returnPolicy, whatsappTemplates },
    overrideAccess: true,
    req,
  })
}
