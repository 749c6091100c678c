import type { PaymentProvider } from './paymentProvider'
import type { PaymentMethod } from './statuses'
import { stripeProvider } from './stripe'

/** The providers behind the shop's payment methods; a method without one is confirmed by staff. */
const PROVIDERS: PaymentProvider[] = [stripeProvider]

export const providerFor = (method: PaymentMethod): PaymentProvider | null => PROVIDERS.find((p) => p.method === method) ?? null
