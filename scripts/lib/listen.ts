import http, { type RequestListener } from 'node:http'
import { ConfigProblem } from './problem'

/** Opens the port first, so a busy port is reported before any slow start-up work. */
export const listen = (port: number, host: string, handler: RequestListener): Promise<http.Server> =>
  new Promise((resolve, reject) => {
    const server = http.createServer(handler)
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE')
        reject(new ConfigProblem(`Port ${port} is already in use: stop the program using it or set PORT to a free port.`))
      else if (err.code === 'EACCES') reject(new ConfigProblem(`Port ${port} needs more privileges: set PORT to a number above 1023.`))
      else reject(err)
    })
    server.listen(port, host, () => resolve(server))
  })
