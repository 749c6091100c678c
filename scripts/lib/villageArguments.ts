import { parseArgs } from 'node:util'
import { isEmail } from '../../cms/lib/email'
import { LOCALES } from '../../cms/lib/messages'
import { slugify } from '../../cms/lib/slugify'
import { isHostName, isVillageCode, isVillageSlug } from '../../cms/villages/identity'
import type { FirstAdmin } from '../../cms/villages/firstAdmin'
import type { VillageMessage } from '../../cms/villages/messages'

/** A village as `npm run village:add` is asked to create it. */
export type VillageToAdd = {
  name: string
  slug: string
  code: string
  domains: string[]
  kecamatan?: string
  kabupaten?: string
  from?: string
  admin?: FirstAdmin
}

const OPTIONS = {
  name: { type: 'string' },
  code: { type: 'string' },
  domain: { type: 'string', multiple: true },
  kecamatan: { type: 'string' },
  kabupaten: { type: 'string' },
  slug: { type: 'string' },
  from: { type: 'string' },
  'admin-email': { type: 'string' },
  'admin-name': { type: 'string' },
  'admin-language': { type: 'string' },
} as const

const trimmed = (value: string | undefined) => value?.trim() || undefined

/** The option of the command line node's parser refused (unknown, or given without its value). */
const refusedOption = (err: unknown) => /'(-{1,2}[^' ]+)/.exec(err instanceof Error ? err.message : '')?.[1] ?? ''

/**
 * The command line of `npm run village:add`, checked: the village to create, or every reason it cannot be (as
 * messages, said in both languages by the command). Whether the code, slug or domains are free is the database's to
 * say (scripts/village-add.ts).
 */
export const parseVillageArguments = (argv: string[]): { village: VillageToAdd } | { problems: VillageMessage[] } => {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>['values']
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values
  } catch (err) {
    return { problems: [{ code: 'villageAdd.unknownOption', params: { option: refusedOption(err) } }] }
  }
  const problems: VillageMessage[] = []
  const name = trimmed(values.name)
  if (!name) problems.push({ code: 'villageAdd.nameMissing' })
  const code = trimmed(values.code)
  if (!code) problems.push({ code: 'villageAdd.codeMissing' })
  else if (!isVillageCode(code)) problems.push({ code: 'villageAdd.codeInvalid', params: { code } })
  const domains = (values.domain ?? []).map((d) => d.trim().toLowerCase()).filter(Boolean)
  if (!domains.length) problems.push({ code: 'villageAdd.domainMissing' })
  for (const domain of domains) if (!isHostName(domain)) problems.push({ code: 'villageAdd.domainInvalid', params: { domain } })
  const slug = trimmed(values.slug) ?? slugify(name ?? '')
  if (name && !isVillageSlug(slug)) problems.push({ code: 'villageAdd.slugInvalid', params: { slug } })
  const email = trimmed(values['admin-email'])?.toLowerCase()
  const adminName = trimmed(values['admin-name'])
  const language = trimmed(values['admin-language']) ?? 'id'
  const locale = LOCALES.find((l) => l === language)
  if (email) {
    if (!isEmail(email)) problems.push({ code: 'villageAdd.emailInvalid', params: { email } })
    if (!adminName) problems.push({ code: 'villageAdd.adminNameMissing' })
    if (!locale) problems.push({ code: 'villageAdd.languageInvalid', params: { language } })
  }
  if (problems.length || !name || !code) return { problems }
  return {
    village: {
      name,
      slug,
      code,
      domains,
      kecamatan: trimmed(values.kecamatan),
      kabupaten: trimmed(values.kabupaten),
      from: trimmed(values.from),
      admin: email && adminName ? { email, name: adminName, language: locale } : undefined,
    },
  }
}
