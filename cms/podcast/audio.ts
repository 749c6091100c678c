import { parseBuffer } from 'music-metadata'

/** Audio types the feed may enclose, as detected from the bytes, with the enclosure type to announce. */
export const AUDIO_TYPES: Record<string, string> = { 'audio/mpeg': 'audio/mpeg', 'audio/x-m4a': 'audio/x-m4a', 'audio/mp4': 'audio/x-m4a' }

/** Duration in whole seconds read from the audio itself, or null when the file has no readable duration. */
export const audioDuration = async (data: Buffer, mimeType: string): Promise<number | null> => {
  try {
    const { format } = await parseBuffer(data, { mimeType, size: data.length }, { duration: true, skipCovers: true })
    return format.duration && format.duration > 0 ? Math.round(format.duration) : null
  } catch {
    return null
  }
}
