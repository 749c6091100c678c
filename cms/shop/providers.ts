import type { PaymentProvider } from './paymentProvider'
import type { PaymentMethod } from './statuses'
import { stripeProvider } from './stripe'
import { xenditProvider } from './xendit'

/** The providers behind the shop's payment methods; a method without one is confirmed by staff. */
const PROVIDERS: PaymentProvider[] = [stripeProvider, xenditProvider]

export const providerFor = (method: PaymentMethod): PaymentProvider | null => PROVIDERS.find((p) => p.methods.includes(method)) ?? null
