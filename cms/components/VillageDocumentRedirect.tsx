import { GlobalViewRedirect } from '@payloadcms/plugin-multi-tenant/rsc'

type Props = Parameters<typeof GlobalViewRedirect>[0]
/** The names the plugin gives its server props (cms/plugins/villages.ts passes them on as they come). */
type Given = Omit<Props, 'tenantArrayFieldName' | 'tenantArrayTenantFieldName'> & {
  tenantsArrayFieldName: string
  tenantsArrayTenantFieldName: string
}

/**
 * The multi-tenant plugin's redirect from a village's one-document collections (its settings, its podcast show) to
 * the document of the village picked. The plugin hands it the account's village list as `tenantsArrayFieldName` and
 * reads `tenantArrayFieldName`: without it, no account has a village and every visit of the settings page ends on
 * the dashboard.
 */
export const VillageDocumentRedirect = ({ tenantsArrayFieldName, tenantsArrayTenantFieldName, ...props }: Given) =>
  GlobalViewRedirect({ ...props, tenantArrayFieldName: tenantsArrayFieldName, tenantArrayTenantFieldName: tenantsArrayTenantFieldName })
