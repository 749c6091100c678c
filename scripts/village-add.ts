import { ValidationError, type Payload } from 'payload'
import { bootPayload } from './lib/boot'
import { runMain } from './lib/problem'
import { parseVillageArguments, type VillageToAdd } from './lib/villageArguments'
import type { VillageMessage } from '../cms/villages/messages'
import type { OnboardingReport } from '../cms/villages/onboard'

/** A message of the command, in Indonesian and then in English. */
const say = async (mark: string, message: VillageMessage) => {
  const { translate } = await import('../cms/messages')
  return `${mark} ${translate('id', message)}\n  ${translate('en', message)}`
}

/** Ends the command with its reasons (exit code 1, no stack trace). */
const refuse = async (problems: VillageMessage[], usage = false): Promise<never> => {
  for (const problem of problems) console.error(await say('✖', problem))
  if (usage) console.error(`\n${await say(' ', { code: 'villageAdd.usage' })}`)
  process.exit(1)
}

/** Why the village cannot be created in this install: its code, slug or a domain is another village's, or its template is unknown. */
const clashes = async (payload: Payload, village: VillageToAdd): Promise<VillageMessage[]> => {
  const owner = async (where: Parameters<Payload['find']>[0]['where']) =>
    (await payload.find({ collection: 'villages', where, limit: 1, depth: 0, overrideAccess: true })).docs[0]?.name
  const problems: VillageMessage[] = []
  const byCode = await owner({ code: { equals: village.code } })
  if (byCode) problems.push({ code: 'villageAdd.codeTaken', params: { code: village.code, village: byCode } })
  const bySlug = await owner({ slug: { equals: village.slug } })
  if (bySlug) problems.push({ code: 'villageAdd.slugTaken', params: { slug: village.slug, village: bySlug } })
  for (const domain of village.domains) {
    const byDomain = await owner({ 'domains.host': { equals: domain } })
    if (byDomain) problems.push({ code: 'villageAdd.domainTaken', params: { domain, village: byDomain } })
  }
  if (village.from && !(await owner({ slug: { equals: village.from } })))
    problems.push({ code: 'villageAdd.templateUnknown', params: { slug: village.from } })
  return problems
}

/** The active villages that no host shows once the install has several: those without a domain. */
const withoutDomain = async (payload: Payload) => {
  const { docs } = await payload.find({
    collection: 'villages',
    where: { status: { equals: 'active' } },
    pagination: false,
    depth: 0,
    select: { name: true, domains: true },
    overrideAccess: true,
  })
  return docs.length > 1 ? docs.filter((v) => !v.domains?.length).map((v) => v.name) : []
}

/**
 * `npm run village:add -- --code 64.09.01.2005 --name "Sukamaju" --domain sukamaju.example.id [...]`: adds a village
 * to the install, onboarded as the admin will (cms/villages/onboard.ts): the template village's catalogue and profile
 * pages copied in, its first admin invited. Run it with the server's settings; the server sends the invitation.
 */
runMain(async () => {
  const parsed = parseVillageArguments(process.argv.slice(2))
  if ('problems' in parsed) return refuse(parsed.problems, true)
  const { village } = parsed
  const payload = await bootPayload()
  const taken = await clashes(payload, village)
  if (taken.length) return refuse(taken)
  const { absoluteUrlOnHost } = await import('../cms/lib/urls')
  let report: OnboardingReport | undefined
  const created = await payload
    .create({
      collection: 'villages',
      data: {
        name: village.name,
        slug: village.slug,
        code: village.code,
        kecamatan: village.kecamatan,
        kabupaten: village.kabupaten,
        domains: village.domains.map((host) => ({ host })),
        status: 'active',
      },
      context: { onboarding: { from: village.from, admin: village.admin, done: (r: OnboardingReport) => (report = r) } },
      overrideAccess: true,
    })
    .catch((err: unknown) => {
      if (!(err instanceof ValidationError)) throw err
      return refuse([{ code: 'villageAdd.refused', params: { reasons: err.data.errors.map((e) => e.message).join('; ') } }])
    })
  const site = absoluteUrlOnHost(village.domains[0], '/')
  console.log(await say('✔', { code: 'villageAdd.created', params: { village: created.name, slug: created.slug, id: created.id, site } }))
  const { template, copied, admin } = report!
  console.log(
    await say(
      ' ',
      template
        ? {
            code: 'villageAdd.copiedFrom',
            params: {
              template: template.name,
              services: copied.services,
              categories: copied['product-categories'],
              zones: copied['shipping-zones'],
              pages: copied.pages,
            },
          }
        : { code: 'villageAdd.nothingToCopy' },
    ),
  )
  if (!admin) console.log(await say('!', { code: 'villageAdd.noAdmin' }))
  else if (admin.account === 'invited') console.log(await say(' ', { code: 'villageAdd.adminInvited', params: { email: admin.email } }))
  else if (admin.account === 'joined')
    console.log(await say(' ', { code: 'villageAdd.adminJoined', params: { email: admin.email, role: admin.role } }))
  else console.log(await say(' ', { code: 'villageAdd.adminAlready', params: { email: admin.email } }))
  for (const other of await withoutDomain(payload))
    console.log(await say('!', { code: 'villageAdd.withoutDomain', params: { village: other } }))
  process.exit(0)
})
