import { TenantSelectionProvider } from '@payloadcms/plugin-multi-tenant/rsc'
import type { ComponentProps } from 'react'

type Props = ComponentProps<typeof TenantSelectionProvider>

/**
 * The multi-tenant plugin's village selection, for signed-in staff only. On the sign-in screen it has no village to
 * offer, and its effect then refreshes the screen a moment after it opened, wiping what the officer had begun typing
 * (or what the browser filled in).
 */
export const VillageSelectionProvider = (props: Props) => (props.user ? <TenantSelectionProvider {...props} /> : <>{props.children}</>)
