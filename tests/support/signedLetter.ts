import { signIn, type SignedIn } from './api'

/**
 * Takes the request with this reference through every step to a signed letter, as an officer and the village
 * head would; returns the letter's verification code.
 */
export const signLetter = async (server: { url: string }, reference: string) => {
  const officer = await signIn(server, { role: 'officer', name: 'Petugas Rina' })
  const head = await signIn(server, { role: 'head', name: 'H. Abdul Karim' })
  const { docs } = await officer.get<{ docs: { id: number }[] }>(`/api/service-requests?where[reference][equals]=${reference}`)
  const move = (as: SignedIn, nextStatus: string) => as.patch(`/api/service-requests/${docs[0].id}`, { nextStatus })
  for (const next of ['checking', 'processing', 'awaitingSignature']) await move(officer, next)
  await move(head, 'done')
  const finished = await officer.get<{ letter: { verificationCode: string } }>(`/api/service-requests/${docs[0].id}?depth=1`)
  return finished.letter.verificationCode
}
