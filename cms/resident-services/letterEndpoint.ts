import type { Endpoint } from 'payload'
import { hasRoleIn, hasRoleSomewhere, SERVICE_STAFF } from '../access'
import { recordAudit } from './audit'
import { signedLetterPdf } from './letters'
import { idOf } from '../lib/relation'

/** GET /api/letters/:id/pdf: the signed letter, for officers, the head and admins. */
export const letterDownloadEndpoint: Endpoint = {
  path: '/:id/pdf',
  method: 'get',
  handler: async (req) => {
    if (!hasRoleSomewhere(req.user, ...SERVICE_STAFF)) return Response.json({ message: 'Forbidden' }, { status: 403 })
    const letter = await req.payload.findByID({
      collection: 'letters',
      id: Number(req.routeParams?.id),
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    const pdf = letter && (await signedLetterPdf(letter))
    // Staff of another village, or in a role of this one that does not process requests, learn nothing of it.
    if (!letter || !pdf || !hasRoleIn(req.user, letter.village, ...SERVICE_STAFF))
      return Response.json({ message: 'Not found' }, { status: 404 })
    await recordAudit(req.payload, {
      request: Number(letter.request),
      village: idOf(letter.village),
      user: req.user!.id,
      action: 'download',
      detail: `letter ${letter.number}`,
    })
    return new Response(new Uint8Array(pdf), { headers: { 'Content-Type': 'application/pdf', 'Cache-Control': 'private, no-store' } })
  },
}
