import { PHOTO_MAX_SIDE } from '../../cms/resident-services/photoSize'

/** Photos are made smaller in the browser before upload: long side at most 1600 px, re-encoded as JPEG (the server does the same). */
export const targetSize = (width: number, height: number, max = PHOTO_MAX_SIDE) => {
  const scale = Math.min(1, max / Math.max(width, height))
  return { width: Math.round(width * scale), height: Math.round(height * scale) }
}

/** A JPEG/PNG/WebP photo as a smaller JPEG; other files (PDF) and files it cannot read come back unchanged. */
export const compressImage = async (file: File, quality = 0.8): Promise<File> => {
  if (!/^image\/(jpeg|png|webp)$/.test(file.type)) return file
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
    const { width, height } = targetSize(bitmap.width, bitmap.height)
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height)
    bitmap.close()
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
    if (!blob || blob.size >= file.size) return file
    return new File([blob], file.name.replace(/\.[^.]+$/, '') + '.jpg', { type: 'image/jpeg' })
  } catch {
    return file
  }
}
