/** The buyer's fields of a checkout form (a village's, the portal's), in the order the form shows them. */
const FIELD_ORDER = ['name', 'email', 'phone', 'delivery', 'province', 'city', 'district', 'postalCode', 'street', 'paymentMethod']

/** After a refused post the first marked field takes focus, so its label and message are read first. */
export const firstInvalidField = (errors: Record<string, string | undefined>) => FIELD_ORDER.find((name) => errors[name])

/** A marked field's attributes that tie it to its message. */
export const describedBy = (errors: Record<string, string | undefined>, name: string) =>
  errors[name] ? { 'aria-invalid': 'true', 'aria-describedby': `${name}-error` } : {}
