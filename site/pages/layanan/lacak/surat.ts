import type { APIRoute } from 'astro'
import { signedLetterPdf } from '../../../../cms/resident-services/letters'
import { isLetterToken } from '../../../../cms/resident-services/letterLink'
import { normalizeReference } from '../../../../cms/resident-services/reference'
import { payload } from '../../../lib/payload'
import { inRequestVillage } from '../../../../cms/villages/scope'

/** The signed letter of a finished request, for the resident who passed the tracking check (token link). */
export const GET: APIRoute = async ({ url, locals }) => {
  const reference = normalizeReference(url.searchParams.get('ref') ?? '')
  if (!reference || !isLetterToken(reference, url.searchParams.get('t') ?? ''))
    return new Response(locals.t('letter.badLink'), { status: 404 })
  const instance = await payload()
  const { docs } = await instance.find({
    collection: 'service-requests',
    where: await inRequestVillage(instance, { reference: { equals: reference } }),
    limit: 1,
    depth: 1,
    overrideAccess: true,
    context: { skipAudit: true },
  })
  const letter = docs[0]?.status === 'done' && typeof docs[0].letter === 'object' ? docs[0].letter : null
  const pdf = letter && (await signedLetterPdf(letter))
  if (!pdf) return new Response(locals.t('letter.notReady'), { status: 404 })
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="surat-${reference}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
