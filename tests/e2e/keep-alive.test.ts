import net from 'node:net'
import { describe, expect, it } from 'vitest'
import { useProductionServer } from '../support/e2e'

const server = useProductionServer()

/** Sends one request on the socket and resolves with the status line of its answer. */
const ask = (socket: net.Socket, host: string) =>
  new Promise<string>((resolve, reject) => {
    if (socket.closed) return reject(new Error('the server closed the connection'))
    let answer = ''
    const onData = (chunk: Buffer) => {
      answer += chunk.toString('latin1')
      if (answer.includes('\r\n')) {
        socket.off('data', onData)
        resolve(answer.slice(0, answer.indexOf('\r\n')))
      }
    }
    socket.on('data', onData)
    socket.once('close', () => reject(new Error('the server closed the connection')))
    socket.write(`GET /healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n\r\n`)
  })

describe('behind a proxy that keeps connections open', () => {
  it('keeps an idle connection open longer than the proxy would (a request after 6 s of silence is answered on it)', async () => {
    const { hostname, port, host } = new URL(server.url)
    const socket = net.connect(Number(port), hostname)
    await new Promise((resolve) => socket.once('connect', resolve))
    try {
      expect(await ask(socket, host)).toMatch(/^HTTP\/1\.1 200/)
      await new Promise((resolve) => setTimeout(resolve, 6000))
      expect(await ask(socket, host)).toMatch(/^HTTP\/1\.1 200/)
    } finally {
      socket.destroy()
    }
  })
})
