/**
 * Posts a form the way its page does, asking for the page's answer as data (`Accept: application/json`, see
 * site/lib/islandAnswer.ts), with upload progress (fetch has none). Resolves with the answer and the HTTP
 * status, refused or not; rejects only when the connection failed (the caller can queue the post then).
 */
export const postForm = <T>(url: string, data: FormData, onProgress?: (percent: number) => void) =>
  new Promise<{ status: number; answer: T }>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('Accept', 'application/json')
    if (onProgress)
      xhr.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100))
      })
    xhr.addEventListener('error', () => reject(new Error('network')))
    xhr.addEventListener('load', () => {
      try {
        resolve({ status: xhr.status, answer: JSON.parse(xhr.responseText) as T })
      } catch {
        // No page's answer (a proxy's error page, a body refused before the page ran): told like a failed connection.
        reject(new Error(`status ${xhr.status}`))
      }
    })
    xhr.send(data)
  })
