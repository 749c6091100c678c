import type { Endpoint } from 'payload'
import { hasRoleIn, hasRoleSomewhere, SERVICE_STAFF } from '../../access'
import { recordAudit } from '../../resident-services/audit'
import { readPrivateFile } from '../../resident-services/privateFiles'
import { idOf } from '../../lib/relation'

/** GET /api/service-requests/:id/attachments/:row: a resident's document, only for officers, the head and admins. */
export const attachmentsEndpoint: Endpoint = {
  path: '/:id/attachments/:row',
  method: 'get',
  handler: async (req) => {
    if (!hasRoleSomewhere(req.user, ...SERVICE_STAFF)) return Response.json({ message: 'Forbidden' }, { status: 403 })
    const request = await req.payload.findByID({
      collection: 'service-requests',
      id: Number(req.routeParams?.id),
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      context: { skipAudit: true },
    })
    const attachment = request?.attachments?.[Number(req.routeParams?.row)]
    if (!request || !hasRoleIn(req.user, request.village, ...SERVICE_STAFF) || !attachment?.file || attachment.purgedAt)
      return Response.json({ message: 'Not found' }, { status: 404 })
    await recordAudit(req.payload, {
      request: request.id,
      village: idOf(request.village),
      user: req.user!.id,
      action: 'download',
      detail: attachment.label ?? attachment.field ?? '',
    })
    return new Response(new Uint8Array(await readPrivateFile(attachment.file)), {
      headers: {
        'Content-Type': attachment.mime ?? 'application/octet-stream',
        'Cache-Control': 'private, no-store',
        'Content-Disposition': attachment.mime?.startsWith('image/') ? 'inline' : 'attachment',
      },
    })
  },
}
