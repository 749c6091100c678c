import type { Payload } from 'payload'
import { villageInScope } from '../villages/resolve'
import { settingsOf } from '../villages/settings'

type Props = { payload?: Payload }

/** The name and logo of the admin's village: the host's (or the install's only one); the product's name on a host of several. */
const brandOf = async (payload: Payload | undefined) => {
  const village = payload ? await villageInScope(payload) : null
  const settings = payload && village ? await settingsOf(payload, village.id) : null
  const logo = settings?.logo && typeof settings.logo === 'object' ? settings.logo : null
  const url = logo?.sizes?.w480?.filename ? `/media/${logo.sizes.w480.filename}` : logo?.filename ? `/media/${logo.filename}` : null
  return { name: settings?.name ?? 'Desa Digital', url }
}

/** The village's own logo and name on the sign-in screen and in the admin, from its settings. */
export const VillageLogo = async ({ payload }: Props) => {
  const { name, url } = await brandOf(payload)
  return (
    <span style={{ display: 'flex', alignItems: 'center', gap: '0.75rem', fontSize: '1.4rem', fontWeight: 700 }}>
      {url && <img src={url} alt="" width={56} height={56} style={{ borderRadius: '50%' }} />}
      <span>{name}</span>
    </span>
  )
}

/** The small mark in the admin's navigation: the village's logo. */
export const VillageIcon = async ({ payload }: Props) => {
  const { name, url } = await brandOf(payload)
  return url ? <img src={url} alt={name} width={28} height={28} style={{ borderRadius: '50%' }} /> : <span>{name.slice(0, 1)}</span>
}
