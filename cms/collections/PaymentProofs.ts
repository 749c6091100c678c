import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { isShopStaff, villagesWithRole } from '../access'
import { validateUpload } from '../hooks/validateUpload'
import { config } from '../lib/config'
import { notFoundUnlessStored } from '../hooks/missingFile'
import { L } from '../lib/localize'

export const PROOF_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf']
export const PROOF_MAX_BYTES = 5 * 1024 * 1024

/** Bank-transfer receipts uploaded by buyers from their order page. Staff only: they hold account details. */
export const PaymentProofs: CollectionConfig = {
  slug: 'payment-proofs',
  labels: { singular: L('Bukti transfer', 'Payment proof'), plural: L('Bukti transfer', 'Payment proofs') },
  admin: {
    group: L('Toko', 'Shop'),
    hidden: ({ user }) => villagesWithRole({ role: user?.role, villages: user?.villages }, 'producer') === true,
  },
  access: { read: isShopStaff, create: () => false, update: isShopStaff, delete: isShopStaff },
  hooks: { beforeOperation: [validateUpload({ types: PROOF_TYPES, maxBytes: PROOF_MAX_BYTES, typeNames: 'JPEG, PNG, WebP, PDF' })] },
  // Beside MEDIA_DIR, never inside it: /media is served to everyone.
  upload: {
    staticDir: path.join(config().privateDir, 'payment-proofs'),
    handlers: [notFoundUnlessStored(path.join(config().privateDir, 'payment-proofs'))],
    mimeTypes: PROOF_TYPES,
  },
  fields: [{ name: 'order', type: 'text', label: L('Nomor pesanan', 'Order number') }],
}
