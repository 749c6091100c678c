import type { ServerProps } from 'payload'
import { asLocale } from '../lib/messages'
import { translate } from '../messages'
import { mayWatch } from '../regency/dashboard'

/** The regency's dashboard in the admin's menu, for whoever may open it. */
export const RegencyNavLink = ({ user, i18n }: ServerProps) =>
  mayWatch(user) ? (
    <a href="/admin/regency" className="nav__link" id="nav-regency-dashboard">
      <span className="nav__link-label">{translate(asLocale(i18n.language), { code: 'regency.nav' })}</span>
    </a>
  ) : null
