const PASSWORD = 'kata-sandi-rahasia-123'

/** A REST session of a staff member of the server at `url`. */
export const staffSession = async (url: string, email: string, password = PASSWORD) => {
  const res = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const { token } = (await res.json()) as { token: string }
  return (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, { ...init, headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json', ...init.headers } })
}

/**
 * Takes the request with this reference through every step to a signed letter, as the first administrator
 * (created here), an officer and the village head would; returns the letter's verification code.
 */
export const signLetter = async (url: string, reference: string) => {
  await fetch(`${url}/api/users/first-register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@desa.test', password: PASSWORD, name: 'Admin' }),
  })
  const admin = await staffSession(url, 'admin@desa.test')
  for (const [role, name] of [
    ['officer', 'Petugas Rina'],
    ['head', 'H. Abdul Karim'],
  ]) {
    await admin('/api/users', { method: 'POST', body: JSON.stringify({ email: `${role}@desa.test`, password: PASSWORD, name, role }) })
  }
  const [officer, head] = [await staffSession(url, 'officer@desa.test'), await staffSession(url, 'head@desa.test')]
  const { docs } = (await (await officer(`/api/service-requests?where[reference][equals]=${reference}`)).json()) as {
    docs: { id: number }[]
  }
  const move = async (as: typeof officer, nextStatus: string) => {
    const res = await as(`/api/service-requests/${docs[0].id}`, { method: 'PATCH', body: JSON.stringify({ nextStatus }) })
    if (!res.ok) throw new Error(`Moving the request to ${nextStatus} failed: ${res.status} ${await res.text()}`)
  }
  for (const next of ['checking', 'processing', 'awaitingSignature']) await move(officer, next)
  await move(head, 'done')
  const finished = (await (await officer(`/api/service-requests/${docs[0].id}?depth=1`)).json()) as { letter: { verificationCode: string } }
  return finished.letter.verificationCode
}
